import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstName, normalizeName, surname } from './names';

const letters = [...'abcdefghijklmnñopqrstuvwxyzáéíóúüABCDEFGHIJKLMNÑOPQRSTUVWXYZÁÉÍÓÚÜ'];
const nameChar = fc.constantFrom(...letters, ' ', ' ', '\t', '\u00a0', '-', "'");
const nameLike = fc
	.array(fc.oneof(fc.constantFrom('de', 'DEL', 'la', 'Y', 'e', 'von'), fc.string({ unit: nameChar, maxLength: 12 })), {
		maxLength: 6
	})
	.map((parts) => parts.join(' '));
const anyText = fc.oneof(nameLike, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }));

describe('normalizeName', () => {
	it.each([
		['  josé   MUÑOZ  ', 'José Muñoz'],
		['MARÍA DE LA LUZ PÉREZ Y LÓPEZ', 'María de la Luz Pérez y López'],
		['juan del valle', 'Juan del Valle'],
		['ana de los santos', 'Ana de los Santos'],
		['de la cruz juan', 'De la Cruz Juan'],
		['maría-josé ortiz', 'María-José Ortiz'],
		['JUAN  PABLO\tCOCOM', 'Juan Pablo Cocom'],
		["o'connor patrick", "O'Connor Patrick"],
		['o’connor', "O'Connor"],
		['ludwig VAN beethoven', 'Ludwig van Beethoven'],
		['ñandú ÑUÑEZ', 'Ñandú Ñuñez'],
		['josé e inés', 'José e Inés'],
		['jose\u0301', 'José'],
		['', ''],
		['   ', '']
	])('%j → %j', (input, expected) => {
		expect(normalizeName(input)).toBe(expected);
	});

	it('tolerates null and undefined', () => {
		expect(normalizeName(null)).toBe('');
		expect(normalizeName(undefined)).toBe('');
	});

	it('property: idempotent', () => {
		fc.assert(
			fc.property(anyText, (s) => {
				const once = normalizeName(s);
				expect(normalizeName(once)).toBe(once);
			})
		);
	});

	it('property: no double spaces and no space at either end', () => {
		fc.assert(
			fc.property(anyText, (s) => {
				const out = normalizeName(s);
				expect(out).not.toMatch(/\s\s/u);
				expect(out).toBe(out.trim());
			})
		);
	});

	it('property: never changes letters other than their case', () => {
		const lettersOnly = (s: string) =>
			[...s.normalize('NFC')]
				.filter((c) => /\p{L}/u.test(c))
				.join('')
				.toLowerCase();
		fc.assert(
			fc.property(nameLike, (s) => {
				expect(lettersOnly(normalizeName(s))).toBe(lettersOnly(s));
			})
		);
	});

	it('property: every word starts upper-case unless it is a particle after the first', () => {
		fc.assert(
			fc.property(nameLike, (s) => {
				const words = normalizeName(s).split(' ').filter(Boolean);
				words.forEach((w, i) => {
					const first = [...w].find((c) => /\p{L}/u.test(c));
					if (!first) return;
					const particle = i > 0 && ['de', 'del', 'la', 'las', 'los', 'y', 'e', 'van', 'von'].includes(w);
					expect(particle || first === first.toUpperCase()).toBe(true);
				});
			})
		);
	});
});

describe('firstName and surname', () => {
	it.each([
		['Juan Cocom', 'Juan', 'Cocom'],
		['María José Pérez López', 'María', 'Pérez'],
		['juan carlos cocom chan', 'Juan', 'Cocom'],
		['Juan de la Cruz López', 'Juan', 'de la Cruz'],
		['José Muñoz de la Cruz', 'José', 'Muñoz'],
		['Ana del Valle Poot', 'Ana', 'del Valle'],
		// The documented miss: a compound given name with a single surname.
		['José Luis Cocom', 'José', 'Luis'],
		['Madonna', 'Madonna', ''],
		['', '', ''],
		[null, '', '']
	])('%j → first %j, surname %j', (full, first, last) => {
		expect(firstName(full)).toBe(first);
		expect(surname(full)).toBe(last);
	});

	it('property: both come from the normalized name', () => {
		fc.assert(
			fc.property(nameLike, (s) => {
				const norm = normalizeName(s);
				expect(norm.startsWith(firstName(s))).toBe(true);
				expect(norm.includes(surname(s))).toBe(true);
			})
		);
	});
});
