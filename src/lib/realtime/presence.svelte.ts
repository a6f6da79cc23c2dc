import type { BoardTransport } from './board-transport';
import type { PresenceUser } from '$lib/types/board';

const NOBODY: PresenceUser[] = [];

/** Who else is on the board and which card each has open; and which card this person has open. */
export class Presence {
	#transport: BoardTransport | null;
	#selfId: string;
	#users = $state.raw<PresenceUser[]>([]);
	/** Re-announced after a reconnect, so the room learns it again. */
	#openCardId: string | null = null;
	/** Who has which card open, so each card looks itself up instead of scanning the presence list. */
	readonly #editors = $derived.by(() => {
		const by = new Map<string, PresenceUser[]>();
		for (const p of this.#users) {
			if (!p.cardId || p.userId === this.#selfId) continue;
			const list = by.get(p.cardId);
			if (list) list.push(p);
			else by.set(p.cardId, [p]);
		}
		return by;
	});

	constructor(transport: BoardTransport | null, selfId: string) {
		this.#transport = transport;
		this.#selfId = selfId;
	}

	get users(): PresenceUser[] {
		return this.#users;
	}
	/** One entry per person, however many tabs they have open. */
	get viewers(): PresenceUser[] {
		return [...new Map(this.#users.map((p) => [p.userId, p])).values()];
	}

	editorsOf(cardId: string): PresenceUser[] {
		return this.#editors.get(cardId) ?? NOBODY;
	}

	set(users: PresenceUser[]): void {
		this.#users = users;
	}

	/** Tells the others which card this person has open (null when the panel closes). */
	open(cardId: string | null): void {
		this.#openCardId = cardId;
		if (this.#transport?.isConnected()) this.#transport.openCard(cardId);
	}

	/** After a reconnect the room has forgotten us: say again which card is open. */
	announce(): void {
		if (this.#openCardId) this.#transport?.openCard(this.#openCardId);
	}
}
