// Issue 23, item 1: changing, resetting and recovering passwords, invitations, two-factor.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP, generateTOTP } from '@oslojs/otp';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeOrg, PASSWORD } from './support/factories';
import { startFakeSmtp, type FakeSmtp } from '../smtp-fake/fake';
import { createSession, validateSessionToken, type SessionUser } from '$lib/server/auth';
import { domainEvents, type DomainEvents } from '$lib/server/events';
import { createUser } from '$lib/server/services/users';
import { login, resetLoginLimits, SecondStepRequired } from '$lib/server/services/login';
import { changePassword, resetPasswordLimits, resetUserPassword, WRONG_CURRENT } from '$lib/server/services/passwords';
import { acceptInvitation, createInvitation, listInvitations, openInvitation, revokeInvitation } from '$lib/server/services/invitations';
import {
	completePasswordReset,
	requestPasswordReset,
	resetLinkUsable,
	resetRequestLimits,
	RESET_LIMITED,
	RESET_SENT
} from '$lib/server/services/password-reset';
import { confirmTwoFactor, disableTwoFactor, removeTwoFactor, startTwoFactor, twoFactorStatus } from '$lib/server/services/two-factor';
import { completeLogin, resetSecondStepLimits } from '$lib/server/services/login-second-step';

const STRONG = 'mango tlayuda nublado 42';
const META = { ip: '192.0.2.7', userAgent: 'Prueba' };
const ORIGIN = 'https://tablero.example';

const passwordHash = async (db: TestDatabase['db'], id: string) =>
	(await db.query<{ h: string }>('select password_hash as h from users where id = $1', [id]))[0].h;
const sessionCount = async (db: TestDatabase['db'], id: string) =>
	(await db.query<{ n: number }>('select count(*)::int as n from sessions where user_id = $1', [id]))[0].n;
const auditKinds = async (db: TestDatabase['db'], orgId: string) =>
	(await db.query<{ kind: string }>('select kind from audit_log where org_id = $1 order by id', [orgId])).map((r) => r.kind);

function revocations() {
	const seen: DomainEvents['user:sessions-revoked'][] = [];
	const off = domainEvents.on('user:sessions-revoked', (e) => seen.push(e));
	return { seen, off };
}

describe.each(drivers)('accounts on %s', (driver) => {
	let t: TestDatabase;
	let smtp: FakeSmtp;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		smtp = await startFakeSmtp();
	});
	afterAll(async () => {
		await smtp?.close();
		await t?.cleanup();
	});
	beforeEach(async () => {
		await Promise.all([resetLoginLimits(), resetPasswordLimits(), resetRequestLimits(), resetSecondStepLimits()]);
	});
	const appSecret = process.env.APP_SECRET;
	afterEach(() => {
		delete process.env.SMTP_URL;
		if (appSecret === undefined) delete process.env.APP_SECRET;
		else process.env.APP_SECRET = appSecret;
	});

	async function newAgent(admin: SessionUser, email: string) {
		const u = await createUser(t.db, admin, { name: 'Nora Nueva', email, role: 'agent', password: PASSWORD });
		const first = await createSession(t.db, { id: u.id, orgId: admin.orgId });
		const second = await createSession(t.db, { id: u.id, orgId: admin.orgId });
		return { id: u.id, first, second };
	}

	it('a password an admin typed is temporary until its owner changes it; weak or wrong input changes nothing', async () => {
		const org = await makeOrg(t.db);
		const nora = await newAgent(org.admin, `nora-${driver}@prueba.mx`);
		const user = (await validateSessionToken(t.db, nora.first.token))!.user;
		expect(user.mustChangePassword).toBe(true);
		const before = await passwordHash(t.db, nora.id);

		const wrong = await changePassword(t.db, user, nora.first.session.id, {
			current: 'otra-cosa',
			password: STRONG,
			passwordConfirm: STRONG
		}).catch((e) => e);
		expect(wrong).toMatchObject({ status: 400, message: WRONG_CURRENT });
		const weak = await changePassword(t.db, user, nora.first.session.id, {
			current: PASSWORD,
			password: 'password123',
			passwordConfirm: 'password123'
		}).catch((e) => e);
		expect(weak.status).toBe(400);
		expect(weak.fieldErrors.password[0]).toMatch(/^Esa contraseña es fácil de adivinar\. .*usada comúnmente/);
		const weakEn = await changePassword(t.db, { ...user, locale: 'en' }, nora.first.session.id, {
			current: PASSWORD,
			password: 'Nora Nueva 2026',
			passwordConfirm: 'Nora Nueva 2026'
		}).catch((e) => e);
		expect(weakEn.message).toMatch(/^That password is easy to guess\./);
		const mismatch = await changePassword(t.db, user, nora.first.session.id, {
			current: PASSWORD,
			password: STRONG,
			passwordConfirm: 'x'
		}).catch((e) => e);
		expect(mismatch.fieldErrors.passwordConfirm).toEqual(['Las contraseñas no coinciden.']);
		expect(await passwordHash(t.db, nora.id)).toBe(before);
		expect(await sessionCount(t.db, nora.id)).toBe(2);

		const { seen, off } = revocations();
		await changePassword(t.db, user, nora.first.session.id, { current: PASSWORD, password: STRONG, passwordConfirm: STRONG });
		off();
		expect(seen).toEqual([{ userId: nora.id, keepSessionId: nora.first.session.id }]);
		expect((await validateSessionToken(t.db, nora.first.token))!.user.mustChangePassword).toBe(false);
		expect(await validateSessionToken(t.db, nora.second.token)).toBeNull();
		await expect(login(t.db, { email: `nora-${driver}@prueba.mx`, password: STRONG }, META)).resolves.toHaveProperty('token');
		expect(await auditKinds(t.db, org.org.id)).toContain('password_changed');
	});

	it('an admin resets a password: a new temporary one shown once, every session ended, sockets told to go', async () => {
		const org = await makeOrg(t.db);
		const nora = await newAgent(org.admin, `reset-${driver}@prueba.mx`);
		await expect(resetUserPassword(t.db, org.coordinator, { id: nora.id })).rejects.toMatchObject({ status: 403 });
		const other = await makeOrg(t.db);
		await expect(resetUserPassword(t.db, other.admin, { id: nora.id })).rejects.toMatchObject({ status: 404 });
		expect(await sessionCount(t.db, nora.id)).toBe(2);

		const { seen, off } = revocations();
		const reset = await resetUserPassword(t.db, org.admin, { id: nora.id });
		off();
		expect(reset.name).toBe('Nora Nueva');
		expect(reset.password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
		expect(seen).toEqual([{ userId: nora.id }]);
		expect(await sessionCount(t.db, nora.id)).toBe(0);
		const again = await login(t.db, { email: `reset-${driver}@prueba.mx`, password: reset.password }, META);
		expect((await validateSessionToken(t.db, again.token))!.user.mustChangePassword).toBe(true);
		expect(await auditKinds(t.db, org.org.id)).toContain('password_reset_by_admin');
	});

	it('an invitation link creates one user once; used, revoked and expired links say so', async () => {
		const org = await makeOrg(t.db);
		await expect(createInvitation(t.db, org.coordinator, { name: 'Iván', role: 'agent' }, ORIGIN)).rejects.toMatchObject({ status: 403 });
		const bad = await createInvitation(t.db, org.admin, { name: 'Iván Invitado', role: 'jefe', phone: '123' }, ORIGIN).catch((e) => e);
		expect(bad.fieldErrors.role).toBeDefined();
		expect(bad.fieldErrors.phone[0]).toMatch(/10 dígitos/);

		const inv = await createInvitation(t.db, org.admin, { name: 'iván invitado', role: 'technician', phone: '998 123 4567' }, ORIGIN);
		expect(inv.url).toMatch(new RegExp(`^${ORIGIN}/invitacion/[A-Za-z0-9_-]{43}$`));
		expect(inv.whatsapp).toMatch(/^https:\/\/wa\.me\/529981234567\?text=Hola%20Iv%C3%A1n/);
		const token = inv.url.split('/').pop()!;
		const [stored] = await t.db.query<{ token_hash: string }>('select token_hash from user_invitations where name = $1', ['Iván Invitado']);
		expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(stored.token_hash).not.toContain(token);
		expect((await listInvitations(t.db, org.admin)).map((i) => i.name)).toEqual(['Iván Invitado']);
		expect(await openInvitation(t.db, token)).toMatchObject({ state: 'ok', name: 'Iván Invitado', role: 'technician', email: null });

		const weak = await acceptInvitation(
			t.db,
			token,
			{ name: 'Iván Invitado', email: `ivan-${driver}@prueba.mx`, password: 'ivaninvitado', passwordConfirm: 'ivaninvitado' },
			META
		).catch((e) => e);
		expect(weak.status).toBe(400);
		const form = { name: 'Iván Invitado', email: `ivan-${driver}@prueba.mx`, password: STRONG, passwordConfirm: STRONG };
		const results = await Promise.allSettled([acceptInvitation(t.db, token, form, META), acceptInvitation(t.db, token, form, META)]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(refused.reason).toMatchObject({ status: 410 });
		const ok = results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<Awaited<ReturnType<typeof acceptInvitation>>>;
		const signedIn = (await validateSessionToken(t.db, ok.value.token))!.user;
		expect(signedIn).toMatchObject({ name: 'Iván Invitado', role: 'technician', orgId: org.org.id, mustChangePassword: false });
		await expect(acceptInvitation(t.db, token, form, META)).rejects.toThrow(/ya se usó/);
		expect(await openInvitation(t.db, token)).toEqual({ state: 'used' });
		expect(await listInvitations(t.db, org.admin)).toEqual([]);

		const revoked = await createInvitation(t.db, org.admin, { name: 'Rita Revocada', role: 'agent' }, ORIGIN);
		const [pending] = await listInvitations(t.db, org.admin);
		await expect(revokeInvitation(t.db, org.admin, { id: pending.id })).resolves.toBeUndefined();
		await expect(revokeInvitation(t.db, org.admin, { id: pending.id })).rejects.toMatchObject({ status: 404 });
		expect(await openInvitation(t.db, revoked.url.split('/').pop())).toEqual({ state: 'invalid' });

		const late = await createInvitation(t.db, org.admin, { name: 'Lalo Tarde', role: 'agent' }, ORIGIN);
		await t.db.query(`update user_invitations set expires_at = now() - interval '1 minute' where name = 'Lalo Tarde'`);
		expect(await openInvitation(t.db, late.url.split('/').pop())).toEqual({ state: 'expired' });
		await expect(acceptInvitation(t.db, late.url.split('/').pop(), { ...form, email: `lalo-${driver}@prueba.mx` }, META)).rejects.toThrow(
			/venció/
		);
		expect(await openInvitation(t.db, 'no-es-un-token')).toEqual({ state: 'invalid' });
		const [users] = await t.db.query<{ n: number }>(`select count(*)::int as n from users where name in ('Lalo Tarde', 'Rita Revocada')`);
		expect(users.n).toBe(0);
		expect(await auditKinds(t.db, org.org.id)).toEqual(
			expect.arrayContaining(['invitation_created', 'invitation_accepted', 'invitation_revoked'])
		);
	});

	it('«¿Olvidaste tu contraseña?» mails a single-use link, says the same for unknown emails, and ends every session', async () => {
		const org = await makeOrg(t.db);
		await expect(requestPasswordReset(t.db, { email: org.agent.email }, { ip: META.ip, origin: ORIGIN })).rejects.toMatchObject({
			status: 409
		});
		process.env.SMTP_URL = smtp.url;
		const session = await createSession(t.db, org.agent);

		expect(await requestPasswordReset(t.db, { email: `nadie-${driver}@prueba.mx` }, { ip: META.ip, origin: ORIGIN })).toBe(RESET_SENT);
		expect(await requestPasswordReset(t.db, { email: org.agent.email.toUpperCase() }, { ip: META.ip, origin: ORIGIN })).toBe(RESET_SENT);
		const mail = await smtp.waitFor(org.agent.email);
		expect(mail.subject).toBe('Restablece tu contraseña');
		const url = /https:\/\/tablero\.example\/recuperar\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0];
		const token = url.split('/').pop()!;
		expect(smtp.mails.some((m) => m.to.includes(`nadie-${driver}@prueba.mx`))).toBe(false);
		expect(await resetLinkUsable(t.db, token)).toBe(true);

		const weak = await completePasswordReset(t.db, token, { password: 'contraseña', passwordConfirm: 'contraseña' }, { ip: META.ip }).catch(
			(e) => e
		);
		expect(weak.status).toBe(400);
		expect(await resetLinkUsable(t.db, token)).toBe(true);
		const { seen, off } = revocations();
		await completePasswordReset(t.db, token, { password: STRONG, passwordConfirm: STRONG }, { ip: META.ip });
		off();
		expect(seen).toEqual([{ userId: org.agent.id }]);
		expect(await validateSessionToken(t.db, session.token)).toBeNull();
		expect(await resetLinkUsable(t.db, token)).toBe(false);
		await expect(completePasswordReset(t.db, token, { password: STRONG, passwordConfirm: STRONG }, { ip: META.ip })).rejects.toMatchObject({
			status: 410
		});
		await expect(login(t.db, { email: org.agent.email, password: STRONG }, META)).resolves.toHaveProperty('token');

		// A few requests per account an hour; the answer to the next is a wait, not a mail.
		for (let i = 0; i < 2; i++) await requestPasswordReset(t.db, { email: org.agent.email }, { ip: META.ip, origin: ORIGIN });
		await expect(requestPasswordReset(t.db, { email: org.agent.email }, { ip: META.ip, origin: ORIGIN })).rejects.toThrow(RESET_LIMITED);
		expect(await auditKinds(t.db, org.org.id)).toEqual(expect.arrayContaining(['password_reset_requested', 'password_reset_completed']));
	});

	it('two-factor: enrol with a code, sign in with a code (once) or a recovery code (once), turn it off with a code', async () => {
		const org = await makeOrg(t.db);
		const coord = org.coordinator;
		await expect(startTwoFactor(t.db, org.agent)).rejects.toMatchObject({ status: 403 });
		delete process.env.APP_SECRET;
		await expect(startTwoFactor(t.db, coord)).rejects.toThrow(/necesita APP_SECRET/);
		process.env.APP_SECRET = 'secreto-de-prueba-de-la-verificacion';
		expect((await twoFactorStatus(t.db, org.agent)).allowed).toBe(false);

		await startTwoFactor(t.db, coord);
		const status = await twoFactorStatus(t.db, coord);
		expect(status.enabled).toBe(false);
		expect(status.pending!.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
		const [stored] = await t.db.query<{ s: string }>('select totp_secret as s from users where id = $1', [coord.id]);
		const secretText = status.pending!.secret.replace(/\s/g, '');
		expect(stored.s.startsWith('v1.')).toBe(true);
		expect(stored.s).not.toContain(secretText);
		const key = decodeBase32IgnorePadding(secretText);

		await expect(
			confirmTwoFactor(t.db, coord, { code: '000000' === generateTOTP(key, 30, 6) ? '111111' : '000000' })
		).rejects.toMatchObject({
			status: 400
		});
		const { recoveryCodes } = await confirmTwoFactor(t.db, coord, { code: generateTOTP(key, 30, 6) });
		expect(recoveryCodes).toHaveLength(10);
		expect(new Set(recoveryCodes).size).toBe(10);
		const hashes = await t.db.query<{ h: string }>('select code_hash as h from recovery_codes where user_id = $1', [coord.id]);
		expect(hashes.map((h) => h.h).some((h) => recoveryCodes.some((c) => h.includes(c.replace('-', ''))))).toBe(false);

		// The password alone now opens nothing.
		const challenge = await login(t.db, { email: coord.email, password: PASSWORD }, META).then(
			() => null,
			(e) => (e instanceof SecondStepRequired ? e.challenge : null)
		);
		expect(challenge).toBeTruthy();
		await expect(completeLogin(t.db, 'falso', { code: '123456' }, META)).rejects.toMatchObject({ status: 401 });
		// The code used to enrol spent its 30-second step; the next step's code (a phone's clock a little
		// ahead) opens one session, and only one.
		const code = generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + 1), 6);
		const byCode = await completeLogin(t.db, challenge, { code }, META);
		expect((await validateSessionToken(t.db, byCode.token))!.user.id).toBe(coord.id);
		await expect(completeLogin(t.db, challenge, { code }, META)).rejects.toThrow(/ya se usó/);
		const recovery = recoveryCodes[3].toUpperCase();
		const byRecovery = await completeLogin(t.db, challenge, { code: recovery }, META);
		expect((await validateSessionToken(t.db, byRecovery.token))!.user.id).toBe(coord.id);
		await expect(completeLogin(t.db, challenge, { code: recovery }, META)).rejects.toMatchObject({ status: 400 });
		expect((await twoFactorStatus(t.db, coord)).recoveryLeft).toBe(9);

		// An admin's reset does not remove it.
		await resetUserPassword(t.db, org.admin, { id: coord.id });
		expect((await twoFactorStatus(t.db, coord)).enabled).toBe(true);

		await expect(disableTwoFactor(t.db, coord, { code: 'zzzzzzzzzz' })).rejects.toMatchObject({ status: 400 });
		await disableTwoFactor(t.db, coord, { code: recoveryCodes[0] });
		expect(await twoFactorStatus(t.db, coord)).toMatchObject({ enabled: false, pending: null, recoveryLeft: 0 });
		const [left] = await t.db.query<{ n: number }>('select count(*)::int as n from recovery_codes where user_id = $1', [coord.id]);
		expect(left.n).toBe(0);
		expect(await auditKinds(t.db, org.org.id)).toEqual(
			expect.arrayContaining(['two_factor_enabled', 'two_factor_failed', 'recovery_code_used', 'two_factor_disabled'])
		);
	});

	it("an admin can remove someone's two-factor on purpose (lost phone): audited, and their sessions end", async () => {
		process.env.APP_SECRET = 'secreto-de-prueba-de-la-verificacion';
		const org = await makeOrg(t.db);
		const coord = org.coordinator;
		await startTwoFactor(t.db, coord);
		const key = decodeBase32IgnorePadding((await twoFactorStatus(t.db, coord)).pending!.secret.replace(/\s/g, ''));
		await confirmTwoFactor(t.db, coord, { code: generateTOTP(key, 30, 6) });
		const session = await createSession(t.db, coord);
		await expect(removeTwoFactor(t.db, coord, { id: coord.id })).rejects.toMatchObject({ status: 403 });
		await expect(removeTwoFactor(t.db, (await makeOrg(t.db)).admin, { id: coord.id })).rejects.toMatchObject({ status: 404 });
		expect((await twoFactorStatus(t.db, coord)).enabled).toBe(true);

		const { seen, off } = revocations();
		expect(await removeTwoFactor(t.db, org.admin, { id: coord.id })).toEqual({ name: coord.name });
		off();
		expect(seen).toEqual([{ userId: coord.id }]);
		expect((await twoFactorStatus(t.db, coord)).enabled).toBe(false);
		expect(await validateSessionToken(t.db, session.token)).toBeNull();
		await expect(removeTwoFactor(t.db, org.admin, { id: coord.id })).rejects.toMatchObject({ status: 409 });
		await expect(login(t.db, { email: coord.email, password: PASSWORD }, META)).resolves.toHaveProperty('token');
	});
});
