import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets a provider gives the app (an API key) are stored sealed with AES-256-GCM under a key
 * derived from APP_SECRET, which lives only in the environment: a database dump or backup alone
 * never reveals them. Format: `v1.<iv>.<tag>.<ciphertext>`, base64url.
 */
export class MissingAppSecret extends Error {
	constructor() {
		super(
			'Falta APP_SECRET: sin ella no se pueden guardar claves. Define APP_SECRET en el entorno del servidor ' +
				'(por ejemplo con `openssl rand -base64 32`), reinicia y vuelve a intentarlo.'
		);
	}
}

export class UnreadableSecret extends Error {
	constructor() {
		super('La clave guardada no se puede leer con la APP_SECRET actual. Vuelve a escribir la clave.');
	}
}

const MIN_SECRET_LENGTH = 16;

function keyFrom(appSecret: string | undefined, purpose: string): Buffer {
	if (!appSecret || appSecret.length < MIN_SECRET_LENGTH) throw new MissingAppSecret();
	return Buffer.from(hkdfSync('sha256', appSecret, 'tablero-instalaciones', purpose, 32));
}

export function hasAppSecret(appSecret = process.env.APP_SECRET): boolean {
	return !!appSecret && appSecret.length >= MIN_SECRET_LENGTH;
}

/** `purpose` binds the sealed value to its use: a value sealed for one purpose does not open for another. */
export function seal(plain: string, purpose: string, appSecret = process.env.APP_SECRET): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', keyFrom(appSecret, purpose), iv);
	const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
	return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function open(sealed: string, purpose: string, appSecret = process.env.APP_SECRET): string {
	const key = keyFrom(appSecret, purpose);
	const [version, iv, tag, data] = sealed.split('.');
	if (version !== 'v1' || !iv || !tag || data === undefined) throw new UnreadableSecret();
	try {
		const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
		decipher.setAuthTag(Buffer.from(tag, 'base64url'));
		return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
	} catch {
		throw new UnreadableSecret();
	}
}
