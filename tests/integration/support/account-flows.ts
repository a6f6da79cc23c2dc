import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import type { Database } from '$lib/server/db/client';
import { createSession, type SessionUser } from '$lib/server/auth';
import { login, SecondStepRequired } from '$lib/server/services/login';
import { changePassword, resetUserPassword } from '$lib/server/services/passwords';
import { acceptInvitation, createInvitation, listInvitations, revokeInvitation } from '$lib/server/services/invitations';
import { completePasswordReset, requestPasswordReset } from '$lib/server/services/password-reset';
import { confirmTwoFactor, disableTwoFactor, startTwoFactor, twoFactorStatus } from '$lib/server/services/two-factor';
import { completeLogin } from '$lib/server/services/login-second-step';
import { startFakeSmtp } from '../../smtp-fake/fake';
import { PASSWORD, sessionUserOf } from './factories';

export const STRONG_PASSWORD = 'mango tlayuda nublado 42';

/**
 * Goes once through every account flow that leaves an audit row (issue 23, item 1): an admin's
 * reset and the owner's change, an invitation revoked and one accepted, a password reset by
 * email, two-factor on, a wrong code, a recovery code, two-factor off.
 */
export async function exerciseAccountFlows(db: Database, admin: SessionUser, userId: string, ip: string): Promise<void> {
	const meta = { ip, userAgent: 'Prueba' };
	const { password } = await resetUserPassword(db, admin, { id: userId });
	const user = { ...(await sessionUserOf(db, userId)), ip };
	const session = await createSession(db, user);
	await changePassword(db, user, session.session.id, { current: password, password: STRONG_PASSWORD, passwordConfirm: STRONG_PASSWORD });

	await createInvitation(db, admin, { name: 'Rita Revocada', role: 'agent' }, 'https://tablero.example');
	await revokeInvitation(db, admin, { id: (await listInvitations(db, admin))[0].id });
	const invite = await createInvitation(db, admin, { name: 'Iván Invitado', role: 'agent' }, 'https://tablero.example');
	const invitee = {
		name: 'Iván Invitado',
		email: `ivan-${Date.now()}@prueba.mx`,
		password: STRONG_PASSWORD,
		passwordConfirm: STRONG_PASSWORD
	};
	await acceptInvitation(db, invite.url.split('/').pop(), invitee, meta);

	const smtp = await startFakeSmtp();
	const previous = { smtp: process.env.SMTP_URL, secret: process.env.APP_SECRET };
	process.env.SMTP_URL = smtp.url;
	process.env.APP_SECRET ??= 'secreto-de-prueba-de-la-bitacora';
	try {
		await requestPasswordReset(db, { email: user.email }, { ip, origin: 'https://tablero.example' });
		const mail = await smtp.waitFor(user.email);
		const token = /\/recuperar\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
		await completePasswordReset(db, token, { password: PASSWORD, passwordConfirm: PASSWORD }, { ip });

		const who = { ...admin, ip };
		await startTwoFactor(db, who);
		const key = decodeBase32IgnorePadding((await twoFactorStatus(db, who)).pending!.secret.replace(/\s/g, ''));
		const { recoveryCodes } = await confirmTwoFactor(db, who, { code: generateTOTP(key, 30, 6) });
		const challenge = await login(db, { email: admin.email, password: PASSWORD }, meta).then(
			() => '',
			(e: unknown) => (e instanceof SecondStepRequired ? e.challenge : '')
		);
		await completeLogin(db, challenge, { code: 'zzzzzzzzzz' }, meta).catch(() => null);
		await completeLogin(db, challenge, { code: recoveryCodes[0] }, meta);
		await disableTwoFactor(db, who, { code: recoveryCodes[1] });
	} finally {
		await smtp.close();
		if (previous.smtp === undefined) delete process.env.SMTP_URL;
		else process.env.SMTP_URL = previous.smtp;
		if (previous.secret === undefined) delete process.env.APP_SECRET;
		else process.env.APP_SECRET = previous.secret;
	}
}
