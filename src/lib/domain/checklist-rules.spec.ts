import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allUnmet, isRuleMet, ruleKeys, AUTO_RULES } from './checklist-rules';
import { requirementsFor, type GuardCard } from './stages';

const empty: GuardCard = { id: 'c1', stage: 'preinstalacion', fullName: 'Ana Pérez', phone: '9981234567' };

describe('checklist auto rules', () => {
	it('ticks the name/phone item from the same data the guard reads', () => {
		expect(isRuleMet('field:phone', allUnmet(empty))).toBe(true);
		expect(isRuleMet('field:phone', allUnmet({ ...empty, phone: '123' }))).toBe(false);
	});

	it('ticks file items when the file exists', () => {
		expect(isRuleMet('file:ine_frontal', allUnmet(empty))).toBe(false);
		expect(isRuleMet('file:ine_frontal', allUnmet({ ...empty, fileCategories: ['ine_frontal'] }))).toBe(true);
	});

	it('checks the email like the guard does', () => {
		expect(isRuleMet('field:email', allUnmet({ ...empty, email: 'no-es-correo' }))).toBe(false);
		expect(isRuleMet('field:email', allUnmet({ ...empty, email: 'ana@gmail.com' }))).toBe(true);
	});

	it('address rule covers every missing address part', () => {
		expect(ruleKeys('field:address')).toEqual(['address:']);
		expect(isRuleMet('field:address', allUnmet(empty))).toBe(false);
	});

	it('evaluates whatever the card stage is (a later card is still checked)', () => {
		expect(isRuleMet('field:plan', allUnmet({ ...empty, stage: 'activa' }))).toBe(false);
	});

	it('agrees with the guard: a rule is met iff none of its requirement keys is unmet', () => {
		fc.assert(
			fc.property(
				fc.record({
					email: fc.option(fc.constantFrom('a@b.mx', 'mal', ''), { nil: null }),
					planId: fc.option(fc.constant('p1'), { nil: null }),
					phoneAlt: fc.option(fc.constantFrom('9987654321', '12'), { nil: null }),
					fileCategories: fc.subarray(['ine_frontal', 'ine_atras', 'comprobante_domicilio'])
				}),
				fc.constantFrom(...AUTO_RULES),
				(extra, rule) => {
					const card = { ...empty, ...extra };
					const unmet = requirementsFor({ ...card, stage: 'preinstalacion' }, 'activa');
					const keys = ruleKeys(rule);
					const expected = !unmet.some((r) => keys.some((k) => (k.endsWith(':') ? r.key.startsWith(k) : r.key === k)));
					expect(isRuleMet(rule, allUnmet(card))).toBe(expected);
				}
			)
		);
	});
});
