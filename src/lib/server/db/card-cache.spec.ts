import { describe, expect, it } from 'vitest';
import { CardCache } from './card-cache';
import type { CardRow } from './cards';

const row = (over: Partial<CardRow> = {}): CardRow =>
	({
		id: 'c1',
		orgId: 'o1',
		stage: 'preinstalacion',
		position: 65536,
		version: 3,
		stageChangedAt: '2026-11-21T10:00:00.000Z',
		ip: '10.0.0.5',
		...over
	}) as CardRow;

describe('CardCache', () => {
	it('advances a row only from the version right before the event', () => {
		const cache = new CardCache();
		cache.remember(row());
		expect(cache.advance('c1', 5, { version: 5, position: 1 })).toBeNull(); // gap: v4 is unknown
		const next = cache.advance('c1', 4, {
			version: 4,
			stage: 'agendada',
			position: 10,
			stage_changed_at: '2026-11-21T12:00:00.123456+00:00'
		});
		expect(next).toMatchObject({ version: 4, stage: 'agendada', position: 10, stageChangedAt: '2026-11-21T12:00:00.123Z' });
		expect(cache.advance('c1', 4, null)).toBe(next); // already there
	});

	it('refuses patches it cannot apply faithfully and leaves the row untouched', () => {
		const cache = new CardCache();
		const original = row();
		cache.remember(original);
		expect(cache.advance('c1', 4, { version: 4, zone_id: 'z1' })).toBeNull(); // needs the zone's name
		expect(cache.advance('c1', 4, { version: 4, cancelled_at: '2026-11-21T12:00:00+00:00' })).toBeNull();
		expect(cache.advance('c1', 4, { version: 4, ip: '10.0.0.0/24' })).toBeNull();
		expect(cache.advance('c1', 4, { version: 9 })).toBeNull();
		expect(cache.get('c1')).toBe(original);
		expect(cache.advance('c1', 4, { version: 4, ip: null, cancel_reason: 'declino' })).toMatchObject({ ip: null, cancelReason: 'declino' });
	});

	it('re-reads rows older than its age limit instead of advancing them forever', () => {
		const cache = new CardCache(10, 1000);
		cache.remember(row(), 0);
		expect(cache.advance('c1', 4, { version: 4, position: 2 }, 500)).not.toBeNull();
		expect(cache.advance('c1', 5, { version: 5, position: 3 }, 1500)).toBeNull();
	});

	it('never lets an older read replace a newer row, and stays within its size', () => {
		const cache = new CardCache(2);
		cache.remember(row({ version: 5, fullName: 'nuevo' }));
		cache.remember(row({ version: 4, fullName: 'viejo' }));
		expect(cache.get('c1')?.fullName).toBe('nuevo');
		cache.remember(row({ id: 'c2' }));
		cache.remember(row({ id: 'c3', orgId: 'o2' }));
		expect(cache.size).toBe(2);
		expect(cache.get('c1')).toBeUndefined();
		cache.forgetOrg('o1');
		expect(cache.get('c2')).toBeUndefined();
		expect(cache.get('c3')).toBeDefined();
	});
});
