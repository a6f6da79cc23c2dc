// A local SMTP server for the tests (the `smtp-server` package): it accepts every message without
// authentication and keeps it, so a test can read the mail the app sent and follow its link.
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
	to: string[];
	from: string;
	subject: string;
	text: string;
}

export interface FakeSmtp {
	url: string;
	mails: ReceivedMail[];
	/** The next mail to `to` (already received or arriving within the timeout). */
	waitFor(to: string, timeoutMs?: number): Promise<ReceivedMail>;
	close(): Promise<void>;
}

/** Quoted-printable (RFC 2045), which nodemailer uses for text with accents. */
function decodeQuotedPrintable(body: string): string {
	const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
	return Buffer.from(bytes, 'latin1').toString('utf8');
}

export function parseMail(raw: string): Omit<ReceivedMail, 'to'> {
	const split = raw.indexOf('\r\n\r\n');
	const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
	let body = raw.slice(split + 4);
	const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
	const encoding = header('Content-Transfer-Encoding').toLowerCase();
	if (encoding === 'quoted-printable') body = decodeQuotedPrintable(body);
	else if (encoding === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	const subject = header('Subject').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, kind: string, text: string) =>
		kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' '))
	);
	return { from: header('From'), subject: subject.replace(/\?=\s+=\?/g, ''), text: body };
}

export async function startFakeSmtp(port = 0): Promise<FakeSmtp> {
	const mails: ReceivedMail[] = [];
	const waiters: { to: string; resolve: (m: ReceivedMail) => void }[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				const mail = {
					to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
					...parseMail(Buffer.concat(chunks).toString('latin1'))
				};
				mails.push(mail);
				for (const w of waiters.splice(0)) {
					if (mail.to.includes(w.to)) w.resolve(mail);
					else waiters.push(w);
				}
				callback();
			});
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	const address = server.server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	return {
		url: `smtp://127.0.0.1:${actualPort}`,
		mails,
		waitFor(to, timeoutMs = 15_000) {
			const address = to.toLowerCase();
			const found = mails.find((m) => m.to.includes(address));
			if (found) return Promise.resolve(found);
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`no llegó ningún correo a ${to}`)), timeoutMs);
				waiters.push({
					to: address,
					resolve: (m) => {
						clearTimeout(timer);
						resolve(m);
					}
				});
			});
		},
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
