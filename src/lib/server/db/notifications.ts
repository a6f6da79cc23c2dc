/** All SQL of the in-app notifications (issue 20, item 7): the notices, the preferences and the scanner's finds. */
import { sql } from 'drizzle-orm';
import type { Role } from '$lib/domain/stage-registry';
import type { NotificationKind } from '$lib/domain/notification-kinds';
import type { NotificationData, NotificationItem } from '$lib/types/notifications';
import { firstOf, rowsOf, run, type Executor } from './card-tx';

export interface NewNotification {
	orgId: string;
	userId: string;
	kind: NotificationKind;
	installationId: string;
	actorId: string | null;
	data: NotificationData;
	dedupeKey: string;
}

/** Inserts the notices; one already there (same person and key) is skipped. Answers how many were new. */
export async function insertMany(exec: Executor, rows: NewNotification[]): Promise<number> {
	let added = 0;
	for (const r of rows) {
		const row = await firstOf<{ id: string }>(
			exec,
			sql`insert into notifications (org_id, user_id, kind, installation_id, actor_id, data, dedupe_key)
				values (${r.orgId}, ${r.userId}, ${r.kind}, ${r.installationId}, ${r.actorId}, ${JSON.stringify(r.data)}::jsonb, ${r.dedupeKey})
				on conflict (user_id, dedupe_key) do nothing returning id`
		);
		if (row) added++;
	}
	return added;
}

export interface Recipient {
	id: string;
	role: Role;
}

/** Active people of the provider with one of `roles`. */
export function activeWithRoles(exec: Executor, orgId: string, roles: readonly Role[]): Promise<Recipient[]> {
	return rowsOf<Recipient>(
		exec,
		sql`select id, role from users where org_id = ${orgId} and active and role in (${sql.join(
			roles.map((r) => sql`${r}`),
			sql`, `
		)}) order by id`
	);
}

/** The given people, when active and of the provider. */
export function activeUsers(exec: Executor, orgId: string, ids: string[]): Promise<Recipient[]> {
	if (!ids.length) return Promise.resolve([]);
	return rowsOf<Recipient>(
		exec,
		sql`select id, role from users where org_id = ${orgId} and active and id in (${sql.join(
			ids.map((i) => sql`${i}::uuid`),
			sql`, `
		)})`
	);
}

/** Choices people made about `kind` (no row: the default). */
export async function choicesFor(exec: Executor, userIds: string[], kind: NotificationKind): Promise<Map<string, boolean>> {
	if (!userIds.length) return new Map();
	const rows = await rowsOf<{ userId: string; enabled: boolean }>(
		exec,
		sql`select user_id as "userId", enabled from notification_preferences where kind = ${kind} and user_id in (${sql.join(
			userIds.map((i) => sql`${i}::uuid`),
			sql`, `
		)})`
	);
	return new Map(rows.map((r) => [r.userId, r.enabled]));
}

export function preferencesOf(exec: Executor, userId: string): Promise<{ kind: NotificationKind; enabled: boolean }[]> {
	return rowsOf(exec, sql`select kind, enabled from notification_preferences where user_id = ${userId}`);
}

export async function setPreference(
	exec: Executor,
	orgId: string,
	userId: string,
	kind: NotificationKind,
	enabled: boolean
): Promise<void> {
	await run(
		exec,
		sql`insert into notification_preferences (user_id, org_id, kind, enabled) values (${userId}, ${orgId}, ${kind}, ${enabled})
			on conflict (user_id, kind) do update set enabled = excluded.enabled, updated_at = now()`
	);
}

const ITEM = sql`select id, kind, installation_id as "installationId", data, created_at as "createdAt", read_at as "readAt" from notifications`;

type ItemRow = Omit<NotificationItem, 'createdAt' | 'readAt'> & { createdAt: Date | string; readAt: Date | string | null };
const iso = (d: Date | string) => new Date(d).toISOString();

/** One person's newest notices. */
export async function listFor(exec: Executor, userId: string, limit: number): Promise<NotificationItem[]> {
	const rows = await rowsOf<ItemRow>(exec, sql`${ITEM} where user_id = ${userId} order by created_at desc, id desc limit ${limit}`);
	return rows.map((r) => ({
		...r,
		data: typeof r.data === 'string' ? (JSON.parse(r.data) as NotificationData) : r.data,
		createdAt: iso(r.createdAt),
		readAt: r.readAt ? iso(r.readAt) : null
	}));
}

export async function unreadCount(exec: Executor, userId: string): Promise<number> {
	const row = await firstOf<{ n: number }>(
		exec,
		sql`select count(*)::int as n from notifications where user_id = ${userId} and read_at is null`
	);
	return row?.n ?? 0;
}

/** Marks one of the person's notices read (another person's id matches nothing). Answers whether it was theirs. */
export async function markRead(exec: Executor, userId: string, id: string): Promise<boolean> {
	const row = await firstOf<{ id: string; readAt: string | null }>(
		exec,
		sql`update notifications set read_at = coalesce(read_at, now()) where id = ${id} and user_id = ${userId} returning id`
	);
	return !!row;
}

export async function markAllRead(exec: Executor, userId: string): Promise<void> {
	await run(exec, sql`update notifications set read_at = now() where user_id = ${userId} and read_at is null`);
}

/** What a notice shows about its card. */
export interface CardInfo {
	id: string;
	orgId: string;
	folio: number;
	fullName: string;
	stage: string;
	date: string | null;
	time: string | null;
	technicianId: string | null;
	version: number;
}

export function cardInfo(exec: Executor, id: string): Promise<CardInfo | null> {
	return firstOf<CardInfo>(
		exec,
		sql`select id, org_id as "orgId", folio::int as folio, full_name as "fullName", stage, installation_date::text as date,
			installation_time as time, technician_id as "technicianId", version from installations where id = ${id}`
	);
}

export function userName(exec: Executor, id: string | null): Promise<{ name: string } | null> {
	if (!id) return Promise.resolve(null);
	return firstOf<{ name: string }>(exec, sql`select name from users where id = ${id}`);
}

/** Every provider with its stored settings (the scanner reads each one's SLA). */
export function organizationsSettings(exec: Executor): Promise<{ id: string; settings: unknown }[]> {
	return rowsOf(exec, sql`select id, settings from organizations order by id`);
}

export interface LateCard {
	id: string;
	folio: number;
	fullName: string;
	stage: string;
	stageChangedAt: string;
}

/**
 * Cards of `orgId` that passed their stage's limit (`limits`: stage → late hours) at most `lookbackHours`
 * ago: a card late for longer was late before anyone could be told (the scanner was off), and
 * announcing the whole backlog at once would bury the bell.
 */
export function lateCards(exec: Executor, orgId: string, limits: [string, number][], lookbackHours: number): Promise<LateCard[]> {
	if (!limits.length) return Promise.resolve([]);
	const values = sql.join(
		limits.map(([stage, hours]) => sql`(${stage}::text, ${hours}::float8)`),
		sql`, `
	);
	return rowsOf<LateCard>(
		exec,
		sql`select i.id, i.folio::int as folio, i.full_name as "fullName", i.stage,
				to_char(i.stage_changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "stageChangedAt"
			from installations i join (values ${values}) as l(stage, hours) on l.stage = i.stage
			where i.org_id = ${orgId}
			  and i.stage_changed_at + make_interval(secs => l.hours * 3600) <= now()
			  and i.stage_changed_at + make_interval(secs => l.hours * 3600) > now() - make_interval(secs => ${lookbackHours}::float8 * 3600)`
	);
}

export interface DueCallback {
	id: string;
	orgId: string;
	folio: number;
	fullName: string;
	dueAt: string;
	/** Who recorded the card's last call. */
	callerId: string | null;
}

/** Cards whose next contact came due at most `lookbackHours` ago, still in the open flow. */
export function dueCallbacks(exec: Executor, openStages: readonly string[], lookbackHours: number): Promise<DueCallback[]> {
	return rowsOf<DueCallback>(
		exec,
		sql`select i.id, i.org_id as "orgId", i.folio::int as folio, i.full_name as "fullName",
				to_char(i.next_contact_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "dueAt",
				(select c.user_id from lead_calls c where c.installation_id = i.id order by c.created_at desc, c.id desc limit 1) as "callerId"
			from installations i
			where i.next_contact_at is not null and i.next_contact_at <= now()
			  and i.next_contact_at > now() - make_interval(secs => ${lookbackHours}::float8 * 3600)
			  and i.stage in (${sql.join(
					openStages.map((s) => sql`${s}`),
					sql`, `
				)})`
	);
}
