import { describe, expect, it } from 'vitest';
import { MissingAppSecret, UnreadableSecret, open, seal } from './secret-box';

const SECRET = 'una-app-secret-de-prueba-larga';

describe('secret box', () => {
	it('seals with AES-256-GCM and opens only with the same APP_SECRET and purpose', () => {
		const sealed = seal('clave-api-1234', 'wisphub', SECRET);
		expect(sealed).toMatch(/^v1\./);
		expect(sealed).not.toContain('clave-api-1234');
		expect(seal('clave-api-1234', 'wisphub', SECRET)).not.toBe(sealed); // a fresh IV each time
		expect(open(sealed, 'wisphub', SECRET)).toBe('clave-api-1234');
		expect(() => open(sealed, 'wisphub', 'otra-app-secret-distinta-larga')).toThrow(UnreadableSecret);
		expect(() => open(sealed, 'otro-uso', SECRET)).toThrow(UnreadableSecret);
	});

	it('detects tampering', () => {
		const [v, iv, tag, data] = seal('clave', 'wisphub', SECRET).split('.');
		const flipped = Buffer.from(data, 'base64url');
		flipped[0] ^= 1;
		expect(() => open([v, iv, tag, flipped.toString('base64url')].join('.'), 'wisphub', SECRET)).toThrow(UnreadableSecret);
	});

	it('refuses to seal without APP_SECRET, saying in Spanish how to set it', () => {
		expect(() => seal('clave', 'wisphub', undefined)).toThrow(MissingAppSecret);
		expect(() => seal('clave', 'wisphub', 'corta')).toThrow(/APP_SECRET/);
	});
});
