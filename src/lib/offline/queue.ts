/**
 * The technician's offline queue, without I/O: what to send next and what each answer does to the
 * queue. The store (IndexedDB on the phone, a Map in the spec) and the transport (HTTP) are passed in.
 *
 * Rules: actions go in the order they were made; an action waiting for the technician (a conflict
 * with the office, a refusal) holds back the later actions of the same job only; no answer at all
 * (no signal, a 5xx) stops the run and keeps everything for the next one, with the same key, so the
 * server can tell a replay from a new action.
 */
import type { JobFieldName } from '$lib/schemas/technician';
import type { QueuedResult } from '$lib/schemas/technician-sync';
import type { FieldConflict } from '$lib/domain/field-merge';

export type FieldValues = Partial<Record<JobFieldName, string | null>>;

export type QueuedPayload =
	| { kind: 'campos'; fields: FieldValues; base: FieldValues }
	| { kind: 'llegada'; at: string; coords: { lat: number; lng: number } | null }
	| { kind: 'completar' }
	| { kind: 'foto'; blob: Blob; name: string; width: number; height: number };

export interface QueuedAction {
	/** Made on the phone; the server records it with its answer (exactly once). */
	key: string;
	/** Order of creation across jobs; ties never happen (one counter per phone). */
	seq: number;
	userId: string;
	jobId: string;
	createdAt: string;
	payload: QueuedPayload;
	/** `blocked`: waits for the technician (a refusal to read, or a conflict to choose). */
	state: 'pending' | 'blocked';
	error?: string;
	conflicts?: FieldConflict<JobFieldName>[];
}

export interface QueueStore {
	all(): Promise<QueuedAction[]>;
	put(action: QueuedAction): Promise<void>;
	remove(key: string): Promise<void>;
}

export type SendOutcome =
	| { type: 'done'; result: QueuedResult }
	/** The server refused it (4xx): retrying the same request would get the same answer. */
	| { type: 'refused'; message: string }
	/** No answer, or the server was down: try again later. */
	| { type: 'unreachable' };

export interface Transport {
	send(action: QueuedAction, onProgress: (percent: number) => void): Promise<SendOutcome>;
}

export interface RunHooks {
	progress?(key: string, percent: number): void;
	/** An action the server took (with conflicts, if any, already on the blocked copy). */
	applied?(action: QueuedAction, result: QueuedResult): void;
	changed?(): void;
}

/** The next action to send for `userId`: the oldest pending one whose job has nothing blocked before it. */
export function nextToSend(actions: QueuedAction[], userId: string): QueuedAction | null {
	const heldJobs = new Set<string>();
	for (const a of [...actions].sort((x, y) => x.seq - y.seq)) {
		if (a.userId !== userId) continue;
		if (a.state === 'blocked') heldJobs.add(a.jobId);
		else if (!heldJobs.has(a.jobId)) return a;
	}
	return null;
}

/**
 * Sends until the queue is empty, everything left is held back, or the connection fails.
 * Returns how the run ended: `unreachable` means try again on the next `online` or open.
 */
export async function runQueue(
	store: QueueStore,
	transport: Transport,
	userId: string,
	hooks: RunHooks = {}
): Promise<'idle' | 'unreachable'> {
	for (;;) {
		const action = nextToSend(await store.all(), userId);
		if (!action) return 'idle';
		const outcome = await transport.send(action, (p) => hooks.progress?.(action.key, p));
		if (outcome.type === 'unreachable') return 'unreachable';
		if (outcome.type === 'refused') {
			await store.put({ ...action, state: 'blocked', error: outcome.message });
		} else if (outcome.result.kind === 'campos' && outcome.result.conflicts.length) {
			// The rest was applied; the conflicting fields wait for the technician's choice.
			await store.put({ ...action, state: 'blocked', conflicts: outcome.result.conflicts });
			hooks.applied?.(action, outcome.result);
		} else {
			await store.remove(action.key);
			hooks.applied?.(action, outcome.result);
		}
		hooks.changed?.();
	}
}

/** «Usar mi valor»: a new action for that one field, based on the office's value (so it applies unless the office changes it again). */
export function keepMine(blocked: QueuedAction, field: JobFieldName, key: string, seq: number): QueuedAction | null {
	const conflict = blocked.conflicts?.find((c) => c.field === field);
	if (!conflict) return null;
	return {
		key,
		seq,
		userId: blocked.userId,
		jobId: blocked.jobId,
		createdAt: new Date().toISOString(),
		payload: { kind: 'campos', fields: { [field]: conflict.mine }, base: { [field]: conflict.office } },
		state: 'pending'
	};
}

/** The blocked copy once `field` is settled: gone when nothing is left to choose. */
export function settle(blocked: QueuedAction, field: JobFieldName): QueuedAction | null {
	const conflicts = (blocked.conflicts ?? []).filter((c) => c.field !== field);
	return conflicts.length ? { ...blocked, conflicts } : null;
}

/** What the technician sees pending per job: «3 cambios por enviar». */
export function pendingCount(actions: QueuedAction[], userId: string, jobId?: string): number {
	return actions.filter((a) => a.userId === userId && (!jobId || a.jobId === jobId) && a.state === 'pending').length;
}

/** The job's equipment fields as the technician last typed them, over what the server sent. */
export function overlayFields(actions: QueuedAction[], userId: string, jobId: string, loaded: FieldValues): FieldValues {
	const out = { ...loaded };
	for (const a of [...actions].sort((x, y) => x.seq - y.seq)) {
		if (a.userId === userId && a.jobId === jobId && a.payload.kind === 'campos' && a.state === 'pending')
			Object.assign(out, a.payload.fields);
	}
	return out;
}
