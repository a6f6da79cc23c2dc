import type { Database } from '../db';
import * as links from '../db/account-links';
import * as passwords from '../db/passwords';
import { hashPassword, invalidateUserSessions } from '../auth';
import { hashLinkToken, newLinkToken } from '../link-tokens';
import { mailConfigured, sendMail } from '../mail/mailer';
import { SharedRateLimiter } from '../rate-limit';
import { limitKey } from '../client-address';
import { ServiceError } from './errors';
import { parseInput } from '../validation';
import { accountTokenSchema, forgotPasswordSchema, newPasswordSchema } from '$lib/schemas/account';
import { RESET_MINUTES, resetMail } from '$lib/domain/account-messages';
import { domainEvents } from '../events';
import { recordAudit } from './audit';
import { requireStrong } from './passwords';

// Each request may send a mail: bounded per address and per account, so nobody floods an inbox.
const perIp = new SharedRateLimiter('reset-ip', 10, 15 * 60_000);
const perEmail = new SharedRateLimiter('reset-email', 3, 60 * 60_000);

export const RESET_SENT =
	'Si ese correo es de una cuenta activa, te enviamos un enlace para restablecer la contraseña. Revisa tu bandeja (y la de spam).';
export const RESET_LIMITED = 'Ya pediste varios enlaces. Espera unos minutos y revisa tu correo antes de pedir otro.';
export const RESET_GONE = 'Este enlace ya se usó o venció. Pide otro desde «¿Olvidaste tu contraseña?».';

export const resetAvailable = (): boolean => mailConfigured();

/**
 * «¿Olvidaste tu contraseña?»: mails a single-use link when the email is an active account. The
 * answer is the same either way, and the mail goes out after it, so neither the words nor the
 * time tell whether the account exists.
 */
export async function requestPasswordReset(db: Database, raw: unknown, meta: { ip: string; origin: string }): Promise<string> {
	if (!mailConfigured())
		throw new ServiceError(409, 'El correo no está configurado: pide a un administrador que restablezca tu contraseña.');
	const { email } = parseInput(forgotPasswordSchema, raw);
	if (!(await perIp.hit(db, limitKey(meta.ip))) || !(await perEmail.hit(db, email))) throw new ServiceError(429, RESET_LIMITED);
	const user = await passwords.byEmail(db, email);
	if (!user?.active) return RESET_SENT;
	const token = newLinkToken();
	await db.begin(async (tx) => {
		await links.insertReset(tx, {
			orgId: user.orgId,
			userId: user.id,
			tokenHash: hashLinkToken(token),
			expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000)
		});
		await recordAudit(
			tx,
			{ id: user.id, orgId: user.orgId, name: user.name, ip: meta.ip },
			{ kind: 'password_reset_requested', target: user.email }
		);
	});
	const mail = resetMail({ name: user.name, url: `${meta.origin}/recuperar/${token}` });
	sendMail({ to: user.email, ...mail }).catch((err: unknown) => console.error('correo de restablecimiento', (err as Error).message));
	return RESET_SENT;
}

/** Whether a reset link can still be used (the page shows the form or says why not). */
export async function resetLinkUsable(db: Database, rawToken: unknown): Promise<boolean> {
	const parsed = accountTokenSchema.safeParse(rawToken);
	if (!parsed.success) return false;
	const row = await links.findReset(db, hashLinkToken(parsed.data));
	return !!row && !row.used && !row.expired;
}

/** Sets the new password from a link: the link is spent and every session of the person ends. */
export async function completePasswordReset(
	db: Database,
	rawToken: unknown,
	raw: unknown,
	meta: { ip: string; locale?: string }
): Promise<void> {
	const token = parseInput(accountTokenSchema, rawToken);
	const input = parseInput(newPasswordSchema, raw);
	const preview = await links.findReset(db, hashLinkToken(token));
	if (!preview || preview.used || preview.expired) throw new ServiceError(410, RESET_GONE);
	const owner = await passwords.byId(db, preview.userId);
	if (!owner?.active) throw new ServiceError(410, RESET_GONE);
	requireStrong(input.password, [owner.name, owner.email], meta.locale);
	const hash = await hashPassword(input.password);
	await db.begin(async (tx) => {
		const row = await links.findReset(tx, hashLinkToken(token), true);
		if (!row || row.used || row.expired) throw new ServiceError(410, RESET_GONE);
		await links.markResetUsed(tx, row.id);
		await passwords.setPassword(tx, row.userId, hash, false);
		await invalidateUserSessions(tx, row.userId);
		await recordAudit(
			tx,
			{ id: owner.id, orgId: owner.orgId, name: owner.name, ip: meta.ip },
			{ kind: 'password_reset_completed', target: owner.email }
		);
	});
	domainEvents.emit('user:sessions-revoked', { userId: preview.userId });
}

/** Test hook: forget the counters between tests. */
export async function resetRequestLimits(db?: Database): Promise<void> {
	await Promise.all([perIp.reset(db), perEmail.reset(db)]);
}
