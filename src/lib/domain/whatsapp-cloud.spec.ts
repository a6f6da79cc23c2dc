import { describe, expect, it } from 'vitest';
import { cloudRecipient, describeCloudError, MESSAGE_STATUS_KEYS, statusAdvances, statusesBelow } from './whatsapp-cloud';

describe('WhatsApp Cloud API rules', () => {
	it('moves a message only forward: read > delivered > sent; failed only before delivery', () => {
		expect(statusAdvances('enviado', 'entregado')).toBe(true);
		expect(statusAdvances('entregado', 'leido')).toBe(true);
		expect(statusAdvances('en_cola', 'leido')).toBe(true);
		expect(statusAdvances('leido', 'entregado')).toBe(false);
		expect(statusAdvances('entregado', 'enviado')).toBe(false);
		expect(statusAdvances('leido', 'leido')).toBe(false);
		expect(statusAdvances('enviado', 'fallido')).toBe(true);
		expect(statusAdvances('entregado', 'fallido')).toBe(false);
		expect(statusAdvances('abierto', 'leido')).toBe(true);
		expect(statusAdvances('abierto', 'fallido')).toBe(false);
		expect(statusesBelow('entregado').sort()).toEqual(['abierto', 'en_cola', 'enviado', 'fallido'].sort());
		expect(statusesBelow('fallido').sort()).toEqual(['en_cola', 'enviado']);
		for (const s of MESSAGE_STATUS_KEYS) expect(statusesBelow(s)).not.toContain(s);
	});

	it('explains Meta’s documented codes in Spanish and says which are worth retrying', () => {
		expect(describeCloudError(190, 401)).toMatchObject({ retry: false, message: expect.stringMatching(/^El token de acceso/) });
		expect(describeCloudError(131047, 400)).toMatchObject({ retry: false, message: expect.stringContaining('24 horas') });
		expect(describeCloudError(131026, 400).retry).toBe(false);
		expect(describeCloudError(100, 400).retry).toBe(false);
		for (const code of [4, 80007, 130429]) expect(describeCloudError(code, 429).retry).toBe(true);
		expect(describeCloudError(1, 500)).toEqual({ retry: true, message: 'WhatsApp tuvo una falla temporal (HTTP 500).' });
		expect(describeCloudError(null, 503).retry).toBe(true);
		expect(describeCloudError(2388, 400)).toEqual({ retry: false, message: 'WhatsApp rechazó el mensaje (código 2388).' });
		const ENGLISH = /\b(invalid|expected|required|error|undefined|null)\b/i;
		for (const code of [190, 131047, 131026, 100, 4, 80007, 130429, 131048, 131021, 131056, 133010, 99999]) {
			expect(describeCloudError(code, 400).message).not.toMatch(ENGLISH);
		}
	});

	it('writes the recipient as 52 and the 10 digits, or refuses a number that is not Mexican', () => {
		expect(cloudRecipient('998 123 4567')).toBe('529981234567');
		expect(cloudRecipient('+52 1 998 123 4567')).toBe('529981234567');
		expect(cloudRecipient('+1 415 555 0100')).toBeNull();
		expect(cloudRecipient(null)).toBeNull();
	});
});
