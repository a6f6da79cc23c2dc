import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coded } from '$lib/domain/coded';
import { translate } from '$lib/i18n/translate';
import {
	activeFilterCount,
	ageAmount,
	cardAges,
	applyCardEvent,
	groupColumns,
	matchesFilters,
	neighbours,
	NO_FILTERS,
	optimisticPosition,
	roleNeverEnters,
	shownAfterMove,
	slaLevel,
	wipLevel,
	withUnrendered,
	type MatchContext
} from './board-logic';
import { parseFilters } from './board-filters';
import { moveBlockedReason } from './move-guard';
import type { BoardCard } from '$lib/types/board';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const NOW = Date.parse('2026-11-21T12:00:00Z');

function card(n: number, over: Partial<BoardCard> = {}): BoardCard {
	return {
		id: uuid(n),
		folio: n,
		stage: 'preinstalacion',
		position: n,
		version: 1,
		fullName: `Cliente ${n}`,
		colonia: 'Región 94',
		zoneId: null,
		zoneName: null,
		planId: null,
		planName: null,
		contractType: null,
		installationDate: null,
		installationTime: null,
		technicianId: null,
		technicianName: null,
		technicianColor: null,
		stageChangedAt: new Date(NOW).toISOString(),
		createdAt: new Date(NOW).toISOString(),
		cancelReason: null,
		cancelNote: null,
		wisphub: null,
		sheetSigned: false,
		payment: null,
		callAttempts: 0,
		lastCallAt: null,
		lastCallOutcome: null,
		nextContactAt: null,
		contractSigned: false,
		duplicateOf: [],
		badge: null,
		missing: [],
		...over
	};
}
const ctx = (filters = NO_FILTERS): MatchContext => ({ filters, recentDays: 14, nowMs: NOW });

describe('matchesFilters', () => {
	it('checks zone, technician, plan, contract, dates and «con faltantes»', () => {
		const c = card(1, {
			zoneId: uuid(50),
			technicianId: uuid(60),
			planId: uuid(70),
			contractType: '12_meses',
			installationDate: '2026-11-25',
			badge: coded('badge.missing_many', { what: coded('badge.data_many', { count: 2 }) })
		});
		expect(
			matchesFilters(
				c,
				false,
				ctx({
					...NO_FILTERS,
					zona: uuid(50),
					tecnico: uuid(60),
					plan: uuid(70),
					contrato: '12_meses',
					desde: '2026-11-25',
					hasta: '2026-11-30',
					faltantes: true
				})
			)
		).toBe(true);
		expect(matchesFilters(c, false, ctx({ ...NO_FILTERS, zona: uuid(51) }))).toBe(false);
		expect(matchesFilters(c, false, ctx({ ...NO_FILTERS, hasta: '2026-11-24' }))).toBe(false);
		expect(matchesFilters({ ...c, badge: null }, false, ctx({ ...NO_FILTERS, faltantes: true }))).toBe(false);
	});

	it('matches text on name and colonia without accents or case, and keeps cards the server already matched', () => {
		const f = { ...NO_FILTERS, q: 'region' };
		expect(matchesFilters(card(1), false, ctx(f))).toBe(true);
		expect(matchesFilters(card(1, { colonia: 'Centro' }), false, ctx(f))).toBe(false);
		// Matched on the server by phone or PPPoE user, which the board never sees.
		expect(matchesFilters(card(1, { colonia: 'Centro' }), true, ctx(f))).toBe(true);
	});

	it('leaves out old active cards unless they are already shown or searched for', () => {
		const old = card(1, { stage: 'activa', stageChangedAt: new Date(NOW - 20 * 86_400_000).toISOString() });
		expect(matchesFilters(old, false, ctx())).toBe(false);
		expect(matchesFilters(old, false, ctx({ ...NO_FILTERS, q: 'cliente 1' }))).toBe(true);
	});
});

describe('«Por llamar» on a live board', () => {
	const ctx = (): MatchContext => ({ filters: { ...NO_FILTERS, llamar: true }, recentDays: 7, nowMs: NOW });
	it('keeps a held card while its next call is still today, drops it once it moves past today or the card closes', () => {
		expect(matchesFilters(card(1, { stage: 'preinstalacion', nextContactAt: null }), true, ctx())).toBe(true);
		expect(matchesFilters(card(1, { nextContactAt: new Date(NOW - 3_600_000).toISOString() }), true, ctx())).toBe(true);
		expect(matchesFilters(card(1, { nextContactAt: new Date(NOW + 2 * 86_400_000).toISOString() }), true, ctx())).toBe(false);
		expect(matchesFilters(card(1, { stage: 'cancelada' }), true, ctx())).toBe(false);
		// A card the server did not put in the queue waits for the next load.
		expect(matchesFilters(card(1), false, ctx())).toBe(false);
		expect(activeFilterCount(ctx().filters)).toBe(1);
	});
});

describe('neighbours and positions', () => {
	it('names the card above (afterId) and below (beforeId)', () => {
		const list = [card(1), card(2), card(3)];
		expect(neighbours(list, uuid(2))).toEqual({ afterId: uuid(1), beforeId: uuid(3) });
		expect(neighbours(list, uuid(1))).toEqual({ afterId: null, beforeId: uuid(2) });
	});

	it('places the optimistic copy strictly between its new neighbours', () => {
		fc.assert(
			fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 2, maxLength: 30 }), fc.nat(), (positions, pick) => {
				const cards = positions.sort((a, b) => a - b).map((p, i) => card(i + 1, { position: p }));
				const i = pick % (cards.length - 1);
				const pos = optimisticPosition(cards, uuid(999), { afterId: cards[i].id, beforeId: cards[i + 1].id });
				return pos > cards[i].position && pos < cards[i + 1].position;
			})
		);
		expect(groupColumns([card(2, { position: 5 }), card(1, { position: 1 })]).preinstalacion.map((c) => c.folio)).toEqual([1, 2]);
	});
});

describe('a partially rendered column', () => {
	const ids = (list: { id: string }[]) => list.map((c) => c.id);

	it('follows the rendered cards, as dnd-action left them, with the hidden ones', () => {
		const column = [1, 2, 3, 4, 5, 6].map((n) => card(n));
		// Cards 1–4 rendered; 2 was dragged to the bottom of the window and 9 came in from another column.
		const rendered = [card(1), card(3), card(9), card(4), card(2)];
		expect(ids(withUnrendered(rendered, column, uuid(2)))).toEqual(ids([card(1), card(3), card(9), card(4), card(2), card(5), card(6)]));
		// A card dropped at the bottom of the window has the first hidden card below it.
		expect(neighbours(withUnrendered(rendered, column, uuid(2)), uuid(2))).toEqual({ afterId: uuid(4), beforeId: uuid(5) });
		// The card dragged out of this window is not taken for a hidden one.
		expect(ids(withUnrendered([card(1), card(3), card(4)], column, uuid(2)))).toEqual(ids([1, 3, 4, 5, 6].map((n) => card(n))));
		expect(withUnrendered(column, column, uuid(3))).toEqual(column);
	});

	it('gives the same neighbours as the whole column for any drop inside the window', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 40 }), fc.nat(), fc.nat(), (size, shown, from, to) => {
				const column = Array.from({ length: size }, (_, i) => card(i + 1));
				const window = column.slice(0, shown);
				// Moves one rendered card to another place inside the window, as a drag does.
				const moving = window[from % window.length];
				const rest = window.filter((c) => c !== moving);
				const at = to % (rest.length + 1);
				const rendered = [...rest.slice(0, at), moving, ...rest.slice(at)];
				const whole = [...rendered, ...column.slice(shown)];
				expect(neighbours(withUnrendered(rendered, column, moving.id), moving.id)).toEqual(neighbours(whole, moving.id));
			})
		);
	});

	it('keeps a card moved into the column in view, and everything the column showed', () => {
		expect(shownAfterMove(40, 10, true)).toBe(41);
		expect(shownAfterMove(40, 10, false)).toBe(40);
		expect(shownAfterMove(40, 120, true)).toBe(121);
		expect(shownAfterMove(40, 40, false)).toBe(41);
	});
});

describe('applyCardEvent', () => {
	it('keeps a tombstone version so a late event cannot bring a deleted card back', () => {
		const cards = new Map([[uuid(1), card(1)]]);
		const seen = new Map([[uuid(1), 1]]);
		expect(
			applyCardEvent(cards, seen, { seq: 2, cardId: uuid(1), kind: 'card:deleted', version: 2, card: null, actorId: null }, ctx())
		).toBe('applied');
		expect(
			applyCardEvent(
				cards,
				seen,
				{ seq: 3, cardId: uuid(1), kind: 'card:updated', version: 2, card: card(1, { version: 2 }), actorId: null },
				ctx()
			)
		).toBe('stale');
		expect(cards.size).toBe(0);
	});
});

describe('small rules', () => {
	it('colours age by SLA and counts by soft WIP limits', () => {
		const sla = { warnHours: 24, lateHours: 48 };
		expect([slaLevel(2, sla), slaLevel(30, sla), slaLevel(50, sla), slaLevel(50, undefined)]).toEqual(['ok', 'warn', 'late', 'ok']);
		expect([wipLevel(3, 5), wipLevel(5, 5), wipLevel(6, 5), wipLevel(60, null)]).toEqual(['ok', 'at', 'over', 'ok']);
	});

	it('reads filters from the URL and ignores invalid ones', () => {
		expect(parseFilters(new URLSearchParams('faltantes=1&q=cocom'))).toMatchObject({ faltantes: true, q: 'cocom' });
		expect(parseFilters(new URLSearchParams('zona=no-es-uuid'))).toEqual(NO_FILTERS);
		expect(activeFilterCount({ ...NO_FILTERS, desde: '2026-01-01', hasta: '2026-02-01', q: 'x' })).toBe(2);
	});

	it('blocks only the stages a role may never enter in the «Mover a…» menu', () => {
		const agent = { id: uuid(900), role: 'agent' as const };
		expect(moveBlockedReason(card(1), 'agendada', agent)).toBeNull(); // data: the server decides
		expect(translate(moveBlockedReason(card(1), 'asignada', agent), 'es')).toMatch(/Como agente/);
		expect(translate(moveBlockedReason(card(1), 'asignada', agent), 'en')).toMatch(/As an agent/);
		// The cancel dialog asks for the reason: only a role that may never cancel is blocked.
		expect(moveBlockedReason(card(1), 'cancelada', agent)).toBeNull();
		expect(
			translate(
				moveBlockedReason(card(1, { stage: 'asignada', technicianId: uuid(900) }), 'cancelada', { id: uuid(900), role: 'technician' }),
				'es'
			)
		).toMatch(/Como técnico/);
		expect(
			moveBlockedReason(card(1, { stage: 'asignada', technicianId: uuid(900) }), 'firmada', { id: uuid(900), role: 'technician' })
		).toBeNull();
		expect(roleNeverEnters('technician', 'agendada')).toBe(true);
		expect(roleNeverEnters('coordinator', 'activa')).toBe(false);
	});
});

describe('card ages', () => {
	const H = 3_600_000;
	it('keeps the total age when a card moves back: only the time in the column restarts', () => {
		const created = new Date(NOW - 9 * 24 * H).toISOString();
		const movedBack = new Date(NOW - 2 * H).toISOString();
		expect(cardAges({ createdAt: created, stageChangedAt: movedBack }, NOW)).toEqual({ inStage: 2, total: 216 });
	});

	it('never shows a total younger than the time in the column', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 1e10 }), fc.integer({ min: 0, max: 1e10 }), (a, b) => {
				const ages = cardAges({ createdAt: new Date(NOW - a).toISOString(), stageChangedAt: new Date(NOW - b).toISOString() }, NOW);
				expect(ages.total).toBeGreaterThanOrEqual(ages.inStage);
				expect(ages.inStage).toBeCloseTo(b / H, 6);
			})
		);
	});

	it('says minutes, hours or days', () => {
		expect([ageAmount(0.5), ageAmount(5.9), ageAmount(47.9), ageAmount(50)]).toEqual([
			{ unit: 'min', count: 30 },
			{ unit: 'h', count: 5 },
			{ unit: 'h', count: 47 },
			{ unit: 'd', count: 2 }
		]);
	});
});
