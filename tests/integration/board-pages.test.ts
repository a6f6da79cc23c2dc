// The board loads by pages: each column's first cards and the count of all of them with the page,
// the rest through board:page as the column scrolls, under the same filters and scope. Both paths
// (the read model while listening, the database otherwise and for text search) on both drivers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { boardColumnPage, boardSnapshot } from '$lib/server/services/board';
import { boardModels } from '$lib/server/realtime/board-model';
import { FIRST_PAGE, NEXT_PAGE } from '$lib/domain/board-pages';
import { ServiceError } from '$lib/server/services/errors';

type Org = Awaited<ReturnType<typeof makeOrg>>;
const MANY = FIRST_PAGE + NEXT_PAGE + 7;

describe.each(drivers)('board pages on %s', (driver) => {
	let t: TestDatabase;
	let o: Org;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
		await t.db.query(
			`insert into installations (org_id, full_name, phone, addr_colonia, stage, position)
			 select $1, case when g % 10 = 0 then 'Pérez ' else 'Cliente ' end || g, '997' || lpad(g::text, 7, '0'), 'Centro', 'preinstalacion', g * 1000
			   from generate_series(1, $2::int) g`,
			[o.org.id, MANY]
		);
		for (let i = 0; i < 3; i++) await makeCard(t.db, o.org.id, { stage: 'agendada', full_name: `Agendado ${i}` });
	});
	afterAll(async () => t.cleanup());

	for (const listening of [false, true]) {
		describe(listening ? 'from the read model' : 'from the database', () => {
			beforeAll(() => {
				boardModels(t.db).listening = listening;
				boardModels(t.db).reset();
			});

			it('sends each column’s first page and the count of all its cards', async () => {
				const snap = await boardSnapshot(t.db, o.admin);
				const pre = snap.cards.filter((c) => c.stage === 'preinstalacion');
				expect(pre).toHaveLength(FIRST_PAGE);
				expect(pre.map((c) => c.fullName)).toEqual(
					Array.from({ length: FIRST_PAGE }, (_, i) => `${(i + 1) % 10 ? 'Cliente' : 'Pérez'} ${i + 1}`)
				);
				expect(snap.counts?.preinstalacion).toBe(MANY);
				expect(snap.more?.preinstalacion).toEqual({ position: pre[FIRST_PAGE - 1].position, id: pre[FIRST_PAGE - 1].id });
				// A short column comes whole, with nothing more to ask for.
				expect(snap.cards.filter((c) => c.stage === 'agendada')).toHaveLength(3);
				expect(snap.counts?.agendada).toBe(3);
				expect(snap.more?.agendada).toBeUndefined();
			});

			it('brings the next pages after the cursor until the column ends', async () => {
				const snap = await boardSnapshot(t.db, o.admin);
				const second = await boardColumnPage(t.db, o.admin, { stage: 'preinstalacion', after: snap.more!.preinstalacion, filters: {} });
				expect(second.cards).toHaveLength(NEXT_PAGE);
				expect(second.cards[0].fullName).toBe(`Cliente ${FIRST_PAGE + 1}`);
				expect(second.count).toBe(MANY);
				expect(second.next).not.toBeNull();
				const third = await boardColumnPage(t.db, o.admin, { stage: 'preinstalacion', after: second.next, filters: {} });
				expect(third.cards.map((c) => c.fullName)).toEqual(
					Array.from(
						{ length: 7 },
						(_, i) => `${(FIRST_PAGE + NEXT_PAGE + i + 1) % 10 ? 'Cliente' : 'Pérez'} ${FIRST_PAGE + NEXT_PAGE + i + 1}`
					)
				);
				expect(third.next).toBeNull();
				const ids = new Set([...snap.cards, ...second.cards, ...third.cards].filter((c) => c.stage === 'preinstalacion').map((c) => c.id));
				expect(ids.size).toBe(MANY);
			});

			it('pages a search on the server: counts and pages hold only the matches', async () => {
				const snap = await boardSnapshot(t.db, o.admin, { q: 'pérez' });
				const matches = Math.floor(MANY / 10);
				expect(snap.counts?.preinstalacion).toBe(matches);
				expect(snap.cards.every((c) => c.fullName.startsWith('Pérez'))).toBe(true);
				expect(snap.cards).toHaveLength(Math.min(matches, FIRST_PAGE));
				const rest = await boardColumnPage(t.db, o.admin, {
					stage: 'preinstalacion',
					after: { position: 10_000, id: 'ffffffff-ffff-4fff-bfff-ffffffffffff' },
					filters: { q: 'pérez' }
				});
				expect(rest.cards.map((c) => c.fullName)).toEqual(Array.from({ length: matches - 1 }, (_, i) => `Pérez ${(i + 2) * 10}`));
				expect(rest.next).toBeNull();
			});

			it('keeps a technician to their own cards', async () => {
				const page = await boardColumnPage(t.db, o.technician, { stage: 'preinstalacion', after: null, filters: {} });
				expect(page).toEqual({ cards: [], count: 0, next: null });
			});
		});
	}

	it('refuses a malformed request with a Spanish message', async () => {
		await expect(boardColumnPage(t.db, o.admin, { stage: 'nada', after: null })).rejects.toThrow(ServiceError);
		await expect(boardColumnPage(t.db, o.admin, { stage: 'nada', after: null })).rejects.toThrow(/columna no existe/);
		await expect(boardColumnPage(t.db, o.admin, { stage: 'agendada', after: { position: 'x', id: 'y' }, filters: {} })).rejects.toThrow(
			ServiceError
		);
	});
});
