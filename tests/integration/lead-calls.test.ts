// Issue 20, calls on the card: each attempt is a lead_calls row, the card's follow-up columns (in
// the same transaction, so its version and its board event change) and a line of its history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';
import { makeCard, makeOrg } from './support/factories';
import { followUpPanel, listCalls, recordCall } from '$lib/server/services/lead-calls';
import { cardHistory } from '$lib/server/services/history';
import { cardPanel } from '$lib/server/services/cards';
import { boardSnapshot, forgetSettings } from '$lib/server/services/board';
import { saveSettings } from '$lib/server/services/settings';
import { DEFAULT_FOLLOW_UP } from '$lib/domain/follow-up';
import { ServiceError } from '$lib/server/services/errors';

type Org = Awaited<ReturnType<typeof makeOrg>>;

describe.each(drivers)('llamadas en la tarjeta en %s', (driver) => {
	let t: TestDatabase;
	let o: Org;
	beforeAll(async () => {
		t = await freshDatabase(driver);
		o = await makeOrg(t.db);
	});
	afterAll(() => t.cleanup());

	const state = async (id: string) =>
		(
			await t.db.query<{ version: number; attempts: number; outcome: string | null; last: string | null; next: string | null }>(
				`select version, call_attempts as attempts, last_call_outcome as outcome, last_call_at::text as last,
					next_contact_at::text as next from installations where id = $1`,
				[id]
			)
		)[0];
	const count = async (table: string, id: string, extra = '') =>
		Number((await t.db.query<{ n: number }>(`select count(*)::int as n from ${table} where installation_id = $1 ${extra}`, [id]))[0].n);
	const refusal = async (p: Promise<unknown>) => {
		const err = await p.then(
			() => null,
			(e: unknown) => e
		);
		expect(err).toBeInstanceOf(ServiceError);
		return err as ServiceError;
	};

	it('records an attempt: the call, the card’s columns and version, its board event and its history', async () => {
		const card = await makeCard(t.db, o.org.id);
		const before = await state(card.id);
		const [{ seq }] = await t.db.query<{ seq: number }>('select coalesce(max(seq), 0)::int as seq from board_events');
		const next = '2026-12-07T14:00:00.000Z';
		const res = await recordCall(t.db, o.agent, {
			installationId: card.id,
			outcome: 'no_contesto',
			note: '  Sonó y colgó  ',
			nextContactAt: next
		});
		expect(res.call).toMatchObject({ outcome: 'no_contesto', note: 'Sonó y colgó', nextContactAt: next, userName: 'Alma Agente' });
		expect(res.call.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(Date.parse(res.call.createdAt)).toBeGreaterThan(Date.now() - 60_000);
		expect(res.summary).toEqual({ attempts: 1, lastCallAt: res.call.createdAt, lastCallOutcome: 'no_contesto', nextContactAt: next });

		const after = await state(card.id);
		expect(after.version).toBeGreaterThan(before.version);
		expect(after).toMatchObject({ attempts: 1, outcome: 'no_contesto' });
		const events = await t.db.query<{ cardId: string; version: number; actorId: string }>(
			`select card_id as "cardId", version, actor_id as "actorId" from board_events where seq > $1`,
			[seq]
		);
		expect(events).toContainEqual({ cardId: card.id, version: after.version, actorId: o.agent.id });

		// The board card carries the follow-up.
		const onBoard = (await boardSnapshot(t.db, o.coordinator)).cards.find((c) => c.id === card.id)!;
		expect(onBoard).toMatchObject({ callAttempts: 1, lastCallAt: res.call.createdAt, lastCallOutcome: 'no_contesto', nextContactAt: next });

		// The history reads it in Spanish, the next contact in the provider's time zone.
		const history = await cardHistory(t.db, o.agent, card.id);
		const entry = history.find((h) => h.kinds.includes('call'))!;
		expect(entry.userName).toBe('Alma Agente');
		expect(entry.changes).toEqual(
			expect.arrayContaining([
				{ label: 'Llamada', from: null, to: 'No contestó' },
				{ label: 'Nota de la llamada', from: null, to: 'Sonó y colgó' },
				{ label: 'Volver a llamar', from: null, to: expect.stringMatching(/7 de diciembre de 2026.*9:00/) }
			])
		);
		expect((await cardHistory(t.db, o.agent, card.id, { kind: 'call' })).length).toBe(1);

		// A second attempt counts; «contestó» clears the next contact (its default is none).
		const second = await recordCall(t.db, o.coordinator, { installationId: card.id, outcome: 'contesto' });
		expect(second.summary).toMatchObject({ attempts: 2, lastCallOutcome: 'contesto', nextContactAt: null });
		const list = await listCalls(t.db, o.agent, card.id);
		expect(list.map((c) => c.outcome)).toEqual(['contesto', 'no_contesto']);
		expect(list[0].userName).toBe('Carlos Coordinador');
	});

	it('fills the next contact from the cadence rules, within office hours; none after a wrong number or no interest', async () => {
		const card = await makeCard(t.db, o.org.id);
		// Monday 18:00 in Cancún: «buzón» waits 4 hours by default, past closing → Tuesday 09:00.
		const monday = new Date('2026-12-07T23:00:00Z');
		const r = await recordCall(t.db, o.agent, { installationId: card.id, outcome: 'buzon' }, monday);
		expect(r.summary.nextContactAt).toBe('2026-12-08T14:00:00.000Z');
		for (const outcome of ['numero_equivocado', 'no_interesado'] as const) {
			const s = await recordCall(t.db, o.agent, { installationId: card.id, outcome }, monday);
			expect(s.summary.nextContactAt).toBeNull();
		}
		// Given explicitly, null wins over the default.
		expect(
			(await recordCall(t.db, o.agent, { installationId: card.id, outcome: 'no_contesto', nextContactAt: null })).summary.nextContactAt
		).toBeNull();
		// «contestó» with a moment keeps it.
		const at = new Date(Date.now() + 3 * 3_600_000).toISOString();
		expect(
			(await recordCall(t.db, o.agent, { installationId: card.id, outcome: 'contesto', nextContactAt: at })).summary.nextContactAt
		).toBe(at);
	});

	it('a technician may not record calls, and bad input is refused in Spanish with nothing written', async () => {
		const card = await makeCard(t.db, o.org.id, { technician_id: o.technician.id });
		const before = await state(card.id);
		const forbidden = await refusal(recordCall(t.db, o.technician, { installationId: card.id, outcome: 'contesto' }));
		expect(forbidden.status).toBe(403);
		for (const bad of [
			{ outcome: 'colgó' },
			{},
			{ outcome: 'contesto', note: 'x'.repeat(1001) },
			{ outcome: 'contesto', note: 42 },
			{ outcome: 'no_contesto', nextContactAt: 'mañana' },
			{ outcome: 'no_contesto', nextContactAt: '2031-01-01T10:00:00Z' },
			{ outcome: 'no_contesto', nextContactAt: '2020-01-01T10:00:00Z' }
		]) {
			const err = await refusal(recordCall(t.db, o.agent, { installationId: card.id, ...bad }));
			expect(err.status, JSON.stringify(bad)).toBe(400);
			expect(err.message).not.toMatch(/\b(error|invalid)\b/i);
		}
		const other = await makeOrg(t.db);
		expect((await refusal(recordCall(t.db, other.agent, { installationId: card.id, outcome: 'contesto' }))).status).toBe(404);
		expect((await refusal(recordCall(t.db, o.agent, { installationId: 'nope', outcome: 'contesto' }))).status).toBe(400);
		expect(await state(card.id)).toEqual(before);
		expect(await count('lead_calls', card.id)).toBe(0);
		expect(await count('card_history', card.id, `and kind = 'call'`)).toBe(0);
	});

	it('suggests «no localizable» after N unanswered attempts over M days, from the office’s rules', async () => {
		await saveSettings(t.db, o.admin, { followUp: { ...structuredClone(DEFAULT_FOLLOW_UP), giveUpAttempts: 3, giveUpDays: 4 } });
		forgetSettings(o.org.id);
		const card = await makeCard(t.db, o.org.id);
		const backdate = (days: number) =>
			t.db.query(
				`update lead_calls set created_at = now() - make_interval(days => $2)
				 where id = (select id from lead_calls where installation_id = $1 order by created_at desc limit 1)`,
				[card.id, days]
			);
		await recordCall(t.db, o.agent, { installationId: card.id, outcome: 'no_contesto' });
		await backdate(5);
		await recordCall(t.db, o.agent, { installationId: card.id, outcome: 'buzon' });
		await backdate(2);
		expect((await followUpPanel(t.db, o.agent, card.id)).giveUp).toBeNull();
		await recordCall(t.db, o.agent, { installationId: card.id, outcome: 'no_contesto' });
		const panel = await cardPanel(t.db, o.agent, card.id);
		expect(panel.followUp.giveUp).toEqual({ attempts: 3, days: 5 });
		expect(panel.followUp.canRecord).toBe(true);
		expect(panel.followUp.rules.giveUpAttempts).toBe(3);
		expect(panel.card).toMatchObject({ callAttempts: 3, lastCallOutcome: 'no_contesto' });
		// Reaching the customer starts the count again.
		await recordCall(t.db, o.agent, { installationId: card.id, outcome: 'llamar_despues' });
		expect((await followUpPanel(t.db, o.agent, card.id)).giveUp).toBeNull();
		// It is only a suggestion: the card is still where it was.
		expect((await state(card.id)).attempts).toBe(4);
		expect((await t.db.query<{ stage: string }>('select stage from installations where id = $1', [card.id]))[0].stage).toBe(
			'preinstalacion'
		);
	});
});
