import type { Database } from '../db';
import type { RawRunner } from '../db/client';
import type { SessionUser } from '../auth';
import { dbValueOf, readCardFields, writeCardField } from '../db/card-fields';
import { setActor } from '../db/card-tx';
import * as plans from '../db/plans';
import { ADDON_KIND_KEYS } from '$lib/domain/addon-kinds';
import { insertCardHistory } from '../db/history';
import { CARD_FIELDS, fieldEditSchema, fieldSchema, sameValue, toWire, type CardField, type FieldValue } from '$lib/schemas/card';
import { parseInput } from '../validation';
import { forbidden, notFound, ServiceError } from './errors';
import { orgSettings } from './board';
import { uuidSchema } from '$lib/schemas/common';
import { recomputeBilling } from './billing';
import { applyAddonChoice, applyContractDeposit } from './addon-choice';

const BILLING_INPUTS = new Set<string>(['planId', 'installationDate', 'installationCost', 'contractType', 'promotionFreeInstallation']);

/** Someone else saved this same field after the editor loaded it: the UI shows both values. */
export class FieldConflictError extends ServiceError {
	constructor(
		readonly field: CardField,
		readonly mine: FieldValue,
		readonly theirs: FieldValue,
		readonly version: number
	) {
		super(409, 'Otra persona cambió este dato mientras lo editabas: elige qué valor se queda.');
	}
}

export interface FieldEditResult {
	field: CardField;
	value: FieldValue;
	version: number;
	changed: boolean;
}

const OFFICE_ROLES = ['admin', 'coordinator', 'agent'];

/** The board_events trigger reads this to record who made the change. */
export async function actAs(tx: RawRunner, actor: Pick<SessionUser, 'id'>) {
	await setActor(tx, actor);
}

async function checkCatalog(db: Database, orgId: string, field: CardField, value: unknown) {
	if (field === 'planId' && value) {
		if ((await plans.countActive(db, orgId, [String(value)], ['internet'])) !== 1)
			throw new ServiceError(400, 'Ese plan no existe en el catálogo: elige otro.', {
				value: ['Ese plan no existe en el catálogo: elige otro.']
			});
	}
	if (field === 'addonPlanIds' && Array.isArray(value) && value.length) {
		if ((await plans.countActive(db, orgId, value as string[], ADDON_KIND_KEYS)) !== value.length) {
			throw new ServiceError(400, 'Algún servicio adicional no existe en el catálogo.', {
				value: ['Algún servicio adicional no existe en el catálogo.']
			});
		}
	}
}

/**
 * Autosave of one field. Conflicts are per field: if someone else changed THIS field since the
 * editor loaded it (its value is no longer `baseValue`), nothing is written and both values go
 * back; changes to other fields merge whatever the card's version says.
 */
export async function updateCardField(db: Database, actor: SessionUser, rawId: unknown, raw: unknown): Promise<FieldEditResult> {
	const id = parseInput(uuidSchema, rawId);
	const edit = parseInput(fieldEditSchema, raw);
	const field = edit.field as CardField;
	const def = CARD_FIELDS[field];
	const isTech = actor.role === 'technician';
	if (!OFFICE_ROLES.includes(actor.role) && !(isTech && 'equipment' in def)) {
		throw forbidden('Como técnico solo puedes capturar los datos del equipo (MAC, serie de la ONU, router, señal, DNI).');
	}
	const settings = await orgSettings(db, actor.orgId);
	const parsed = fieldSchema(field, settings).safeParse(edit.value);
	if (!parsed.success) {
		const msg = parsed.error.issues[0]?.message ?? 'Revisa el dato.';
		throw new ServiceError(400, msg, { value: [msg], [field]: [msg] });
	}
	const value = parsed.data;
	if (field === 'promotionFreeInstallation' && value === true && !settings.promotionFreeInstallation) {
		const msg = 'El proveedor no ofrece la promoción de instalación gratis; un administrador la activa en Ajustes.';
		throw new ServiceError(400, msg, { value: [msg], [field]: [msg] });
	}
	await checkCatalog(db, actor.orgId, field, value);
	const newWire: FieldValue = def.kind === 'stamp' ? (value as boolean) : toWire(field, value);

	return db.begin(async (tx) => {
		await actAs(tx, actor);
		const card = await readCardFields(tx, actor.orgId, id, true);
		if (!card || (isTech && card.technicianId !== actor.id)) throw notFound('Esa instalación no existe o no tienes acceso a ella.');
		const current = toWire(field, dbValueOf(card, field));
		if (sameValue(current, newWire)) return { field, value: current, version: card.version, changed: false };
		if (!edit.force && edit.baseValue !== undefined && edit.baseValue !== null && !sameValue(current, edit.baseValue)) {
			throw new FieldConflictError(field, newWire, current, card.version);
		}
		await writeCardField(tx, card, field, value);
		// The billing snapshot depends on these; the "agendada" guard reads it.
		if (BILLING_INPUTS.has(field)) await recomputeBilling(tx, actor.orgId, id);
		// The agent's choices during the call become the coordinator's services (issue 18, item 6).
		const choice = { orgId: actor.orgId, actorId: actor.id, installationId: id, settings };
		if (field === 'addonPlanIds') await applyAddonChoice(tx, choice, value as string[]);
		if (field === 'contractType') await applyContractDeposit(tx, choice, value as string | null);
		await insertCardHistory(tx, {
			orgId: actor.orgId,
			installationId: id,
			userId: actor.id,
			kind: 'field',
			field,
			oldValue: current,
			newValue: newWire,
			source: edit.source
		});
		const { version } = (await readCardFields(tx, actor.orgId, id, false))!;
		return { field, value: newWire, version, changed: true };
	});
}
