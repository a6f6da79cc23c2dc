import type { RawRunner } from './client';
import type { SyncCard } from '$lib/domain/wisphub-payload';
import type { WispHubJobState, WispHubJobView } from '$lib/types/wisphub';

type Runner = Pick<RawRunner, 'query'>;

export type JobState = WispHubJobState;

export interface JobRow {
	id: string;
	orgId: string;
	installationId: string;
	state: JobState;
	attempts: number;
	taskId: string | null;
	remoteId: string | null;
	payload: Record<string, unknown> | null;
	/** When WispHub took the request (epoch ms). */
	sentAt: number | null;
}

const JOB = `j.id, j.org_id as "orgId", j.installation_id as "installationId", j.state, j.attempts, j.task_id as "taskId", j.remote_id as "remoteId", j.payload,
	(extract(epoch from j.sent_at) * 1000)::float8 as "sentAt"`;
const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * Takes up to `limit` due jobs for this worker for `lockSeconds`: another instance's worker skips
 * them (SKIP LOCKED while choosing, then the lock time), so no job is sent by two at once.
 */
export async function claimDue(db: Runner, limit: number, lockSeconds: number): Promise<JobRow[]> {
	return db.query<JobRow>(
		`update wisphub_jobs j set locked_until = now() + make_interval(secs => $2), updated_at = now()
		  where j.id in (
		    select id from wisphub_jobs
		     where state in ('pendiente', 'enviando', 'esperando') and next_attempt_at <= now()
		       and (locked_until is null or locked_until < now())
		       -- Switching the integration off pauses what is queued; switching it on sends it.
		       and exists (select 1 from wisphub_connections c where c.org_id = wisphub_jobs.org_id and c.enabled)
		     order by next_attempt_at limit $1
		     for update skip locked)
		 returning ${JOB}`,
		[limit, lockSeconds]
	);
}

/** The job's state and the card's badge move together; the card's version changes, so boards update live. */
async function setCard(db: Runner, installationId: string, state: string, remoteId: string | null, error: string | null) {
	await db.query(
		`update installations set wisphub_state = $2, wisphub_id = coalesce($3, wisphub_id), wisphub_error = $4
		  where id = $1 and (wisphub_state, wisphub_id, wisphub_error) is distinct from ($2, coalesce($3, wisphub_id), $4)`,
		[installationId, state, remoteId, error]
	);
}

export async function markSending(db: Runner, job: JobRow, payload: Record<string, unknown>): Promise<void> {
	await db.query(
		`update wisphub_jobs set state = 'enviando', attempts = attempts + 1, payload = $2::text::jsonb, updated_at = now() where id = $1`,
		[job.id, json(payload)]
	);
	await setCard(db, job.installationId, 'enviando', null, null);
}

/** WispHub took the request and gave a task: from here the job only polls, never sends again. */
export async function markSent(db: Runner, job: JobRow, taskId: string, response: unknown): Promise<void> {
	await db.query(
		`update wisphub_jobs set state = 'esperando', task_id = $2, response = $3::text::jsonb, sent_at = now(), locked_until = null,
		   next_attempt_at = now() + interval '1 second', last_error = null, updated_at = now() where id = $1`,
		[job.id, taskId, json(response)]
	);
}

export async function markSynced(db: Runner, job: JobRow, remoteId: string, response: unknown): Promise<void> {
	await db.query(
		`update wisphub_jobs set state = 'sincronizado', remote_id = $2, response = $3::text::jsonb, locked_until = null, last_error = null, updated_at = now() where id = $1`,
		[job.id, remoteId, json(response)]
	);
	await setCard(db, job.installationId, 'sincronizado', remoteId, null);
}

/** Poll again later (the task is still running). */
export async function pollLater(db: Runner, job: JobRow, seconds: number): Promise<void> {
	await db.query(
		`update wisphub_jobs set locked_until = null, next_attempt_at = now() + make_interval(secs => $2), updated_at = now() where id = $1`,
		[job.id, seconds]
	);
}

/** A failure worth another try: back off; the card keeps «enviando» and shows the last error. */
export async function retryLater(db: Runner, job: JobRow, seconds: number, error: string, response: unknown): Promise<void> {
	await db.query(
		`update wisphub_jobs set locked_until = null, next_attempt_at = now() + make_interval(secs => $2), last_error = $3,
		   response = $4::text::jsonb, updated_at = now() where id = $1`,
		[job.id, seconds, error, json(response)]
	);
	await setCard(db, job.installationId, 'enviando', null, error);
}

/** Stop: WispHub refused (4xx) or the card lacks data; an admin fixes it and presses «Reintentar». */
export async function markFailed(db: Runner, job: JobRow, error: string, response: unknown): Promise<void> {
	await db.query(
		`update wisphub_jobs set state = 'error', locked_until = null, last_error = $2, response = $3::text::jsonb, updated_at = now() where id = $1`,
		[job.id, error, json(response)]
	);
	await setCard(db, job.installationId, 'error', null, error);
}

/** «Reintentar»: only a job that stopped on an error; false otherwise. */
export async function retryNow(db: Runner, orgId: string, jobId: string): Promise<{ installationId: string } | null> {
	const [row] = await db.query<{ installationId: string }>(
		`update wisphub_jobs set state = 'pendiente', next_attempt_at = now(), locked_until = null, attempts = 0, updated_at = now()
		  where id = $1 and org_id = $2 and state = 'error' returning installation_id as "installationId"`,
		[jobId, orgId]
	);
	if (!row) return null;
	await setCard(db, row.installationId, 'pendiente', null, null);
	return row;
}

export type JobListRow = WispHubJobView;

export async function list(db: Runner, orgId: string, filter: { state?: JobState; q?: string }, limit = 200): Promise<JobListRow[]> {
	return db.query<JobListRow>(
		`select j.id, j.installation_id as "installationId", j.state, j.attempts, j.remote_id as "remoteId", j.payload, i.folio, i.full_name as "fullName", j.last_error as "lastError", j.response,
		        j.updated_at::text as "updatedAt"
		   from wisphub_jobs j join installations i on i.id = j.installation_id
		  where j.org_id = $1 and ($2::text is null or j.state = $2)
		    and ($3::text is null or i.full_name ilike '%' || $3 || '%' or i.folio::text = $3)
		  order by j.updated_at desc limit $4`,
		[orgId, filter.state ?? null, filter.q ?? null, limit]
	);
}

/** What the payload is built from. */
export async function cardForSync(db: Runner, installationId: string): Promise<SyncCard | null> {
	const [row] = await db.query<
		SyncCard & {
			sm: string;
			mz: string;
			lt: string;
			ext: string;
			int: string;
			building: string;
			street: string;
			colonia: string;
			city: string;
		}
	>(
		`select full_name as "fullName", email, phone, phone_alt as "phoneAlt",
		        addr_sm as sm, addr_mz as mz, addr_lt as lt, addr_ext as ext, addr_int as int, addr_building as building,
		        addr_street as street, addr_colonia as colonia, addr_city as city, lat, lng, comments,
		        installation_cost_cents as "installationCostCents", promotion_free_installation as "freeInstallation",
		        installation_date::text as "installationDate", pppoe_user as "pppoeUser", pppoe_password as "pppoePassword",
		        wifi_password as "wifiPassword", host(ip) as ip, zone_id as "zoneId", plan_id as "planId", technician_id as "technicianId"
		   from installations where id = $1`,
		[installationId]
	);
	if (!row) return null;
	const { sm, mz, lt, ext, int, building, street, colonia, city, ...card } = row;
	return { ...card, address: { sm, mz, lt, ext, int, building, street, colonia, city } };
}

/** The payload sent for a synced card (to tell what changed since). */
export async function sentPayload(db: Runner, installationId: string): Promise<Record<string, unknown> | null> {
	const [row] = await db.query<{ payload: Record<string, unknown> | null }>(
		`select payload from wisphub_jobs where installation_id = $1 and kind = 'crear' and state = 'sincronizado'`,
		[installationId]
	);
	return row?.payload ?? null;
}
