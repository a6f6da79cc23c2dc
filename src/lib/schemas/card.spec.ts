import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CARD_FIELD_KEYS, fieldEditSchema, fieldSchema, sameValue, toWire } from './card';
import { leadSchema, publicRequestSchema } from './lead';
import { fillScript, pendingSteps, CALL_STEP_KEYS } from './call-script';

const ctx = { cities: ['Cancún', 'Benito Juárez'], howHeard: ['Facebook'] };
const parse = (field: Parameters<typeof fieldSchema>[0], v: unknown) => fieldSchema(field, ctx).safeParse(v);

describe('card field schemas (shared by the panel and the server)', () => {
	it('normalises names, phones, emails and MACs', () => {
		expect(parse('fullName', '  maría  DE la cruz ').data).toBe('María de la Cruz');
		expect(parse('phone', '+52 1 (998) 123-4567').data).toBe('9981234567');
		expect(parse('email', ' Ana@Gmail.COM ').data).toBe('ana@gmail.com');
		expect(parse('cpeMac', 'aa-bb-cc-dd-ee-ff').data).toBe('AA:BB:CC:DD:EE:FF');
		expect(parse('installationCost', '1,250.5').data).toBe(125_050);
	});

	it('title-cases the street and the colonia like the name, on save', () => {
		expect(parse('addrStreet', '  calle 20 DE noviembre ').data).toBe('Calle 20 de Noviembre');
		expect(parse('addrColonia', 'fracc. villas del mar ii').data).toBe('Fracc. Villas del Mar II');
		expect(parse('addrColonia', 'sm 64').data).toBe('SM 64');
		expect(parse('addrStreet', ' ').data).toBeNull();
		expect(publicRequestSchema.parse({ fullName: 'Ana Pérez', phone: '9981234567', colonia: 'región 94' }).colonia).toBe('Región 94');
	});

	it('blank optional fields become null; required ones refuse blank', () => {
		expect(parse('phoneAlt', '  ').data).toBeNull();
		expect(parse('addrCity', '').data).toBeNull();
		expect(parse('fullName', '  ').success).toBe(false);
		expect(parse('phone', '').success).toBe(false);
	});

	it('refuses bad values with Spanish messages', () => {
		const cases: [Parameters<typeof fieldSchema>[0], unknown][] = [
			['phone', '12345'],
			['email', 'ana@'],
			['addrCity', 'Mérida'],
			['howHeard', 'Radio'],
			['houseOwnership', 'prestada'],
			['contractType', '6_meses'],
			['installationDate', '2026-02-29'],
			['installationCost', '-5'],
			['planId', 'no-uuid'],
			['rooftopAccess', 'sí']
		];
		for (const [field, v] of cases) {
			const r = parse(field, v);
			expect(r.success, field).toBe(false);
			expect(r.error?.issues[0].message, field).toMatch(/[a-záéíóúñ]/i);
		}
	});

	it('toWire ∘ parse is stable: saving what the panel shows changes nothing', () => {
		fc.assert(
			fc.property(fc.constantFrom(...CARD_FIELD_KEYS), fc.string({ maxLength: 30 }), (field, text) => {
				const r = fieldSchema(field, ctx).safeParse(text);
				if (!r.success) return;
				const wire = toWire(field, r.data);
				const again = fieldSchema(field, ctx).safeParse(wire);
				expect(again.success).toBe(true);
				expect(sameValue(toWire(field, again.data), wire)).toBe(true);
			})
		);
	});

	it('sameValue treats lists as sets and blank as empty', () => {
		expect(sameValue(['b', 'a'], ['a', 'b'])).toBe(true);
		expect(sameValue('', undefined)).toBe(true);
		expect(sameValue('a', 'b')).toBe(false);
	});

	it('an edit names a known field', () => {
		expect(fieldEditSchema.safeParse({ field: 'password', value: 'x' }).success).toBe(false);
		expect(fieldEditSchema.parse({ field: 'email', value: 'a@b.mx' })).toMatchObject({ force: false, source: 'tarjeta' });
	});
});

describe('lead schemas', () => {
	it('needs name and a Mexican phone; email optional', () => {
		expect(leadSchema.parse({ fullName: 'ana pérez', phone: '998 123 4567', source: 'web' })).toEqual({
			fullName: 'Ana Pérez',
			phone: '9981234567',
			email: null,
			source: 'web'
		});
		expect(leadSchema.safeParse({ fullName: 'Ana', phone: '1', source: 'solicitud' }).success).toBe(false);
	});
	it('public form caps long text', () => {
		expect(publicRequestSchema.safeParse({ fullName: 'Ana Pérez', phone: '9981234567', comments: 'x'.repeat(1001) }).success).toBe(false);
	});
});

describe('call script', () => {
	it('fills the provider and agent names', () => {
		expect(fillScript('Se comunica a {proveedor}. Le atiende {asesor}.', { provider: 'Internet Cancún', agent: 'Karen' })).toBe(
			'Se comunica a Internet Cancún. Le atiende Karen.'
		);
	});
	it('lists unticked steps in order', () => {
		expect(pendingSteps({ saludo: { by: 'u', at: '2026-01-01T00:00:00Z' } })).toEqual(CALL_STEP_KEYS.slice(1));
	});
});
