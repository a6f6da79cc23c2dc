import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyDisplayEvent, buildColumns, dayTotals, isMove, todayByTechnician } from './logic';
import type { DisplayCard } from '$lib/schemas/displays';

const card = (over: Partial<DisplayCard> = {}): DisplayCard => ({
	id: 'a',
	folio: 1,
	stage: 'preinstalacion',
	position: 1,
	version: 1,
	firstName: 'Ana',
	colonia: 'Centro',
	zoneName: null,
	planName: null,
	technicianId: null,
	technicianName: null,
	technicianColor: null,
	installationDate: null,
	installationTime: null,
	stageChangedAt: '2026-11-21T15:00:00.000Z',
	badge: null,
	...over
});

describe('display logic', () => {
	it('applies only newer versions and never grows past the cards it is told about', () => {
		fc.assert(
			fc.property(
				fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c'), version: fc.integer({ min: 1, max: 20 }), gone: fc.boolean() })),
				(evs) => {
					let cards: ReadonlyMap<string, DisplayCard> = new Map();
					for (const e of evs) {
						const next = applyDisplayEvent(cards, {
							seq: 1,
							cardId: e.id,
							version: e.version,
							card: e.gone ? null : card({ id: e.id, version: e.version })
						});
						if (next) cards = next;
					}
					expect(cards.size).toBeLessThanOrEqual(3);
					for (const c of cards.values()) expect(c.version).toBeGreaterThan(0);
				}
			)
		);
		const held = new Map([['a', card({ version: 5 })]]);
		expect(applyDisplayEvent(held, { seq: 2, cardId: 'a', version: 4, card: card({ version: 4, stage: 'activa' }) })).toBeNull();
		expect(applyDisplayEvent(held, { seq: 3, cardId: 'a', version: 6, card: null })?.size).toBe(0);
	});

	it('counts columns with their soft limits and flags moves', () => {
		const cols = buildColumns([card({ id: 'x', stage: 'asignada' }), card({ id: 'y', stage: 'asignada' })], {
			wipLimits: { asignada: 1 },
			sla: {}
		});
		expect(cols.find((c) => c.stage === 'asignada')).toMatchObject({ count: 2, limit: 1, wip: 'over' });
		expect(isMove(card(), card({ stage: 'agendada' }))).toBe(true);
		expect(isMove(card(), card({ firstName: 'Otra' }))).toBe(false);
	});

	it('totals the day in the provider time zone and groups today by technician', () => {
		const today = '2026-11-21';
		const cards = [
			card({
				id: '1',
				stage: 'activa',
				stageChangedAt: '2026-11-21T16:00:00.000Z',
				installationDate: today,
				technicianId: 't',
				technicianName: 'Pedro'
			}),
			// 03:00 UTC on the 22nd is still the 21st in Cancún (UTC−5)
			card({ id: '2', stage: 'activa', stageChangedAt: '2026-11-22T03:00:00.000Z' }),
			card({ id: '3', stage: 'activa', stageChangedAt: '2026-11-20T12:00:00.000Z' }),
			card({ id: '4', stage: 'documentos_pendientes' }),
			card({ id: '5', stage: 'asignada', installationDate: today, technicianId: 't', technicianName: 'Pedro', installationTime: '09:00' })
		];
		expect(dayTotals(cards, today, 'America/Cancun')).toEqual({ installedToday: 2, scheduledToday: 2, pendingDocuments: 1 });
		const strip = todayByTechnician(cards, today);
		expect(strip).toHaveLength(1);
		expect(strip[0].jobs.map((j) => j.state)).toEqual(['pendiente', 'instalada']);
	});

	it('puts a «tarde» job after the morning ones in the strip (not alphabetically before «mañana»)', () => {
		const today = '2026-11-21';
		const job = (id: string, installationTime: string) =>
			card({ id, stage: 'asignada', installationDate: today, technicianId: 't', technicianName: 'Pedro', installationTime });
		const strip = todayByTechnician([job('a', 'tarde'), job('b', '15:00–17:00'), job('c', 'mañana'), job('d', '11:00–13:00')], today);
		expect(strip[0].jobs.map((j) => j.time)).toEqual(['mañana', '11:00–13:00', 'tarde', '15:00–17:00']);
	});
});
