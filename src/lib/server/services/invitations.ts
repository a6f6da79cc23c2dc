import type { Database } from '../db';
import * as links from '../db/account-links';
import * as users from '../db/users';
import { createSession, hashPassword, type SessionUser } from '../auth';
import { hashLinkToken, newLinkToken } from '../link-tokens';
import { mailConfigured, sendMail } from '../mail/mailer';
import { forbidden, notFound, ServiceError } from './errors';
import { parseInput } from '../validation';
import { acceptInvitationSchema, accountTokenSchema, createInvitationSchema, idSchema } from '$lib/schemas/account';
import { invitationMail, invitationText, INVITATION_DAYS } from '$lib/domain/account-messages';
import { waLink } from '$lib/domain/phones';
import { recordAudit } from './audit';
import { requireStrong } from './passwords';

const AVATAR_COLORS = ['#2563eb', '#059669', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#be185d', '#4d7c0f'];

function requireAdmin(actor: SessionUser) {
	if (actor.role !== 'admin') throw forbidden('Solo un administrador puede invitar usuarios.');
}

export async function listInvitations(db: Database, actor: SessionUser) {
	requireAdmin(actor);
	return (await links.pendingInvitations(db, actor.orgId)).map(({ id, name, role, email, phone, expiresAt }) => ({
		id,
		name,
		role,
		email,
		phone,
		expiresAt: new Date(expiresAt).toISOString()
	}));
}

/**
 * A single-use link for a new person. The token is in the answer only (the database keeps its
 * hash): the admin sends it by WhatsApp, or the app mails it when SMTP is configured.
 */
export async function createInvitation(db: Database, actor: SessionUser, raw: unknown, origin: string) {
	requireAdmin(actor);
	const input = parseInput(createInvitationSchema, raw);
	if (input.email && (await users.emailTaken(db, input.email))) {
		throw new ServiceError(409, 'Ya existe un usuario con ese correo.', { email: ['Ya existe un usuario con ese correo.'] });
	}
	if (input.sendEmail && !input.email) {
		const msg = 'Escribe el correo al que enviamos la invitación.';
		throw new ServiceError(400, msg, { email: [msg] });
	}
	if (input.sendEmail && !mailConfigured())
		throw new ServiceError(409, 'El correo no está configurado en el servidor: envía el enlace por WhatsApp.');
	const token = newLinkToken();
	const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
	const url = `${origin}/invitacion/${token}`;
	await db.begin(async (tx) => {
		await links.insertInvitation(tx, {
			orgId: actor.orgId,
			name: input.name,
			role: input.role,
			email: input.email ?? null,
			phone: input.phone ?? null,
			tokenHash: hashLinkToken(token),
			expiresAt,
			createdBy: actor.id
		});
		await recordAudit(tx, actor, {
			kind: 'invitation_created',
			target: input.name,
			details: { role: input.role, via: input.sendEmail ? 'correo' : 'enlace' }
		});
	});
	const message = { name: input.name, orgName: actor.orgName, url };
	let emailed = false;
	if (input.sendEmail && input.email) {
		try {
			await sendMail({ to: input.email, ...invitationMail(message) });
			emailed = true;
		} catch (err) {
			console.error('invitación por correo', (err as Error).message);
		}
	}
	return {
		name: input.name,
		url,
		whatsapp: input.phone
			? waLink(input.phone, invitationText(message))
			: `https://wa.me/?text=${encodeURIComponent(invitationText(message))}`,
		emailed,
		emailFailed: input.sendEmail && !emailed
	};
}

export async function revokeInvitation(db: Database, actor: SessionUser, raw: unknown): Promise<void> {
	requireAdmin(actor);
	const { id } = parseInput(idSchema, raw);
	await db.begin(async (tx) => {
		const name = await links.revokeInvitation(tx, actor.orgId, id);
		if (!name) throw notFound('Esa invitación ya no está pendiente.');
		await recordAudit(tx, actor, { kind: 'invitation_revoked', target: name });
	});
}

export type InvitationView =
	{ state: 'ok'; name: string; email: string | null; orgName: string; role: string } | { state: 'used' | 'expired' | 'invalid' };

function stateOf(row: links.InvitationRow | null): InvitationView['state'] {
	if (!row || row.revoked) return 'invalid';
	if (row.used) return 'used';
	if (row.expired) return 'expired';
	return 'ok';
}

/** What the invitee's page shows; an unknown, revoked, used or expired link says so. */
export async function openInvitation(db: Database, rawToken: unknown): Promise<InvitationView> {
	const parsed = accountTokenSchema.safeParse(rawToken);
	if (!parsed.success) return { state: 'invalid' };
	const row = await links.findInvitation(db, hashLinkToken(parsed.data));
	const state = stateOf(row);
	if (state !== 'ok' || !row) return { state: state === 'ok' ? 'invalid' : state };
	return { state, name: row.name, email: row.email, orgName: row.orgName, role: row.role };
}

export const INVITATION_GONE: Record<'used' | 'expired' | 'invalid', string> = {
	used: 'Esta invitación ya se usó. Si eres tú, inicia sesión; si no, pide al administrador una nueva.',
	expired: 'Esta invitación venció. Pide al administrador que te envíe una nueva.',
	invalid: 'Este enlace de invitación no es válido o fue revocado. Pide al administrador una nueva invitación.'
};

/** The invitee sets their name and password: the user is created, the link spent, a session opened. */
export async function acceptInvitation(
	db: Database,
	rawToken: unknown,
	raw: unknown,
	meta: { ip: string; userAgent: string | null; locale?: string }
) {
	const token = parseInput(accountTokenSchema, rawToken);
	const input = parseInput(acceptInvitationSchema, raw);
	const preview = await links.findInvitation(db, hashLinkToken(token));
	const state = stateOf(preview);
	if (state !== 'ok' || !preview) throw new ServiceError(410, INVITATION_GONE[state === 'ok' ? 'invalid' : state]);
	const email = preview.email ?? input.email;
	if (!email) {
		const msg = 'Escribe tu correo electrónico: con él vas a iniciar sesión.';
		throw new ServiceError(400, msg, { email: [msg] });
	}
	requireStrong(input.password, [input.name, email, preview.orgName], meta.locale);
	const passwordHash = await hashPassword(input.password);
	return db.begin(async (tx) => {
		// Locked and checked again: two submits of one link can't both create a user.
		const row = await links.findInvitation(tx, hashLinkToken(token), true);
		const now = stateOf(row);
		if (now !== 'ok' || !row) throw new ServiceError(410, INVITATION_GONE[now === 'ok' ? 'invalid' : now]);
		if (await users.emailTaken(tx, email)) {
			const msg = 'Ya existe un usuario con ese correo: inicia sesión o usa «¿Olvidaste tu contraseña?».';
			throw new ServiceError(409, msg, { email: [msg] });
		}
		const color = AVATAR_COLORS[Math.floor(Math.random() * AVATAR_COLORS.length)];
		const user = await users.insert(tx, { orgId: row.orgId, name: input.name, email, role: row.role, passwordHash, color });
		await links.markAccepted(tx, row.id, user.id);
		await recordAudit(
			tx,
			{ id: user.id, orgId: row.orgId, name: user.name, ip: meta.ip },
			{ kind: 'invitation_accepted', target: user.name, details: { role: user.role } }
		);
		const session = await createSession(tx, { id: user.id, orgId: row.orgId }, meta);
		return { ...session, role: user.role };
	});
}
