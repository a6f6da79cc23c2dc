import { describe, expect, it } from 'vitest';
import { COLUMN_PAGE, type Columns } from './board-logic';
import { ColumnWindow } from './column-window.svelte';
import { makeCard } from './board-fakes.spec-helpers';
import type { BoardCard } from '$lib/types/board';

describe('ColumnWindow', () => {
	it('a column rendered whole stays whole when someone else adds a card to it', () => {
		const cards = Array.from({ length: COLUMN_PAGE * 2 }, (_, i) => makeCard(i + 1));
		let column: BoardCard[] = cards;
		const sut = new ColumnWindow(() => ({ preinstalacion: column }) as unknown as Columns);
		sut.showMore('preinstalacion');
		expect(sut.hiddenCount('preinstalacion')).toBe(0);

		column = [cards[0], makeCard(999), ...cards.slice(1)];
		expect(sut.visible('preinstalacion')).toHaveLength(COLUMN_PAGE * 2 + 1);
		expect(sut.hiddenCount('preinstalacion')).toBe(0);
	});

	it('a column not yet whole keeps its window', () => {
		const cards = Array.from({ length: COLUMN_PAGE * 3 }, (_, i) => makeCard(i + 1));
		const sut = new ColumnWindow(() => ({ preinstalacion: cards }) as unknown as Columns);
		sut.showMore('preinstalacion');
		expect(sut.visible('preinstalacion')).toHaveLength(COLUMN_PAGE * 2);
		expect(sut.hiddenCount('preinstalacion')).toBe(COLUMN_PAGE);
	});
});
