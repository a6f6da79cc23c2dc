/**
 * The technician's queue as the pages see it: the actions kept on the phone, per-photo progress,
 * and the verbs (enqueue, flush, retry, discard, choose in a conflict). One per technician page
 * tree, created in the browser only (the tecnico layout puts it in context).
 */
import { getContext, setContext } from 'svelte';
import type { JobFieldName } from '$lib/schemas/technician';
import type { QueuedResult } from '$lib/schemas/technician-sync';
import { keepMine, pendingCount, runQueue, settle, type QueuedAction, type QueuedPayload, type QueueStore, type Transport } from './queue';

/** While something waits and no `online` event comes (a captive portal, a flaky tower), try again this often. */
const RETRY_MS = 30_000;

export class OfflineQueue {
	#actions = $state<QueuedAction[]>([]);
	/** Upload percent of the photo being sent, by action key. */
	progress = $state<Record<string, number>>({});
	online = $state(true);
	sending = $state(false);
	/** The last answer to «Instalación completada» per job, for the page to show. */
	completed = $state<Record<string, Extract<QueuedResult, { kind: 'completar' }>>>({});
	#lastSeq = 0;
	#timer: ReturnType<typeof setInterval> | null = null;

	constructor(
		readonly userId: string,
		private store: QueueStore,
		private transport: Transport,
		/** Called after a run that applied something (the page reloads its data). */
		private onApplied: () => Promise<void> | void = () => {}
	) {}

	get actions(): QueuedAction[] {
		return this.#actions.filter((a) => a.userId === this.userId).sort((a, b) => a.seq - b.seq);
	}
	pending(jobId?: string): number {
		return pendingCount(this.#actions, this.userId, jobId);
	}
	of(jobId: string): QueuedAction[] {
		return this.actions.filter((a) => a.jobId === jobId);
	}

	async #reload() {
		this.#actions = await this.store.all();
		this.#lastSeq = Math.max(this.#lastSeq, ...this.#actions.map((a) => a.seq));
	}

	/** Loads what an earlier visit left, sends it, and keeps sending whenever the connection returns. */
	start(): () => void {
		this.online = navigator.onLine;
		const up = () => {
			this.online = true;
			void this.flush();
		};
		const down = () => (this.online = false);
		window.addEventListener('online', up);
		window.addEventListener('offline', down);
		this.#timer = setInterval(() => {
			if (this.pending() && navigator.onLine) void this.flush();
		}, RETRY_MS);
		void this.#reload().then(() => this.flush());
		return () => {
			window.removeEventListener('online', up);
			window.removeEventListener('offline', down);
			if (this.#timer) clearInterval(this.#timer);
		};
	}

	#next(jobId: string, payload: QueuedPayload): QueuedAction {
		this.#lastSeq = Math.max(Date.now(), this.#lastSeq + 1);
		return {
			key: crypto.randomUUID(),
			seq: this.#lastSeq,
			userId: this.userId,
			jobId,
			createdAt: new Date().toISOString(),
			payload,
			state: 'pending'
		};
	}

	async enqueue(jobId: string, payload: QueuedPayload): Promise<void> {
		await this.store.put(this.#next(jobId, payload));
		await this.#reload();
		void this.flush();
	}

	/** Sends what is pending; one run at a time, across the technician's tabs too (a Web Lock). */
	async flush(): Promise<void> {
		if (this.sending) return;
		this.sending = true;
		let applied = false;
		const run = () =>
			runQueue(this.store, this.transport, this.userId, {
				progress: (key, p) => (this.progress = { ...this.progress, [key]: p }),
				applied: (action, result) => {
					applied = true;
					if (result.kind === 'completar') this.completed = { ...this.completed, [action.jobId]: result };
				},
				changed: () => void this.#reload()
			});
		try {
			const outcome = navigator.locks ? await navigator.locks.request('tecnico-cola', run) : await run();
			if (outcome === 'unreachable') this.online = navigator.onLine && this.online;
		} finally {
			this.progress = {};
			this.sending = false;
			await this.#reload();
		}
		if (applied) await this.onApplied();
	}

	async retry(key: string): Promise<void> {
		const a = this.#actions.find((x) => x.key === key);
		if (!a) return;
		await this.store.put({ ...a, state: 'pending', error: undefined });
		await this.#reload();
		void this.flush();
	}

	async discard(key: string): Promise<void> {
		await this.store.remove(key);
		await this.#reload();
		void this.flush();
	}

	/** A conflict settled: «Usar mi valor» queues the technician's value again, over the office's; otherwise the office's stays. */
	async choose(key: string, field: JobFieldName, useMine: boolean): Promise<void> {
		const blocked = this.#actions.find((x) => x.key === key);
		if (!blocked) return;
		const rest = settle(blocked, field);
		if (useMine) {
			// In the blocked action's place, so the job's later actions (its completion) still go after it.
			const mine = keepMine(blocked, field, crypto.randomUUID(), blocked.seq + 0.5);
			if (mine) await this.store.put(mine);
		}
		if (rest) await this.store.put(rest);
		else await this.store.remove(key);
		await this.#reload();
		void this.flush();
	}
}

const KEY = Symbol('tecnico-cola');
export const setQueue = (q: OfflineQueue) => setContext(KEY, q);
export const getQueue = () => getContext<OfflineQueue | undefined>(KEY);
