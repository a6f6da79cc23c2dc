import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	CONTRACT_VARIABLES,
	contractValues,
	fillTemplate,
	legacyClauses,
	unknownVariables,
	unknownVariablesMessage,
	variablesIn,
	type ContractFacts
} from './contract-template';
import { DEFAULT_CLAUSES } from './contract-default';

const facts: ContractFacts = {
	customerName: 'María López',
	phone: '9981234567',
	email: 'maria@example.com',
	address: 'SM 12, MZ 3, LT 4, Calle Palmas',
	planName: 'Intermedio 120',
	planPriceCents: 45_000,
	addons: ['Telefonía (Renta telefónica 300 minutos)', 'Televisión (Paquete hasta 60 canales)'],
	installationCostCents: 120_000,
	depositCents: 50_000,
	contractType: '12_meses',
	startDate: '2026-12-04',
	endDate: null,
	installationDate: '2026-12-04',
	penaltyCents: 100_000,
	today: '2026-12-04',
	provider: 'Red Caribe',
	folio: 43
};

describe('contract variables', () => {
	it('finds every {{variable}}, with or without spaces inside the braces', () => {
		expect(variablesIn('{{cliente.nombre}} y {{ plan.precio }}; {{folio}}')).toEqual(['cliente.nombre', 'plan.precio', 'folio']);
	});

	it('names the unknown ones once each, in order', () => {
		const clauses = [
			{ title: 'Objeto {{cliente.nombre}}', text: 'Plan {{plan.velocidad}} y {{cliente.apodo}}' },
			{ title: 'Pago', text: '{{plan.velocidad}} {{plan.precio}}' }
		];
		expect(unknownVariables(clauses)).toEqual(['plan.velocidad', 'cliente.apodo']);
		expect(unknownVariablesMessage(['plan.velocidad', 'cliente.apodo'])).toBe(
			'Estas variables no existen: {{plan.velocidad}}, {{cliente.apodo}}. Usa solo las de la lista.'
		);
	});

	it('the default contract uses only known variables and covers each required one', () => {
		expect(unknownVariables(DEFAULT_CLAUSES)).toEqual([]);
		const used = new Set(DEFAULT_CLAUSES.flatMap((c) => variablesIn(c.title + c.text)));
		for (const v of [
			'cliente.nombre',
			'plan.nombre',
			'plan.precio',
			'servicios',
			'deposito',
			'plazo',
			'penalizacion',
			'fecha',
			'proveedor.nombre',
			'domicilio',
			'folio'
		])
			expect(used, v).toContain(v);
	});
});

describe('contractValues', () => {
	it('fills the plan, add-ons, deposit, term and penalty, dates written in full', () => {
		const v = contractValues(facts);
		expect(v['cliente.nombre']).toBe('María López');
		expect(v['plan.precio']).toBe('$450.00');
		expect(v.servicios).toBe('Telefonía (Renta telefónica 300 minutos); Televisión (Paquete hasta 60 canales)');
		expect(v.deposito).toBe('$500.00');
		expect(v.plazo).toBe('12 meses');
		expect(v.penalizacion).toBe('$1,000.00');
		expect(v.fecha).toBe('4 de diciembre de 2026');
		expect(v['contrato.inicio']).toBe('4 de diciembre de 2026');
		expect(v['contrato.fin']).toBe('4 de diciembre de 2027');
		expect(Object.keys(v).sort()).toEqual([...CONTRACT_VARIABLES].sort());
	});

	it('an open-ended contract reads «indefinido», without penalty and without an end', () => {
		const v = contractValues({ ...facts, contractType: 'indefinido', penaltyCents: 0, addons: [] });
		expect(v.plazo).toBe('indefinido');
		expect(v.penalizacion).toBe('sin penalización');
		expect(v['contrato.fin']).toBe('tiempo indefinido');
		expect(v.servicios).toBe('ninguno');
	});

	it('without dates it says so in words, never a dash inside a sentence', () => {
		const v = contractValues({ ...facts, startDate: null, installationDate: null, planName: null, planPriceCents: null });
		expect(v['contrato.inicio']).toBe('la fecha de instalación');
		expect(v['contrato.fin']).toBe('12 meses después de la fecha de instalación');
		expect(v['plan.nombre']).toBe('(plan por definir)');
	});
});

describe('fillTemplate', () => {
	const values = contractValues(facts);

	it('replaces each variable with its value', () => {
		expect(fillTemplate('{{cliente.nombre}} paga {{ plan.precio }} al mes.', values)).toBe('María López paga $450.00 al mes.');
	});

	it('never expands a variable that arrives inside a value (one pass)', () => {
		const v = { ...values, 'cliente.nombre': '{{folio}}' };
		expect(fillTemplate('Cliente: {{cliente.nombre}}', v)).toBe('Cliente: {{folio}}');
	});

	it('leaves text without variables as it is', () => {
		fc.assert(
			fc.property(
				fc.string().filter((s) => !s.includes('{{')),
				(s) => {
					expect(fillTemplate(s, values)).toBe(s);
				}
			)
		);
	});
});

describe('legacyClauses', () => {
	it('turns an old single-brace text into numbered clauses with the new variables', () => {
		expect(legacyClauses('En {fecha}, {proveedor} y {cliente}.\n\nPlan {plan} por {precio}; {otro}')).toEqual([
			{ title: 'Cláusula 1', text: 'En {{fecha}}, {{proveedor.nombre}} y {{cliente.nombre}}.' },
			{ title: 'Cláusula 2', text: 'Plan {{plan.nombre}} por {{plan.precio}}; {otro}' }
		]);
	});
});
