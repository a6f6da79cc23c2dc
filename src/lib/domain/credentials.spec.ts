import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_WIFI_SUFFIX, externalId, pppoePassword, pppoeUser, wifiPassword } from './credentials';

describe('PPPoE', () => {
	it('user is the phone, password is phone + M', () => {
		expect(pppoeUser('9981234567')).toBe('9981234567');
		expect(pppoePassword('9981234567')).toBe('9981234567M');
		expect(pppoePassword('998 123 4567')).toBe('9981234567M');
		expect(pppoeUser('(998) 123-45-67')).toBe('9981234567');
	});

	it.each(['', '998123456', '+529981234567', '99812345678', 'abcdefghij'])('refuses %j in Spanish', (phone) => {
		expect(() => pppoeUser(phone)).toThrow(/teléfono principal de 10 dígitos/);
		expect(() => pppoePassword(phone)).toThrow(/contraseña PPPoE/);
	});

	it('holds for any 10-digit phone', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^\d{10}$/), (phone) => {
				expect(pppoeUser(phone)).toBe(phone);
				expect(pppoePassword(phone)).toBe(`${phone}M`);
			})
		);
	});
});

describe('wifiPassword', () => {
	it.each([
		['Juan Cocom', 'cocom2024MB'],
		['María Fernanda López Cocom', 'lopez2024MB'],
		['José Peña Núñez', 'pena2024MB'],
		['  ana   PÉREZ  ', 'perez2024MB'],
		['María de la Cruz Pérez', 'cruz2024MB'],
		['Luis del Río', 'rio2024MB'],
		["Juan O'Connor Cocom", 'oconnor2024MB'],
		['Ana Pérez-Cocom', 'perezcocom2024MB'],
		['Madonna', 'madonna2024MB'],
		['Ángel Ñañez Y Ruiz', 'nanez2024MB']
	])('%j → %s', (name, expected) => {
		expect(wifiPassword(name)).toBe(expected);
	});

	it('takes another suffix from settings and the name + surname mode', () => {
		expect(wifiPassword('Juan Cocom', '2025XY')).toBe('cocom2025XY');
		expect(wifiPassword('Juan Cocom', DEFAULT_WIFI_SUFFIX, 'nombre_apellido')).toBe('juancocom2024MB');
		expect(wifiPassword('María Fernanda López Cocom', '2024MB', 'nombre_apellido')).toBe('marialopez2024MB');
		expect(wifiPassword('Madonna', '2024MB', 'nombre_apellido')).toBe('madonna2024MB');
	});

	it.each(['', '   ', '¡¿?!', 'de la'])('refuses %j in Spanish', (name) => {
		expect(() => wifiPassword(name)).toThrow(/nombre completo del cliente/);
	});

	it('is only [a-z0-9] before the suffix, for any name', () => {
		const word = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(..."aábcdeéfghiíjklmnñoóprstuúüvxyzÁÉÑ-'.".split('')) });
		fc.assert(
			fc.property(
				fc.array(word, { minLength: 1, maxLength: 6 }),
				fc.constantFrom('apellido', 'nombre_apellido' as const),
				(words, mode) => {
					const name = words.join(' ');
					let password: string;
					try {
						password = wifiPassword(name, DEFAULT_WIFI_SUFFIX, mode);
					} catch (e) {
						// Only names with no letters left may be refused.
						expect((e as Error).message).toMatch(/nombre completo/);
						return;
					}
					expect(password.endsWith(DEFAULT_WIFI_SUFFIX)).toBe(true);
					expect(password.slice(0, -DEFAULT_WIFI_SUFFIX.length)).toMatch(/^[a-z0-9]+$/);
				}
			)
		);
	});
});

describe('externalId', () => {
	it('zero-pads the folio', () => {
		expect(externalId(42)).toBe('000042');
		expect(externalId(1234567)).toBe('1234567');
		expect(externalId(7, 4)).toBe('0007');
	});

	it.each([0, -1, 1.5, Number.NaN])('refuses folio %s', (folio) => {
		expect(() => externalId(folio)).toThrow(/folio/);
	});
});
