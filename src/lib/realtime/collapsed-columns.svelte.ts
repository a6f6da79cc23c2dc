import { isStage, type Stage } from '$lib/domain/stage-registry';

/** «Cancelada» starts as a strip; every other column starts open. */
export const DEFAULT_COLLAPSED: readonly Stage[] = ['cancelada'];

/** Per user, so two people sharing a browser each keep their own board. */
export const collapsedKey = (userId: string) => `tablero:columnas-contraidas:${userId}`;

type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

/** What was stored, or the default; unknown stages and damaged values are ignored. */
export function readCollapsed(raw: string | null): Set<Stage> {
	if (raw === null) return new Set(DEFAULT_COLLAPSED);
	try {
		const value: unknown = JSON.parse(raw);
		if (Array.isArray(value)) return new Set(value.filter((v): v is Stage => typeof v === 'string' && isStage(v)));
	} catch {
		// A damaged value is treated as never stored.
	}
	return new Set(DEFAULT_COLLAPSED);
}

/**
 * Which board columns are folded to a narrow strip, remembered in the browser (localStorage).
 * Server rendering uses the default; `load` reads the stored choice once the board is mounted.
 */
export class CollapsedColumns {
	#collapsed = $state.raw<ReadonlySet<Stage>>(new Set(DEFAULT_COLLAPSED));
	#key: string;
	#store: KeyValue | null = null;

	constructor(userId: string) {
		this.#key = collapsedKey(userId);
	}

	load(store: KeyValue): void {
		this.#store = store;
		try {
			this.#collapsed = readCollapsed(store.getItem(this.#key));
		} catch {
			// Storage can be blocked (privacy settings): the board still works, it just won't remember.
		}
	}

	has(stage: Stage): boolean {
		return this.#collapsed.has(stage);
	}

	toggle(stage: Stage): void {
		const next = new Set(this.#collapsed);
		if (!next.delete(stage)) next.add(stage);
		this.#collapsed = next;
		try {
			this.#store?.setItem(this.#key, JSON.stringify([...next]));
		} catch {
			// See load.
		}
	}
}
