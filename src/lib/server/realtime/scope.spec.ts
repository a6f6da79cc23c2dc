import { describe, expect, it } from 'vitest';
import { deletedVersion, leftScope, owesRemoval } from './scope';
import type { LoggedEvent } from '../db/board-events';

const ME = 'tecnico-1';
const OTHER = 'tecnico-2';
let seq = 0;
const ev = (kind: string, technician?: string | null): LoggedEvent => ({
	seq: ++seq,
	cardId: 'c',
	kind,
	actorId: 'coordinador',
	version: seq,
	setsTechnician: technician !== undefined,
	technicianId: technician ?? null
});

describe('owesRemoval', () => {
	it('a card created since the catch-up began is owed only if it was given to this technician', () => {
		expect(owesRemoval([ev('card:created', OTHER), ev('card:updated'), ev('card:updated', null)], ME)).toBe(false);
		expect(owesRemoval([ev('card:created', null), ev('card:deleted')], ME)).toBe(false);
		expect(owesRemoval([ev('card:created', ME), ev('card:updated', OTHER)], ME)).toBe(true);
		expect(owesRemoval([ev('card:created', null), ev('card:updated', ME), ev('card:deleted')], ME)).toBe(true);
	});

	it('an older card is owed when its technician changed or it was deleted, as the live feed sends', () => {
		expect(owesRemoval([ev('card:updated'), ev('card:moved')], ME)).toBe(false);
		expect(owesRemoval([ev('card:updated', OTHER)], ME)).toBe(true);
		expect(owesRemoval([ev('card:moved'), ev('card:deleted')], ME)).toBe(true);
	});
});

describe('leftScope', () => {
	it('keeps only what places the removal: the id, seq and version', () => {
		const card = { id: 'c' } as never;
		expect(leftScope({ seq: 7, cardId: 'c', kind: 'card:updated', version: 4, card, actorId: 'coordinador' } as never)).toEqual({
			seq: 7,
			cardId: 'c',
			kind: 'card:removed',
			version: 4,
			card: null,
			actorId: null
		});
	});
});

describe('deletedVersion', () => {
	it('is past the last version a board can hold', () => {
		expect(deletedVersion(3)).toBe(4);
		expect(deletedVersion(null)).toBe(1);
	});
});
