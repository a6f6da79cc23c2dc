import type { BoardTransport } from './board-transport';
import { optimisticPosition } from './board-logic';
import type { CardStore } from './card-store.svelte';
import type { ColumnWindow } from './column-window.svelte';
import type { Notices } from './notices.svelte';
import type { ServerClock } from './server-clock.svelte';
import type { BoardCard, MoveRequest, MoveResult } from '$lib/types/board';
import type { Role } from '$lib/domain/stages';
import { translate } from '$lib/i18n/translate';

interface MoveDeps {
	transport: BoardTransport | null;
	role: Role;
	store: CardStore;
	window: ColumnWindow;
	clock: ServerClock;
	notices: Notices;
	/** A move that got no answer may have happened anyway: catch up to learn. */
	resync: () => Promise<void>;
}

/** The cancel dialog's answers, added to the move that waited for them. */
export type CancelDetails = Required<Pick<MoveRequest, 'cancelReason' | 'cancelNote' | 'refundChecklist'>>;

/**
 * A move waiting for a dialog: a drop on «Cancelada» (the reason), or a cancelled card dropped on
 * another column (reopening, which has its own dialog). The card stays where it was dropped meanwhile.
 */
export type AskingMove = {
	kind: 'cancel' | 'reopen';
	card: BoardCard;
	req: MoveRequest;
	/** The reason the dialog starts with. */ preset?: string;
};

/** This viewer's moves: shown at once, sent to the server, and sprung back with its reasons when refused. */
export class BoardMoves {
	#d: MoveDeps;
	#pending = $state.raw(new Set<string>());
	#asking = $state.raw<(AskingMove & { done: (r: MoveResult | null) => void }) | null>(null);

	constructor(deps: MoveDeps) {
		this.#d = deps;
	}

	isPending(cardId: string): boolean {
		return this.#pending.has(cardId);
	}

	/** Optimistic move; springs back with the server's reasons when refused. */
	move(req: MoveRequest, preset?: string): Promise<MoveResult | null> {
		const prev = this.applyOptimistic(req);
		return prev ? this.sendOrAsk(req, prev, preset) : Promise.resolve(null);
	}

	get asking(): AskingMove | null {
		return this.#asking;
	}

	/** A move that needs words first waits for its dialog; any other goes out now. */
	sendOrAsk(req: MoveRequest, prev: BoardCard, preset?: string): Promise<MoveResult | null> {
		const kind = this.#dialogFor(req, prev);
		if (!kind) return this.send(req, prev);
		// One dialog at a time: a second such move while one is open springs back.
		if (this.#asking) {
			this.#d.store.rollback(prev, null);
			return Promise.resolve(null);
		}
		if (kind === 'reopen') this.#d.store.rollback(prev, null);
		return new Promise((done) => (this.#asking = { kind, card: prev, req, done, preset }));
	}

	#dialogFor(req: MoveRequest, card: BoardCard): AskingMove['kind'] | null {
		if (req.toStage === 'cancelada' && card.stage !== 'cancelada' && !req.cancelReason) return 'cancel';
		const mayReopen = this.#d.role === 'admin' || this.#d.role === 'coordinator';
		if (card.stage === 'cancelada' && req.toStage !== 'cancelada' && mayReopen) return 'reopen';
		return null;
	}

	/** The cancel dialog confirmed: the waiting move goes out with the reason (and the refund checklist). */
	confirmCancel(details: CancelDetails): Promise<MoveResult | null> {
		const a = this.#asking;
		if (a?.kind !== 'cancel') return Promise.resolve(null);
		this.#asking = null;
		const sent = this.send({ ...a.req, ...details }, a.card);
		void sent.then(a.done);
		return sent;
	}

	/** The dialog closed without confirming (Esc, «Volver», or reopening done its own way): the card goes back. */
	dismissAsk(): void {
		const a = this.#asking;
		if (!a) return;
		this.#asking = null;
		if (a.kind === 'cancel') this.#d.store.rollback(a.card, null);
		a.done(null);
	}

	/** Puts the card where the move says at once; returns the card as it was, or null when it isn't held. */
	applyOptimistic(req: MoveRequest): BoardCard | null {
		const { store } = this.#d;
		const card = store.cards.get(req.cardId);
		if (!card) return null;
		const position = optimisticPosition(store.columns[req.toStage], card.id, req);
		const moved = card.stage !== req.toStage;
		const stageChangedAt = moved ? new Date(this.#d.clock.now).toISOString() : card.stageChangedAt;
		store.put({ ...card, stage: req.toStage, position, stageChangedAt });
		this.#d.window.keepInView(req.toStage, card.id, moved);
		return card;
	}

	async send(req: MoveRequest, prev: BoardCard): Promise<MoveResult | null> {
		const { store, notices, transport } = this.#d;
		this.#pending = new Set(this.#pending).add(req.cardId);
		let res: MoveResult;
		try {
			if (!transport) throw new Error('offline');
			res = await transport.move(req);
		} catch {
			store.rollback(prev, null);
			notices.push({ kind: 'no_response', cardName: prev.fullName });
			void this.#d.resync();
			return null;
		} finally {
			const p = new Set(this.#pending);
			p.delete(req.cardId);
			this.#pending = p;
		}
		if (res.ok) {
			store.accept(res.card);
			// The server may have placed it elsewhere than the optimistic guess (a stale anchor).
			if (store.cards.get(res.card.id) === res.card) this.#d.window.keepInView(res.card.stage, res.card.id, false);
		} else {
			store.rollback(prev, res.card);
			const mayOverride = res.overridable && (this.#d.role === 'admin' || this.#d.role === 'coordinator');
			notices.push({
				kind: 'refused',
				cardName: prev.fullName,
				message: res.code ? translate(res.code) : res.message,
				reasons: res.codes ? res.codes.map((c) => translate(c)) : res.reasons,
				retry: mayOverride ? req : null
			});
		}
		return res;
	}
}
