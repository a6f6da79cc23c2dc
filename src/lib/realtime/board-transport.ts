import { getSocket } from './socket';
import type { ColumnPage, PageRequest } from '$lib/domain/board-pages';
import type { BoardSnapshot, CardEvent, MoveRequest, MoveResult, PresenceUser } from '$lib/types/board';

/** Catch-up: the latest state of each changed card plus the new lastSeq, a snapshot, or an error. */
export type SinceResult = { events: CardEvent[]; lastSeq: number } | { snapshot: BoardSnapshot } | { error: string };

export interface TransportHandlers {
	connect(): void;
	disconnect(serverClosed: boolean): void;
	cardChanged(e: CardEvent): void;
	presence(users: PresenceUser[]): void;
	resync(): void;
	sessionEnded(message: string): void;
}

/** What the board state needs from the network; the specs pass an in-memory fake. */
export interface BoardTransport {
	isConnected(): boolean;
	/** Subscribes and returns the unsubscribe. */
	listen(h: TransportHandlers): () => void;
	since(lastSeq: number): Promise<SinceResult>;
	/** A column's next page, or the server's refusal. */
	page(req: PageRequest): Promise<ColumnPage | { error: string; message?: string }>;
	move(req: MoveRequest): Promise<MoveResult>;
	heartbeat(): Promise<{ serverTime: string; lastSeq: number }>;
	openCard(cardId: string | null): void;
}

/** The tab's socket.io connection; the socket is only created on first use, so SSR never opens it. */
export function socketTransport(timeoutMs = 8000): BoardTransport {
	return {
		isConnected: () => getSocket().connected,
		listen(h) {
			const s = getSocket();
			const onDisconnect = (reason: string) => h.disconnect(reason === 'io server disconnect');
			const onCards = (events: CardEvent[]) => events.forEach((e) => h.cardChanged(e));
			s.on('connect', h.connect);
			s.on('disconnect', onDisconnect);
			s.on('cards:changed', onCards);
			s.on('presence:update', h.presence);
			s.on('board:resync', h.resync);
			s.on('session:ended', h.sessionEnded);
			return () => {
				s.off('connect', h.connect);
				s.off('disconnect', onDisconnect);
				s.off('cards:changed', onCards);
				s.off('presence:update', h.presence);
				s.off('board:resync', h.resync);
				s.off('session:ended', h.sessionEnded);
			};
		},
		since: (lastSeq) =>
			new Promise((resolve, reject) =>
				getSocket()
					.timeout(timeoutMs)
					.emit('board:since', { lastSeq }, (err: Error | null, res: SinceResult) => (err ? reject(err) : resolve(res)))
			),
		page: (req) =>
			new Promise((resolve, reject) =>
				getSocket()
					.timeout(timeoutMs)
					.emit('board:page', req, (err: Error | null, res: ColumnPage | { error: string; message?: string }) =>
						err ? reject(err) : resolve(res)
					)
			),
		move: (req) =>
			new Promise((resolve, reject) =>
				getSocket()
					.timeout(timeoutMs)
					.emit('card:move', req, (err: Error | null, res: MoveResult) => (err ? reject(err) : resolve(res)))
			),
		heartbeat: () =>
			new Promise((resolve, reject) =>
				getSocket()
					.timeout(timeoutMs)
					.emit('heartbeat', (err: Error | null, res: { serverTime: string; lastSeq: number }) => (err ? reject(err) : resolve(res)))
			),
		openCard: (cardId) => {
			getSocket().emit('presence:open', { cardId });
		}
	};
}
