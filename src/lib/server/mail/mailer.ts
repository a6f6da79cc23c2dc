import { createTransport, type Transporter } from 'nodemailer';

/**
 * Outbound email through the provider's SMTP server (SMTP_URL). Used for the two links that must
 * reach a person directly (a password reset, an invitation); nothing is queued, because each link
 * expires soon and the person can simply ask again.
 */
export function mailConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
	return !!env.SMTP_URL?.trim();
}

export class MailNotConfigured extends Error {
	constructor() {
		super('El correo no está configurado (SMTP_URL).');
	}
}

let cached: { url: string; transport: Transporter } | null = null;

function transport(url: string): Transporter {
	if (cached?.url !== url) {
		cached?.transport.close();
		cached = { url, transport: createTransport(url) };
	}
	return cached.transport;
}

function fromAddress(env: NodeJS.ProcessEnv): string {
	if (env.SMTP_FROM?.trim()) return env.SMTP_FROM.trim();
	let host = 'localhost';
	try {
		if (env.ORIGIN) host = new URL(env.ORIGIN).hostname;
	} catch {
		// An unreadable ORIGIN leaves the default.
	}
	return `Tablero de instalaciones <no-reply@${host}>`;
}

export interface Mail {
	to: string;
	subject: string;
	text: string;
}

export async function sendMail(mail: Mail, env: NodeJS.ProcessEnv = process.env): Promise<void> {
	const url = env.SMTP_URL?.trim();
	if (!url) throw new MailNotConfigured();
	await transport(url).sendMail({ from: fromAddress(env), to: mail.to, subject: mail.subject, text: mail.text });
}
