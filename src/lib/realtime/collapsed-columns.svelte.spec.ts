import { describe, expect, it } from 'vitest';
import { CollapsedColumns, collapsedKey, readCollapsed } from './collapsed-columns.svelte';

function memory(initial: Record<string, string> = {}) {
	const data = new Map(Object.entries(initial));
	return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('collapsed board columns', () => {
	it('starts with only «Cancelada» folded, and ignores damaged or unknown values', () => {
		expect([...readCollapsed(null)]).toEqual(['cancelada']);
		expect([...readCollapsed('{no json')]).toEqual(['cancelada']);
		expect([...readCollapsed('["activa","nope",3]')]).toEqual(['activa']);
		expect([...readCollapsed('[]')]).toEqual([]);
	});

	it('remembers each user’s choice under their own key', () => {
		const store = memory();
		const sut = new CollapsedColumns('user-1');
		sut.load(store);
		sut.toggle('activa');
		sut.toggle('cancelada');
		expect(sut.has('activa')).toBe(true);
		expect(sut.has('cancelada')).toBe(false);
		expect(JSON.parse(store.data.get(collapsedKey('user-1'))!)).toEqual(['activa']);

		const again = new CollapsedColumns('user-1');
		again.load(store);
		expect(again.has('activa')).toBe(true);
		const other = new CollapsedColumns('user-2');
		other.load(store);
		expect(other.has('activa')).toBe(false);
		expect(other.has('cancelada')).toBe(true);
	});

	it('keeps working when the browser refuses storage', () => {
		const sut = new CollapsedColumns('user-1');
		sut.load({
			getItem: () => {
				throw new Error('blocked');
			},
			setItem: () => {
				throw new Error('blocked');
			}
		});
		sut.toggle('firmada');
		expect(sut.has('firmada')).toBe(true);
	});
});
