import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as sut from './address';

const full: sut.AddressParts = {
	sm: '12',
	mz: '3',
	lt: '4',
	ext: '10',
	int: '2',
	building: 'X',
	street: 'Y',
	colonia: 'Z',
	city: 'Cancún'
};

describe('composeAddress', () => {
	it('follows the order of the process', () => {
		expect(sut.composeAddress(full)).toBe('SM 12, MZ 3, LT 4, #10 int 2, Edificio X, Calle Y, Fracc Z, Cancún');
	});

	it.each<[sut.AddressParts, string]>([
		[{ sm: 'SM 12', mz: 'Mz. 3', lt: 'Lote 4' }, 'SM 12, MZ 3, LT 4'],
		[{ sm: 'sm12', mz: 'MZA 3', lt: 'lt. 4' }, 'SM 12, MZ 3, LT 4'],
		[{ sm: 'Supermanzana 63' }, 'SM 63'],
		[{ ext: '#10' }, '#10'],
		[{ ext: 'No. 10', int: 'Int. 2' }, '#10 int 2'],
		[{ ext: 'Núm 10', int: '#2' }, '#10 int 2'],
		[{ int: 'Depto 5' }, 'int 5'],
		[{ ext: 's/n' }, 'S/N'],
		[{ building: 'Edificio Aqua' }, 'Edificio Aqua'],
		[{ street: 'Calle Margaritas' }, 'Calle Margaritas'],
		[{ street: 'Av. Tulum' }, 'Av. Tulum'],
		[{ street: 'Avenida Kabah' }, 'Avenida Kabah'],
		[{ street: 'Privada Cedros' }, 'Privada Cedros'],
		[{ street: 'Smith' }, 'Calle Smith'],
		[{ colonia: 'Fracc. Paseos del Mar' }, 'Fracc Paseos del Mar'],
		[{ colonia: 'Fraccionamiento Galaxia' }, 'Fracc Galaxia'],
		[{ colonia: 'Col. Centro' }, 'Col. Centro'],
		[{ colonia: 'Región 94' }, 'Región 94'],
		[{ street: '  Calle   Y  ', city: '  Cancún ' }, 'Calle Y, Cancún'],
		[{ sm: 'SM', mz: '', lt: null, street: 'Calle', colonia: 'Fracc.' }, ''],
		[{}, '']
	])('%j → %j', (parts, expected) => {
		expect(sut.composeAddress(parts)).toBe(expected);
	});

	it('property: never doubles a prefix and never leaves an empty segment', () => {
		const noComma = fc.string().map((s) => s.replaceAll(',', ''));
		const prefixed = (labels: string[]) =>
			fc.tuple(fc.constantFrom(...labels), fc.integer({ min: 1, max: 999 })).map(([l, n]) => `${l}${n}`);
		fc.assert(
			fc.property(
				prefixed(['', 'SM ', 'sm', 'S.M. ', 'Sm. ']),
				prefixed(['', 'MZ ', 'Mz. ', 'mza ', 'Manzana ']),
				prefixed(['', 'LT ', 'Lt. ', 'lote ']),
				(sm, mz, lt) => {
					const out = sut.composeAddress({ sm, mz, lt });
					expect(out).toMatch(/^SM \d+, MZ \d+, LT \d+$/);
				}
			)
		);
		fc.assert(
			fc.property(fc.record({ street: noComma, colonia: noComma, city: noComma }), (p) => {
				const out = sut.composeAddress(p);
				expect(out.split(', ').every((s) => s.trim() !== '') || out === '').toBe(true);
				expect(out).not.toMatch(/\s{2}/);
			})
		);
	});
});

describe('isAddressComplete', () => {
	it('accepts a full address', () => {
		expect(sut.isAddressComplete(full)).toEqual({ ok: true });
	});

	it('accepts the SM/MZ/LT grid without a street or exterior number', () => {
		expect(sut.isAddressComplete({ sm: '12', mz: '3', lt: '4', colonia: 'Z', city: 'Cancún' })).toEqual({ ok: true });
	});

	it('accepts a street with an exterior number', () => {
		expect(sut.isAddressComplete({ street: 'Y', ext: '10', colonia: 'Z', city: 'Cancún' })).toEqual({ ok: true });
	});

	it('lists every missing piece in Spanish', () => {
		const r = sut.isAddressComplete({ sm: '12' });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.missing.map((m) => m.key)).toEqual(['address:street', 'address:ext', 'address:colonia', 'address:city']);
		expect(r.missing[0].message).toMatch(/^Falta la calle/);
		for (const m of r.missing) expect(m.message).toMatch(/:.+\.$/);
	});

	it('treats a prefix with nothing after it as empty', () => {
		const r = sut.isAddressComplete({ street: 'Calle', ext: '#', colonia: 'Fracc.', city: 'Cancún' });
		expect(r.ok ? [] : r.missing.map((m) => m.key)).toEqual(['address:street', 'address:ext', 'address:colonia']);
	});

	it('checks the city against the organization list, ignoring accents and case', () => {
		const cities = sut.DEFAULT_CITIES;
		expect(sut.isAddressComplete({ ...full, city: 'cancun' }, { cities })).toEqual({ ok: true });
		const r = sut.isAddressComplete({ ...full, city: 'Mérida' }, { cities });
		expect(r).toEqual({
			ok: false,
			missing: [
				{
					key: 'address:city',
					message: 'La ciudad «Mérida» no está en la lista: elige una de Cancún, Benito Juárez.',
					text: { code: 'address.city_unknown', params: { city: 'Mérida', cities: 'Cancún, Benito Juárez' } }
				}
			]
		});
	});

	it('property: adding a part never makes a complete address incomplete', () => {
		const part = fc.option(fc.constantFrom('12', 'SM 3', 'Calle Y', '10', 'Z', 'Cancún', ''), { nil: null });
		const keys = ['sm', 'mz', 'lt', 'ext', 'int', 'building', 'street', 'colonia', 'city'] as const;
		fc.assert(
			fc.property(fc.record(Object.fromEntries(keys.map((k) => [k, part]))), fc.constantFrom(...keys), (p, k) => {
				const before = sut.isAddressComplete(p).ok;
				const after = sut.isAddressComplete({ ...p, [k]: 'Algo 1' }).ok;
				expect(!before || after).toBe(true);
			})
		);
	});
});

describe('titleCasePlace', () => {
	it.each([
		['calle 20 de noviembre', 'Calle 20 de Noviembre'],
		['AV. TULUM', 'Av. Tulum'],
		['fracc. villas del mar ii', 'Fracc. Villas del Mar II'],
		['sm 12 mz 3 lt 4', 'SM 12 MZ 3 LT 4'],
		['Sm. 64', 'SM. 64'],
		['región   94', 'Región 94'],
		['paseo de los ángeles y la playa', 'Paseo de los Ángeles y la Playa'],
		['de la luz', 'De la Luz'],
		['retorno 5 a', 'Retorno 5 A'],
		['andador 12-b', 'Andador 12-B'],
		['col. benito juárez s/n', 'Col. Benito Juárez S/N'],
		['', '']
	])('%s → %s', (raw, text) => {
		expect(sut.titleCasePlace(raw)).toBe(text);
	});

	it('only changes case and spacing, never letters or digits', () => {
		fc.assert(
			fc.property(fc.string(), (raw) => {
				const out = sut.titleCasePlace(raw);
				const fold = (s: string) => s.toLocaleLowerCase('es-MX').replace(/\s+/g, '');
				expect(fold(out)).toBe(fold(raw));
				expect(sut.titleCasePlace(out)).toBe(out);
			})
		);
	});
});
