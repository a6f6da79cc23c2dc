import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as sut from './message-render';
import { MESSAGE_TEMPLATES, templatesFor, unknownVariables, variablesIn, isMessageVariable } from './message-templates';

const full = {
	fileCategories: ['ine_frontal', 'ine_atras', 'comprobante_domicilio'],
	email: 'ana@correo.mx',
	phoneAlt: '9987654321',
	howHeard: 'Facebook',
	lat: 21.1,
	lng: -86.8,
	houseOwnership: 'propia'
};

describe('renderTemplate', () => {
	it('fills every variable with the card value', () => {
		const r = sut.renderTemplate('Hola {cliente}, mañana {fecha_instalacion} {hora}: {monto}', {
			cliente: 'Ana Pérez',
			fecha_instalacion: '7 de diciembre de 2026',
			hora: 'por la mañana',
			monto: '$1,200.00'
		});
		expect(r).toEqual({ text: 'Hola Ana Pérez, mañana 7 de diciembre de 2026 por la mañana: $1,200.00', missing: [], unknown: [] });
	});

	it('reports each variable the card lacks once, in order, and leaves it visible', () => {
		const r = sut.renderTemplate('{cliente}: {monto} y {tecnico}, otra vez {monto}', { cliente: 'Ana', tecnico: '  ' });
		expect(r.missing).toEqual(['monto', 'tecnico']);
		expect(r.text).toBe('Ana: {monto} y {tecnico}, otra vez {monto}');
	});

	it('does not treat unknown braces as variables', () => {
		const r = sut.renderTemplate('Hola {nombre} {cliente}', { cliente: 'Ana' });
		expect(r.unknown).toEqual(['nombre']);
		expect(r.text).toBe('Hola {nombre} Ana');
	});

	it('never re-expands a value that itself looks like a variable', () => {
		const r = sut.renderTemplate('{cliente} {asesor}', { cliente: '{asesor}', asesor: 'Luis' });
		expect(r.text).toBe('{asesor} Luis');
	});

	it('every default template only uses known variables', () => {
		for (const t of MESSAGE_TEMPLATES) expect(unknownVariables(t.text), t.key).toEqual([]);
		expect(variablesIn('{a} {b} {a}')).toEqual(['a', 'b']);
		expect(isMessageVariable('toString')).toBe(false);
	});
});

describe('the click-to-chat link', () => {
	it('uses 52 + the 10 digits whatever way the phone was written', () => {
		for (const p of ['998 123 4567', '+52 1 998 123 4567', '(998) 123-4567', '529981234567'])
			expect(sut.whatsappPhone(p)).toBe('529981234567');
		expect(sut.whatsappPhone('123')).toBeNull();
		expect(sut.whatsappPhone(null)).toBeNull();
	});

	it('carries the exact text URL-encoded (accents, line breaks, &, ?, #, +)', () => {
		const text = '¡Hola Ana & Luis!\nRed Wi-Fi: casa#1 + ¿listo? 100%';
		const url = sut.clickToChatUrl('998 123 4567', text)!;
		expect(url.startsWith('https://wa.me/529981234567?text=')).toBe(true);
		expect(decodeURIComponent(url.split('?text=')[1])).toBe(text);
		expect(url.split('?text=')[1]).not.toMatch(/[\s&#+?]/);
		expect(new URL(url).searchParams.get('text')).toBe(text);
	});

	it('round-trips any text', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), (text) => {
				const url = sut.clickToChatUrl('5512345678', text || 'x')!;
				expect(new URL(url).searchParams.get('text')).toBe(text || 'x');
				expect(new URL(url).pathname).toBe('/525512345678');
			})
		);
	});

	it('has no link for a phone that is not Mexican', () => {
		expect(sut.clickToChatUrl('+1 415 555 0100', 'hola')).toBeNull();
	});
});

describe('missing documents (process 3 step 6.1)', () => {
	it('lists only what the card lacks, in the process order', () => {
		expect(sut.missingDocuments(full, 'Red Cancún')).toEqual([]);
		const r = sut.missingDocuments({ ...full, fileCategories: ['ine_frontal'], email: null, lat: null, houseOwnership: '' }, 'Red Cancún');
		expect(r).toEqual([
			'Foto de su identificación oficial (INE) por ambos lados',
			'Comprobante de domicilio',
			'Correo electrónico',
			'Ubicación en tiempo real',
			'¿La casa es propia o rentada?'
		]);
		expect(sut.missingDocuments({ ...full, howHeard: null }, 'Red Cancún')).toEqual(['¿Cómo se enteró de Red Cancún?']);
	});

	it('reads as bullets, or nothing when complete', () => {
		expect(sut.documentsList(['Correo electrónico', 'Comprobante de domicilio'])).toBe('• Correo electrónico\n• Comprobante de domicilio');
		expect(sut.documentsList([])).toBeNull();
	});
});

describe('templates per stage', () => {
	it('offers the reminder on scheduled cards and the welcome on active ones', () => {
		expect(templatesFor('agendada', false).map((t) => t.key)).toContain('recordatorio');
		expect(templatesFor('activa', false).map((t) => t.key)).toEqual(['bienvenida']);
		expect(templatesFor('cancelada', false)).toEqual([]);
	});

	it('a technician is offered only «en camino»', () => {
		expect(templatesFor('asignada', true).map((t) => t.key)).toEqual(['en_camino']);
		expect(templatesFor('agendada', true)).toEqual([]);
	});
});
