import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as sut from './arco';

describe('the erasure confirmation', () => {
	it('is «ELIMINAR <folio>», in any case and spacing', () => {
		expect(sut.eraseConfirmation(43)).toBe('ELIMINAR 43');
		expect(sut.confirmsErase('ELIMINAR 43', 43)).toBe(true);
		expect(sut.confirmsErase('  eliminar   43 ', 43)).toBe(true);
	});

	it('never confirms another card, a bare word or a number alone', () => {
		expect(sut.confirmsErase('ELIMINAR 4', 43)).toBe(false);
		expect(sut.confirmsErase('ELIMINAR', 43)).toBe(false);
		expect(sut.confirmsErase('43', 43)).toBe(false);
		expect(sut.confirmsErase('', 43)).toBe(false);
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (a, b) => {
				expect(sut.confirmsErase(sut.eraseConfirmation(a), b)).toBe(a === b);
			})
		);
	});
});

describe('the retention cutoff', () => {
	it('is exactly N days before now', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
				fc.integer({ min: 1, max: 3650 }),
				(now, days) => {
					expect(now.getTime() - sut.retentionCutoff(now, days).getTime()).toBe(days * 86_400_000);
				}
			)
		);
	});
});

describe('the registry', () => {
	it('lists each table once, and never erases what the accounting keeps', () => {
		const tables = sut.INSTALLATION_TABLES.map((t) => t.table);
		expect(new Set(tables).size).toBe(tables.length);
		for (const kept of ['paid_cents', 'installation_cost_cents', 'stage', 'plan_id', 'zone_id', 'folio', 'installation_date', 'billing'])
			expect(sut.PERSONAL_COLUMNS as readonly string[], kept).not.toContain(kept);
	});

	it('keeps installation photos and signed PDFs out of the retention rule', () => {
		for (const kept of ['foto_instalacion', 'contrato_pdf', 'hoja_instalacion_pdf'])
			expect(sut.RETENTION_CATEGORIES as readonly string[], kept).not.toContain(kept);
	});
});
