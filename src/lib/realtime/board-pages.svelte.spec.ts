// A board loaded by pages: counts cover the cards not loaded yet, scrolling fetches the next page,
// and live events about cards further down a column keep every count right.
import { describe, expect, it } from 'vitest';
import { BoardState } from './board.svelte';
import { COLUMN_PAGE } from './board-logic';
import { FIRST_PAGE, firstPages, NEXT_PAGE } from '$lib/domain/board-pages';
import { FakeServer, FakeTransport, flush, makeCard, uuid } from './board-fakes.spec-helpers';

const MANY = 150;

function paged() {
	const server = new FakeServer();
	for (let i = 1; i <= MANY; i++) server.add(makeCard(i));
	const transport = new FakeTransport(server);
	const full = server.snapshot();
	const sut = new BoardState({
		transport,
		user: { id: uuid(900), role: 'coordinator' },
		snapshot: { ...full, ...firstPages(full.cards) }
	});
	return { server, transport, sut };
}

describe('a board loaded by pages', () => {
	it('counts the whole column but holds only its first page', () => {
		const { sut } = paged();
		expect(sut.columns.preinstalacion).toHaveLength(FIRST_PAGE);
		expect(sut.countOf('preinstalacion')).toBe(MANY);
		expect(sut.visibleFor('preinstalacion')).toHaveLength(COLUMN_PAGE);
		expect(sut.hiddenCount('preinstalacion')).toBe(MANY - COLUMN_PAGE);
	});

	it('fetches the next page as the window nears the loaded end, once at a time', async () => {
		const { transport, sut } = paged();
		// 24 of 30 rendered: the next «Mostrar más» would pass the loaded end, so the page is asked for now.
		sut.showMore('preinstalacion');
		expect(transport.pages).toHaveLength(1);
		sut.showMore('preinstalacion');
		sut.showMore('preinstalacion');
		await flush();
		expect(transport.pages).toHaveLength(1);
		expect(transport.pages[0]).toMatchObject({ stage: 'preinstalacion', after: { id: uuid(FIRST_PAGE) } });
		expect(sut.columns.preinstalacion).toHaveLength(FIRST_PAGE + NEXT_PAGE);
		expect(sut.countOf('preinstalacion')).toBe(MANY);
		// The window grew past the first page; the fetched cards fill it, in order.
		const shown = sut.visibleFor('preinstalacion').map((c) => c.folio);
		expect(shown.length).toBeGreaterThan(FIRST_PAGE);
		expect(shown).toEqual(Array.from({ length: shown.length }, (_, i) => i + 1));
	});

	it('keeps counts right when cards it has not loaded move, change or go away', () => {
		const { server, sut } = paged();
		// From further down «Preinstalación» into «Agendada»: it shows there and leaves the count it was in.
		sut.receive({ ...server.change(uuid(100), { stage: 'agendada' }), from: 'preinstalacion' });
		expect(sut.countOf('preinstalacion')).toBe(MANY - 1);
		expect(sut.countOf('agendada')).toBe(1);
		expect(sut.columns.agendada.map((c) => c.id)).toEqual([uuid(100)]);
		// Changed where it is, beyond the loaded page: it waits for its page, counted once.
		sut.receive({ ...server.change(uuid(120), { fullName: 'Otro nombre' }), from: 'preinstalacion' });
		expect(sut.cards.has(uuid(120))).toBe(false);
		expect(sut.countOf('preinstalacion')).toBe(MANY - 1);
		// Moved up into the loaded part: it shows, still counted once.
		sut.receive({ ...server.change(uuid(130), { position: 1500 }), from: 'preinstalacion' });
		expect(sut.columns.preinstalacion[1].id).toBe(uuid(130));
		expect(sut.countOf('preinstalacion')).toBe(MANY - 1);
		// Deleted: one fewer.
		sut.receive({ ...server.change(uuid(140), null, 'card:deleted'), from: 'preinstalacion' });
		expect(sut.countOf('preinstalacion')).toBe(MANY - 2);
		// A loaded card moving out is counted by what the board holds.
		sut.receive({ ...server.change(uuid(1), { stage: 'agendada', position: 1 }), from: 'preinstalacion' });
		expect(sut.countOf('preinstalacion')).toBe(MANY - 3);
		expect(sut.countOf('agendada')).toBe(2);
	});
});
