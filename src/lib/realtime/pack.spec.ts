import { describe, expect, it } from 'vitest';
import { stringify, parse } from 'devalue';
import { packSnapshot, unpackSnapshot } from './pack';
import type { BoardCard, BoardSnapshot } from '$lib/types/board';
import { coded, type Coded } from '$lib/domain/coded';

const card = (i: number, missing: Coded[]): BoardCard => ({
	id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
	folio: 1000 + i,
	stage: i % 2 ? 'agendada' : 'preinstalacion',
	position: i * 65536,
	version: 3,
	fullName: `Cliente ${i}`,
	colonia: i % 3 ? 'SM 12' : null,
	zoneId: null,
	zoneName: null,
	planId: 'p1',
	planName: '20 Mbps',
	contractType: '12_meses',
	installationDate: '2026-11-25',
	installationTime: null,
	technicianId: null,
	technicianName: null,
	technicianColor: null,
	stageChangedAt: '2026-11-21T10:00:00.000Z',
	// Each card was registered at its own time (an hour apart).
	createdAt: new Date(Date.UTC(2026, 10, 1) + i * 3_600_000).toISOString(),
	cancelReason: null,
	cancelNote: null,
	wisphub: null,
	sheetSigned: false,
	payment: null,
	callAttempts: 0,
	lastCallAt: null,
	lastCallOutcome: null,
	nextContactAt: null,
	contractSigned: i % 2 === 0,
	duplicateOf: i % 3 === 0 ? [i + 1] : [],
	badge: missing.length ? coded('badge.missing_many', { what: coded('badge.data_many', { count: missing.length }) }) : null,
	missing
});

describe('packed board snapshots', () => {
	const shared = [coded('guard.missing_email'), coded('guard.missing_ip')];
	const snapshot: BoardSnapshot = {
		cards: Array.from({ length: 300 }, (_, i) => card(i, i % 4 ? shared : [])),
		totals: { preinstalacion: 150, agendada: 150 },
		lastSeq: 42,
		settings: { wipLimits: {}, sla: {}, recentDays: 30, cancelReasons: [] },
		serverTime: '2026-11-21T10:00:00.000Z'
	};

	it('come back as exactly the same cards after the page-data round trip', () => {
		const wire = stringify(packSnapshot(snapshot));
		expect(unpackSnapshot(parse(wire))).toEqual(snapshot);
	});

	it('share one list of reasons between the cards that share it, after the round trip too', () => {
		const back = unpackSnapshot(parse(stringify(packSnapshot(snapshot))));
		expect(back.cards[1].missing).toBe(back.cards[2].missing);
		expect(back.cards[1].missing).toEqual(shared);
	});

	it('carry any text, quotes and pilcrows included', () => {
		const odd = {
			...snapshot,
			cards: [
				card(1, [coded('short.raw', { text: 'Dice "ya pagué" ¶ 2' }), coded('short.raw', { text: '¶"¶' })]),
				{ ...card(2, []), fullName: '"¶\\"<b>' }
			]
		};
		expect(unpackSnapshot(parse(stringify(packSnapshot(odd))))).toEqual(odd);
	});

	it('encode a board once while it is the same board', () => {
		expect(packSnapshot(snapshot).cards).toBe(packSnapshot(snapshot).cards);
		const changed = { ...snapshot, cards: snapshot.cards.slice(1) };
		expect(unpackSnapshot(packSnapshot(changed)).cards).toHaveLength(299);
	});

	it('are much smaller on the wire than cards as objects', () => {
		const packed = stringify(packSnapshot(snapshot)).length;
		const plain = stringify(snapshot).length;
		expect(packed).toBeLessThan(plain * 0.6);
	});
});
