import { describe, expect, it } from 'vitest';
import { coded } from '$lib/domain/coded';
import { badgeCodeFor, canEnter, missingForNext, OPEN_STAGES, requirementsFor, roleRefusalFor } from '$lib/domain/stages';
import { isAddressComplete } from '$lib/domain/address';
import { completeCard, emptyCard } from '$lib/domain/stages-fixtures.spec-helpers';
import { CODED_MESSAGES } from './codes';
import { hasCode, translate as sut } from './translate';

// Words that only Spanish writes: an English sentence with one of them was left untranslated.
const SPANISH = /[áéíóúñ¿¡«»]|\b(falta|faltan|datos|el|la|los|las|de|del|que|por|para|con|sin|escribe|elige)\b/i;

describe('translate', () => {
	it('words a code in either language, the reader’s by default', () => {
		expect(sut(coded('auth.invalid'), 'es')).toBe('Correo o contraseña incorrectos.');
		expect(sut(coded('auth.invalid'), 'en')).toBe('Incorrect email or password.');
		expect(sut(coded('auth.invalid'))).toBe('Correo o contraseña incorrectos.');
	});

	it('fills parameters, coded ones in the same language and lists quoted with «o» / “or”', () => {
		const badge = coded('badge.missing_many', {
			what: coded('badge.and', { a: coded('badge.documents_many', { count: 2 }), b: coded('short.email') })
		});
		expect(sut(badge, 'es')).toBe('faltan 2 documentos y correo');
		expect(sut(badge, 'en')).toBe('missing 2 documents and email');
		const moves = coded('guard.technician_may', { from: [coded('stage.asignada')], to: [coded('stage.firmada'), coded('stage.activa')] });
		expect(sut(moves, 'es')).toBe('Como técnico solo puedes pasar tus instalaciones de «Asignada» a «Firmada» o «Activa».');
		expect(sut(moves, 'en')).toBe('As a technician you can only move your installations from “Assigned” to “Signed” or “Active”.');
	});

	it('passes plain text through and never shows nothing for an unknown code', () => {
		expect(sut('Ya dicho', 'en')).toBe('Ya dicho');
		expect(sut(null)).toBe('');
		expect(sut(undefined, 'en', 'otra cosa')).toBe('otra cosa');
		expect(sut(coded('no.such_code'), 'en')).toBe('no.such_code');
		expect(sut(coded('no.such_code'), 'en', 'Algo salió mal.')).toBe('Algo salió mal.');
		expect(hasCode('guard.missing_email')).toBe(true);
		expect(hasCode('guard.nope')).toBe(false);
	});

	it('has every code in both languages, and the English is English', () => {
		for (const code of Object.keys(CODED_MESSAGES)) {
			const params = {
				what: 'x',
				detail: 'x',
				city: 'x',
				cities: 'x',
				field: 'x',
				choices: 'x',
				reason: 'x',
				stage: 'x',
				from: 'x',
				to: 'x'
			};
			const all = { ...params, may: 'x', target: 'x', min: 5, count: 2, a: 'x', b: 'x', minutes: 3, text: 'x' };
			const es = sut({ code, params: all }, 'es');
			const en = sut({ code, params: all }, 'en');
			expect(es, code).not.toBe('');
			expect(en, code).not.toMatch(SPANISH);
		}
	});
});

describe('the guard’s codes', () => {
	it('say in Spanish exactly what the guard’s Spanish sentences say', () => {
		for (const stage of [...OPEN_STAGES, 'cancelada' as const]) {
			for (const r of requirementsFor(emptyCard('preinstalacion'), stage)) {
				expect(sut(r.text, 'es')).toBe(r.message);
				expect(sut(r.label, 'es')).toBe(r.short);
				// The cancellation reasons offered are the provider's own list (data, in its language).
				if (r.key !== 'cancelReason') expect(sut(r.text, 'en'), r.key).not.toMatch(SPANISH);
			}
		}
		const badPhones = completeCard({ stage: 'preinstalacion', phone: '12', phoneAlt: '+1 212 555 0100' });
		for (const r of requirementsFor(badPhones, 'agendada')) expect(sut(r.text, 'es')).toBe(r.message);
	});

	it('give the board badge in the reader’s language (the demo board’s «faltan 3 datos»)', () => {
		const card = completeCard({
			stage: 'preinstalacion',
			zoneId: null,
			serviceType: null,
			lat: null,
			lng: null,
			addrStreet: null,
			addrSm: null
		});
		const { badge, badgeCode } = missingForNext(card);
		expect(badge).toBe('faltan 3 datos');
		expect(sut(badgeCode, 'es')).toBe('faltan 3 datos');
		expect(sut(badgeCode, 'en')).toBe('missing 3 fields');
		const closeOut = badgeCodeFor(requirementsFor(completeCard({ stage: 'firmada', completedAt: null }), 'activa'));
		expect(sut(closeOut, 'es')).toBe('falta cierre del técnico');
		expect(sut(closeOut, 'en')).toBe("missing technician's close-out");
	});

	it('give refusals and role limits in English too', () => {
		const refused = canEnter(completeCard({ stage: 'documentos_pendientes', email: null }), 'agendada', 'agent', {
			overrideReason: 'luego'
		});
		expect(refused.ok).toBe(false);
		if (refused.ok) return;
		expect(refused.codes.map((c) => sut(c, 'es'))).toEqual(refused.reasons);
		expect(refused.codes.map((c) => sut(c, 'en'))).toEqual([
			'The email is missing: write it, the invoices go there.',
			'Only a coordinator or an administrator can move a card without meeting the requirements.'
		]);
		expect(sut(roleRefusalFor(completeCard({ stage: 'preinstalacion' }), 'asignada', 'agent'), 'en')).toBe(
			'As an agent you can move cards from “Pre-installation” to “Scheduled” or cancel them: ask a coordinator to move it to “Assigned”.'
		);
	});

	it('word the address checks the same way', () => {
		const check = isAddressComplete({ city: 'Mérida' }, { cities: ['Cancún'] });
		expect(check.ok).toBe(false);
		if (check.ok) return;
		for (const issue of check.missing) expect(sut(issue.text, 'es')).toBe(issue.message);
		expect(sut(check.missing.at(-1)!.text, 'en')).toBe('The city “Mérida” is not on the list: choose one of Cancún.');
	});
});
