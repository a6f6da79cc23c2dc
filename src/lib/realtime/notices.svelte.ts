import type { MoveRequest } from '$lib/types/board';

/** Structured so the state stays free of UI text; Toasts.svelte words them. */
export type Notice = { id: number } & (
	| { kind: 'refused'; cardName: string; message: string; reasons: string[]; retry: MoveRequest | null }
	| { kind: 'no_response'; cardName: string }
	| { kind: 'open_failed'; cardName: string; href: string }
	| { kind: 'session'; message: string }
	| { kind: 'info'; message: string }
);

type NewNotice = Notice extends infer N ? (N extends Notice ? Omit<N, 'id'> : never) : never;

/** A few recent notices; refusals stay until read, since they carry what to do next. */
export class Notices {
	#items = $state<Notice[]>([]);
	#nextId = 1;

	get items(): readonly Notice[] {
		return this.#items;
	}

	push(n: NewNotice): number {
		const id = this.#nextId++;
		this.#items = [...this.#items, { ...n, id } as Notice].slice(-3);
		return id;
	}

	dismiss(id: number): void {
		this.#items = this.#items.filter((n) => n.id !== id);
	}
}
