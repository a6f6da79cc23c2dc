/**
 * Messages to the customer (issue 20, DOMAIN.md «Messages to the customer»): the templates that fit
 * a card's stage, filled with the card's values; sending one opens WhatsApp click-to-chat with the
 * text ready and records it (customer_messages + the card's history «Mensaje enviado: …»).
 * The WhatsApp Cloud API sender renders through `renderMessage` and records through `recordMessage`.
 */
import type { Database } from '../db';
import type { Executor } from '../db/card-tx';
import type { SessionUser } from '../auth';
import { addHistory } from '../db/card-tx';
import * as messages from '../db/messages';
import { parseInput } from '../validation';
import { orgSettings } from './board';
import { forbidden, notFound, ServiceError } from './errors';
import { createLink } from './signing';
import { documentToSign, LINK_PLACEHOLDER, messageValues, previewOf } from './message-values';
import { uuidSchema } from '$lib/schemas/common';
import { sendMessageSchema } from '$lib/schemas/message-templates';
import { clickToChatUrl, whatsappPhone } from '$lib/domain/message-render';
import { messageTemplate, templatesFor, templateText, type MessageTemplateKey } from '$lib/domain/message-templates';
import { formatMxPhone } from '$lib/domain/phones';
import type { OrgSettings } from '$lib/schemas/settings';
import type { CardMessagesView, MessageChannel, MessageStatus } from '$lib/types/messages';

const OFFICE = new Set(['admin', 'coordinator', 'agent']);

/** The card, if the actor may message its customer: the office any card, a technician only their job. */
async function cardFor(db: Database, actor: SessionUser, rawId: unknown): Promise<messages.MessageCard> {
	const id = parseInput(uuidSchema, rawId);
	const card = await messages.card(db.orm, actor.orgId, id);
	if (!card || (actor.role === 'technician' && card.technicianId !== actor.id)) {
		throw notFound('Esa instalación no existe o no tienes acceso a ella.');
	}
	return card;
}

function mayUse(actor: SessionUser, key: MessageTemplateKey): void {
	if (OFFICE.has(actor.role)) return;
	if (actor.role === 'technician' && 'technician' in messageTemplate(key)) return;
	throw forbidden('Desde el teléfono del técnico solo se envía el aviso «el técnico va en camino».');
}

/** «la fecha de instalación y el monto del primer cobro» */
const listEs = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} y ${items.at(-1)}` : (items[0] ?? ''));

/** One template filled for a card; `link` is the signing link (or the preview's placeholder). */
async function fill(
	db: Database,
	actor: SessionUser,
	card: messages.MessageCard,
	settings: OrgSettings,
	key: MessageTemplateKey,
	link: string | null
) {
	const values = await messageValues(db.orm, actor, card, settings, link);
	return previewOf(key, templateText(key, settings.messageTemplates), values);
}

/**
 * The message as it would go now: text, the phone as WhatsApp wants it (52 + 10 digits, no «+»;
 * empty when the card has none) and the variables the card lacks. When nothing is missing and the
 * text carries {link_firma}, a new signing link is made (the earlier unused one stops working).
 */
export async function renderMessage(
	db: Database,
	actor: SessionUser,
	installationId: unknown,
	templateKey: unknown,
	origin: string = publicOrigin()
): Promise<{ text: string; phone: string; missing: string[] }> {
	const { templateKey: key } = parseInput(sendMessageSchema, { templateKey });
	mayUse(actor, key);
	const card = await cardFor(db, actor, installationId);
	const settings = await orgSettings(db, actor.orgId);
	let r = await fill(db, actor, card, settings, key, LINK_PLACEHOLDER);
	const doc = documentToSign(card, settings);
	if (!r.missingKeys.length && doc && r.text.includes(LINK_PLACEHOLDER)) {
		const link = await createLink(db, actor, card.id, { kind: doc });
		r = await fill(db, actor, card, settings, key, new URL(link.path, origin).toString());
	}
	return { text: r.text, phone: whatsappPhone(card.phone) ?? '', missing: r.missingKeys };
}

/** Where the customer opens the link when no request tells: the app's public address (ORIGIN). */
function publicOrigin(): string {
	return process.env.ORIGIN || `http://localhost:${process.env.PORT ?? 3000}`;
}

export interface RecordInput {
	installationId: string;
	templateKey: string;
	channel: MessageChannel;
	phone: string;
	body: string;
	status: MessageStatus;
}

/** Writes the message and the card's history entry; call it inside the sending transaction. */
export async function recordMessage(exec: Executor, actor: SessionUser, input: RecordInput): Promise<{ id: string; createdAt: string }> {
	const row = await messages.insert(exec, { ...input, orgId: actor.orgId, sentBy: actor.id });
	const how = input.channel === 'click_to_chat' ? 'WhatsApp' : 'WhatsApp (envío automático)';
	await addHistory(exec, actor.orgId, input.installationId, actor.id, [
		{
			kind: 'message',
			field: input.templateKey,
			oldValue: null,
			newValue: `${how} a ${formatMxPhone(input.phone.replace(/^52/, ''))}`,
			source: actor.role === 'technician' ? 'tecnico' : 'tarjeta'
		}
	]);
	return row;
}

/** The card's «Mensajes» block: the templates that fit its stage, filled, and what was sent. */
export async function cardMessages(db: Database, actor: SessionUser, rawId: unknown): Promise<CardMessagesView> {
	const card = await cardFor(db, actor, rawId);
	const settings = await orgSettings(db, actor.orgId);
	const offered = templatesFor(card.stage, actor.role === 'technician');
	const values = await messageValues(db.orm, actor, card, settings, LINK_PLACEHOLDER);
	return {
		phone: whatsappPhone(card.phone),
		templates: offered.map((t) =>
			previewOf(t.key as MessageTemplateKey, templateText(t.key as MessageTemplateKey, settings.messageTemplates), values)
		),
		sent: await messages.forCard(db.orm, actor.orgId, card.id)
	};
}

/** Sends by click-to-chat: records the message and answers the wa.me link that opens it. */
export async function sendClickToChat(
	db: Database,
	actor: SessionUser,
	rawId: unknown,
	raw: unknown,
	origin?: string
): Promise<{ url: string; text: string }> {
	const { templateKey } = parseInput(sendMessageSchema, raw);
	mayUse(actor, templateKey);
	const card = await cardFor(db, actor, rawId);
	const t = messageTemplate(templateKey);
	if (!(t.stages as readonly string[]).includes(card.stage)) {
		throw new ServiceError(409, `«${t.es}» no corresponde a una tarjeta en esta etapa; elige otro mensaje.`);
	}
	const phone = whatsappPhone(card.phone);
	if (!phone) throw new ServiceError(422, 'La tarjeta no tiene un teléfono de México de 10 dígitos: corrígelo en los datos del cliente.');
	const settings = await orgSettings(db, actor.orgId);
	const check = await fill(db, actor, card, settings, templateKey, LINK_PLACEHOLDER);
	if (check.missing.length) {
		throw new ServiceError(422, `Para enviar «${t.es}» falta ${listEs(check.missing)}: complétalo en la tarjeta.`);
	}
	const { text } = await renderMessage(db, actor, card.id, templateKey, origin);
	await db.orm.transaction((tx) =>
		recordMessage(tx, actor, { installationId: card.id, templateKey, channel: 'click_to_chat', phone, body: text, status: 'abierto' })
	);
	return { url: clickToChatUrl(card.phone, text)!, text };
}
