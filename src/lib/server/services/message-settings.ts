/**
 * Ajustes → Mensajes: the provider rewrites the texts of the messages to the customer. Only the
 * texts that differ from the registry's default are stored (organizations.settings.messageTemplates),
 * so «restablecer» is just dropping one; saveSettings audits the change.
 */
import type { Database } from '../db';
import type { SessionUser } from '../auth';
import { parseInput } from '../validation';
import { getOrg, saveSettings } from './settings';
import { changedTexts, messageTextsFormSchema } from '$lib/schemas/message-templates';
import { MESSAGE_TEMPLATES, MESSAGE_VARIABLE_KEYS, MESSAGE_VARIABLES, templateText } from '$lib/domain/message-templates';

export async function messageSettings(db: Database, actor: SessionUser) {
	const { settings } = await getOrg(db, actor);
	return {
		variables: MESSAGE_VARIABLE_KEYS.map((name) => ({ name, label: MESSAGE_VARIABLES[name] })),
		templates: MESSAGE_TEMPLATES.map((t) => ({
			key: t.key,
			name: t.es,
			stages: [...t.stages],
			technician: 'technician' in t,
			defaultText: t.text,
			text: templateText(t.key, settings.messageTemplates),
			custom: settings.messageTemplates[t.key] !== undefined
		}))
	};
}

export async function saveMessageTexts(db: Database, actor: SessionUser, raw: unknown): Promise<void> {
	await getOrg(db, actor);
	const { reset, ...texts } = parseInput(messageTextsFormSchema, raw);
	if (reset) texts[reset] = MESSAGE_TEMPLATES.find((t) => t.key === reset)!.text;
	await saveSettings(db, actor, { messageTemplates: changedTexts(texts) });
}
