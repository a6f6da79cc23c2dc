import type { Database } from '../db';
import type { RawRunner } from '../db/client';
import * as twoFactor from '../db/two-factor';
import * as passwords from '../db/passwords';
import { invalidateUserSessions, type SessionUser } from '../auth';
import { domainEvents } from '../events';
import { MissingAppSecret, open, seal, UnreadableSecret } from '../secret-box';
import { enrolmentQrSvg, groupedKey, hashRecoveryCode, keyFromText, keyToText, matchingStep, newRecoveryCodes, newTotpKey } from '../totp';
import { forbidden, notFound, ServiceError } from './errors';
import { parseInput } from '../validation';
import { idSchema, twoFactorCodeSchema } from '$lib/schemas/account';
import { recordAudit, type AuditActor } from './audit';

type Runner = Pick<RawRunner, 'query'>;

const PURPOSE = 'totp-secret';
export const WRONG_CODE = 'El código no es correcto o ya se usó. Escribe el código que muestra tu aplicación ahora.';

/** Who may turn it on: the roles that can change the board's rules and people. */
export const canUseTwoFactor = (role: string): boolean => role === 'admin' || role === 'coordinator';

function sealKey(key: Uint8Array): string {
	try {
		return seal(keyToText(key), PURPOSE);
	} catch (err) {
		if (err instanceof MissingAppSecret)
			throw new ServiceError(409, 'La verificación en dos pasos necesita APP_SECRET en el servidor. Pide al administrador que la defina.');
		throw err;
	}
}

function openKey(sealed: string): Uint8Array {
	try {
		return keyFromText(open(sealed, PURPOSE));
	} catch (err) {
		if (err instanceof MissingAppSecret || err instanceof UnreadableSecret)
			throw new ServiceError(
				409,
				'No se puede leer la clave de verificación con la APP_SECRET actual. Pide a un administrador que revise el servidor.'
			);
		throw err;
	}
}

export interface TwoFactorStatus {
	allowed: boolean;
	enabled: boolean;
	recoveryLeft: number;
	/** While enrolling: the QR to scan and the same secret as text. */
	pending: { qrSvg: string; secret: string } | null;
}

export async function twoFactorStatus(db: Database, actor: SessionUser): Promise<TwoFactorStatus> {
	const row = await twoFactor.totpOf(db, actor.id);
	const allowed = canUseTwoFactor(actor.role);
	const enabled = !!row?.enabled;
	let pending: TwoFactorStatus['pending'] = null;
	if (allowed && !enabled && row?.sealedSecret) {
		const key = openKey(row.sealedSecret);
		pending = { qrSvg: await enrolmentQrSvg(actor.orgName, actor.email, key), secret: groupedKey(key) };
	}
	return { allowed, enabled, recoveryLeft: enabled ? await twoFactor.unusedRecoveryCodes(db, actor.id) : 0, pending };
}

/** A new secret waiting for its first code (starting again replaces an unfinished one). */
export async function startTwoFactor(db: Database, actor: SessionUser): Promise<void> {
	if (!canUseTwoFactor(actor.role)) throw forbidden('La verificación en dos pasos es para administradores y coordinadores.');
	const row = await twoFactor.totpOf(db, actor.id);
	if (row?.enabled) throw new ServiceError(409, 'La verificación en dos pasos ya está activada.');
	await twoFactor.setPending(db, actor.id, sealKey(newTotpKey()));
}

/** The first code proves the app holds the secret: two-factor goes on and the recovery codes are shown once. */
export async function confirmTwoFactor(db: Database, actor: SessionUser, raw: unknown): Promise<{ recoveryCodes: string[] }> {
	if (!canUseTwoFactor(actor.role)) throw forbidden('La verificación en dos pasos es para administradores y coordinadores.');
	const { code } = parseInput(twoFactorCodeSchema, raw);
	const codes = newRecoveryCodes();
	await db.begin(async (tx) => {
		const row = await twoFactor.totpOf(tx, actor.id, true);
		if (!row?.sealedSecret || row.enabled)
			throw new ServiceError(409, 'Empieza de nuevo la activación: pulsa «Activar verificación en dos pasos».');
		const step = /^\d{6}$/.test(code) ? matchingStep(openKey(row.sealedSecret), code) : null;
		if (step === null) throw new ServiceError(400, WRONG_CODE, { code: [WRONG_CODE] });
		await twoFactor.enable(tx, actor.id, step);
		await twoFactor.replaceRecoveryCodes(tx, actor.id, codes.map(hashRecoveryCode));
		await recordAudit(tx, actor, { kind: 'two_factor_enabled', target: actor.name });
	});
	return { recoveryCodes: codes };
}

/**
 * Checks a code of a user with two-factor on: a current TOTP code not used before, or an unused
 * recovery code (spent here). Call inside the transaction that acts on it.
 */
export async function spendSecondFactor(tx: Runner, actor: AuditActor, code: string): Promise<'totp' | 'recovery' | null> {
	const row = await twoFactor.totpOf(tx, actor.id, true);
	if (!row?.enabled || !row.sealedSecret) return null;
	if (/^\d{6}$/.test(code)) {
		const step = matchingStep(openKey(row.sealedSecret), code);
		return step !== null && (await twoFactor.useStep(tx, actor.id, step)) ? 'totp' : null;
	}
	if (!(await twoFactor.useRecoveryCode(tx, actor.id, hashRecoveryCode(code)))) return null;
	await recordAudit(tx, actor, {
		kind: 'recovery_code_used',
		target: actor.name,
		details: { remaining: await twoFactor.unusedRecoveryCodes(tx, actor.id) }
	});
	return 'recovery';
}

/** Turning it off takes a code too, so an unattended open session can't remove it. */
export async function disableTwoFactor(db: Database, actor: SessionUser, raw: unknown): Promise<void> {
	const { code } = parseInput(twoFactorCodeSchema, raw);
	await db.begin(async (tx) => {
		if (!(await spendSecondFactor(tx, actor, code))) throw new ServiceError(400, WRONG_CODE, { code: [WRONG_CODE] });
		await twoFactor.disable(tx, actor.id);
		await recordAudit(tx, actor, { kind: 'two_factor_disabled', target: actor.name });
	});
}

/**
 * An admin turns off someone's two-factor when they lost their phone and their recovery codes:
 * an explicit, audited act (a password reset never does it), and that person's sessions end.
 */
export async function removeTwoFactor(db: Database, actor: SessionUser, raw: unknown): Promise<{ name: string }> {
	if (actor.role !== 'admin') throw forbidden('Solo un administrador puede quitar la verificación en dos pasos de otra persona.');
	const { id } = parseInput(idSchema, raw);
	if (id === actor.id) throw new ServiceError(422, 'Para desactivar tu propia verificación en dos pasos usa «Mi cuenta».');
	const name = await db.begin(async (tx) => {
		const row = await passwords.lockInOrg(tx, actor.orgId, id);
		if (!row) throw notFound('Ese usuario no existe en tu organización.');
		if (!(await twoFactor.totpOf(tx, id))?.enabled)
			throw new ServiceError(409, `${row.name} no tiene activada la verificación en dos pasos.`);
		await twoFactor.disable(tx, id);
		await invalidateUserSessions(tx, id);
		await recordAudit(tx, actor, { kind: 'two_factor_disabled', target: row.name, details: { user: row.name } });
		return row.name;
	});
	domainEvents.emit('user:sessions-revoked', { userId: id });
	return { name };
}
