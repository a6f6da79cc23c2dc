import { EventEmitter } from 'node:events';

/**
 * In-process domain events that are not card changes (card changes travel through
 * board_events in the database). Services emit; the realtime layer listens.
 */
export interface DomainEvents {
	/** The user's sessions ended (all, or all but `keepSessionId`): their sockets are disconnected. */
	'user:sessions-revoked': { userId: string; keepSessionId?: string };
	'display:revoked': { tokenId: string };
	/** A lead of the agents' call queue was taken or let go («Mis llamadas» refreshes). */
	'call-queue:changed': { orgId: string };
}

class TypedEmitter {
	#inner = new EventEmitter();
	emit<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): void {
		this.#inner.emit(name, payload);
	}
	on<K extends keyof DomainEvents>(name: K, fn: (payload: DomainEvents[K]) => void): () => void {
		this.#inner.on(name, fn);
		return () => this.#inner.off(name, fn);
	}
}

const KEY = Symbol.for('tablero.domainEvents');
type Holder = { [KEY]?: TypedEmitter };
export const domainEvents: TypedEmitter = ((globalThis as Holder)[KEY] ??= new TypedEmitter());
