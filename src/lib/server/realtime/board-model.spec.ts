import { describe, expect, it } from 'vitest';
import { BoardModel } from './board-model';
import { patched } from './card-patch';
import type { CardRow } from '../db/cards';
import type { Database } from '../db';
import { readSettings } from '$lib/schemas/settings';

const row = (over: Partial<CardRow> = {}): CardRow =>
	({
		id: 'c1',
		orgId: 'o1',
		stage: 'preinstalacion',
		position: 65536,
		version: 3,
		fullName: 'Cliente',
		stageChangedAt: '2026-11-21T10:00:00.000Z',
		ip: '10.0.0.5',
		...over
	}) as CardRow;

/** A database that answers the model's statements from a list of rows and events. */
function fakeDb(state: { rows: CardRow[]; events: { seq: number; cardId: string; kind: string; version: number }[] }) {
	const sent: string[] = [];
	const db = {
		sent,
		async query(text: string, params: unknown[] = []) {
			sent.push(text);
			if (text.includes('max(seq)')) return [{ seq: Math.max(0, ...state.events.map((e) => e.seq)) }];
			if (text.includes('from board_events')) return state.events.filter((e) => e.seq > (params[1] as number));
			if (text.includes('order by i.stage, i.position')) return state.rows.map((r) => ({ ...r }));
			if (text.includes('any($1::uuid[])')) return state.rows.filter((r) => (params[0] as string[]).includes(r.id)).map((r) => ({ ...r }));
			if (text.includes('group by stage')) return [];
			throw new Error(`unexpected statement: ${text}`);
		}
	};
	return db as unknown as Database & { sent: string[] };
}

describe('patched', () => {
	it('advances a row only from the version right before the event', () => {
		expect(patched(row(), 5, { version: 5, position: 1 })).toBeNull(); // gap: v4 is unknown
		const next = patched(row(), 4, { version: 4, stage: 'agendada', position: 10, stage_changed_at: '2026-11-21T12:00:00.123456+00:00' });
		expect(next).toMatchObject({ version: 4, stage: 'agendada', position: 10, stageChangedAt: '2026-11-21T12:00:00.123Z' });
	});

	it('refuses patches it cannot apply faithfully and leaves the row untouched', () => {
		const original = row();
		expect(patched(original, 4, { version: 4, zone_id: 'z1' })).toBeNull(); // needs the zone's name
		expect(patched(original, 4, { version: 4, cancelled_at: '2026-11-21T12:00:00+00:00' })).toBeNull();
		expect(patched(original, 4, { version: 4, ip: '10.0.0.0/24' })).toBeNull();
		expect(patched(original, 4, { version: 9 })).toBeNull();
		expect(patched(original, 4, { version: 4 })).toBeNull(); // a touch: a joined name or a file changed
		expect(original).toEqual(row());
		expect(patched(original, 4, { version: 4, ip: null, cancel_reason: 'declino' })).toMatchObject({ ip: null, cancelReason: 'declino' });
	});
});

describe('BoardModel', () => {
	const note = (over: object) => ({ seq: 1, org: 'o1', card: 'c1', kind: 'card:moved', version: 4, ...over });

	it('applies notifications by version and never lets an older read replace a newer row', () => {
		const sut = new BoardModel('o1');
		sut.put(row());
		expect(sut.apply(note({ version: 3, patch: { version: 3, position: 1 } }))).toBe(sut.row('c1')); // already there
		expect(sut.apply(note({ version: 4, patch: { version: 4, position: 7 } }))).toMatchObject({ version: 4, position: 7 });
		expect(sut.apply(note({ version: 6, patch: { version: 6, position: 8 } }))).toBeNull(); // gap: read it
		sut.put(row({ version: 2, fullName: 'viejo' }));
		expect(sut.row('c1')).toMatchObject({ version: 4, position: 7 });
		sut.put(row({ id: 'c2', orgId: 'o2' }));
		expect(sut.row('c2')).toBeUndefined(); // another provider's card
	});

	it('a deleted card stays deleted even if a read from before the delete arrives later', () => {
		const sut = new BoardModel('o1');
		sut.put(row());
		expect(sut.apply(note({ kind: 'card:deleted', patch: { stage: 'preinstalacion' } }))).toBeNull();
		sut.put(row({ version: 4 }));
		expect(sut.row('c1')).toBeUndefined();
	});

	it('hands out the same cards array while the board is unchanged, and a new one after a change', async () => {
		const settings = readSettings({});
		const state = { rows: [row(), row({ id: 'c2', position: 1 })], events: [{ seq: 1, cardId: 'c1', kind: 'card:created', version: 3 }] };
		const db = fakeDb(state);
		const sut = new BoardModel('o1');
		const first = await sut.snapshot(db, settings);
		expect(first.cards.map((c) => c.id)).toEqual(['c2', 'c1']);
		expect(first.totals).toEqual({ preinstalacion: 2 });
		expect(first.lastSeq).toBe(1);
		// What pack.ts relies on to encode an unchanged board once.
		expect((await sut.snapshot(db, settings)).cards).toBe(first.cards);
		const reads = db.sent.filter((s) => s.includes('order by i.stage')).length;

		state.rows[0] = row({ version: 4, fullName: 'Cambiado' });
		state.events.push({ seq: 2, cardId: 'c1', kind: 'card:updated', version: 4 });
		const second = await sut.snapshot(db, settings);
		expect(second.cards).not.toBe(first.cards);
		expect(second.cards.find((c) => c.id === 'c1')?.fullName).toBe('Cambiado');
		expect(second.lastSeq).toBe(2);
		expect(db.sent.filter((s) => s.includes('order by i.stage')).length).toBe(reads); // caught up, not re-read
		expect((await sut.snapshot(db, settings, { technicianId: 'nadie' })).cards).toEqual([]);
	});

	it('drops a closed card once it is older than the recent window, without an event', async () => {
		const settings = readSettings({});
		const old = new Date(Date.now() - (settings.activeVisibleDays + 1) * 86_400_000).toISOString();
		const db = fakeDb({ rows: [row(), row({ id: 'c2', stage: 'activa', stageChangedAt: old })], events: [] });
		const sut = new BoardModel('o1');
		expect((await sut.snapshot(db, settings)).cards.map((c) => c.id)).toEqual(['c1']);
	});
});
