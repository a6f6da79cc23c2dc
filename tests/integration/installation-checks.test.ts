// A card's value rules are plain CHECK constraints (migration 20261205020000), not a trigger that
// imitates their error: the database itself enforces them, whatever writes the row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase, type TestDatabase } from './support/db';

const RULES = [
	'stage',
	'phone',
	'phone_alt',
	'source',
	'house_ownership',
	'lat',
	'lng',
	'service_type',
	'contract_type',
	'installation_cost_cents',
	'ip',
	'cancel_reason',
	// Later columns bring their own rule the same way.
	'paid_cents',
	'wisphub_state',
	'call_attempts',
	'arrived_lat',
	'arrived_lng'
];

describe.each(drivers)('installation value rules on %s', (driver) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await freshDatabase(driver);
	});
	afterAll(async () => t.cleanup());

	it('are CHECK constraints, and no trigger re-implements them', async () => {
		const checks = await t.db.query<{ name: string }>(
			`select conname as name from pg_constraint where conrelid = 'installations'::regclass and contype = 'c' order by conname`
		);
		expect(checks.map((c) => c.name)).toEqual(RULES.map((r) => `installations_${r}_check`).sort());
		const triggers = await t.db.query<{ name: string }>(
			`select tgname as name from pg_trigger where tgrelid = 'installations'::regclass and not tgisinternal order by tgname`
		);
		expect(triggers.map((tr) => tr.name)).toEqual([
			'installations_assign_folio',
			'installations_before_update',
			'installations_board_event',
			// Not a value rule: the WispHub outbox (a job written in the move's transaction).
			'installations_wisphub_enqueue'
		]);
	});
});
