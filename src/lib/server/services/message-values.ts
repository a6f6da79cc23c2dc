/**
 * The values a card gives the message variables (domain/message-templates.ts MESSAGE_VARIABLES):
 * the customer and the sender, the installation day, the first charge as the card's billing
 * computes it (services/billing.ts cardFirstCharge), the deposit, the process 3 step 6.1 documents
 * still missing, the technician and the Wi-Fi. The signing link is made only when a message is
 * really sent (a new link revokes the earlier one), so a preview shows where it will go.
 */
import type { Executor } from '../db/card-tx';
import type { SessionUser } from '../auth';
import type { MessageCard } from '../db/messages';
import type { OrgSettings } from '$lib/schemas/settings';
import type { DocumentKind } from '$lib/schemas/documents';
import type { MessageValues } from '$lib/domain/message-render';
import { documentsList, missingDocuments, renderTemplate } from '$lib/domain/message-render';
import { MESSAGE_VARIABLES, messageTemplate, type MessageTemplateKey, type MessageVariable } from '$lib/domain/message-templates';
import type { MessagePreview } from '$lib/types/messages';
import { formatDateLong } from '$lib/domain/dates';
import { parseTimeSlot, DAY_PART_ES } from '$lib/domain/time-slot';
import { formatMXN } from '$lib/domain/money';
import { cardFirstCharge } from './billing';

/** Shown in a preview where the new signing link will be. */
export const LINK_PLACEHOLDER = '[enlace de firma: se crea uno nuevo al enviar]';

/** «por la mañana», «a las 09:00», or what the coordinator wrote. */
export function hourPhrase(raw: string | null): string | null {
	const slot = parseTimeSlot(raw);
	if (!slot) return null;
	if (slot.kind === 'part') return DAY_PART_ES[slot.part];
	return slot.kind === 'time' ? `a las ${slot.text}` : slot.text;
}

/** The document the signing link is for: the contract while it is owed and unsigned, else the sheet. */
export function documentToSign(card: MessageCard, settings: OrgSettings): DocumentKind | null {
	const contractOwed =
		card.contractType != null && (settings.contractRequiredFor as readonly string[]).includes(card.contractType) && !card.contractSignedAt;
	if (contractOwed) return 'contrato';
	return card.sheetSignedAt ? null : 'hoja_instalacion';
}

export async function messageValues(
	exec: Executor,
	actor: Pick<SessionUser, 'orgId' | 'orgName' | 'name'>,
	card: MessageCard,
	settings: OrgSettings,
	link: string | null
): Promise<MessageValues> {
	const charge = await cardFirstCharge(exec, actor.orgId, card.id);
	const total = charge?.snapshot?.charge.totalCents;
	return {
		cliente: card.fullName,
		proveedor: actor.orgName,
		asesor: actor.name,
		fecha_instalacion: card.installationDate ? formatDateLong(card.installationDate, 'es') : null,
		hora: hourPhrase(card.installationTime),
		monto: total != null ? formatMXN(total) : null,
		deposito: settings.depositCents > 0 ? formatMXN(settings.depositCents) : null,
		link_firma: documentToSign(card, settings) ? link : null,
		documentos_faltantes: documentsList(missingDocuments(card, actor.orgName)),
		tecnico: card.technicianName,
		red_wifi: card.wifiName,
		clave_wifi: card.wifiPassword
	};
}

/** A text filled with a card's values, and what the card lacks for it in Spanish and by name. */
export function previewOf(key: MessageTemplateKey, text: string, values: MessageValues): MessagePreview {
	const r = renderTemplate(text, values);
	const missingKeys = [...r.missing, ...r.unknown];
	return {
		key,
		name: messageTemplate(key).es,
		text: r.text,
		missing: missingKeys.map((v) => (Object.hasOwn(MESSAGE_VARIABLES, v) ? MESSAGE_VARIABLES[v as MessageVariable] : `{${v}}`)),
		missingKeys
	};
}
