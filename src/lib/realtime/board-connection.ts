import type { BoardTransport } from './board-transport';
import type { CardEvent, PresenceUser } from '$lib/types/board';

/** What the connection drives on a board; BoardState implements it (declared here so this module needs nothing from it). */
export interface ConnectedBoard {
	online(): void;
	offline(serverClosed: boolean): void;
	receive(e: CardEvent): void;
	setPresence(users: PresenceUser[]): void;
	resync(): Promise<void>;
	endSession(message: string): void;
	heartbeat(): Promise<void>;
	tick(): void;
	openCard(cardId: string | null): void;
}

/**
 * Wires one board to the network and the page: socket events, the 15 s heartbeat, the clock
 * that ages cards, and a catch-up whenever the tab becomes visible or the device comes online.
 * Returns the cleanup.
 */
export function connectBoard(board: ConnectedBoard, t: BoardTransport, heartbeatMs: number): () => void {
	const off = t.listen({
		connect: () => board.online(),
		disconnect: (serverClosed) => board.offline(serverClosed),
		cardChanged: (e) => board.receive(e),
		presence: (users) => board.setPresence(users),
		resync: () => void board.resync(),
		sessionEnded: (message) => board.endSession(message)
	});
	const beat = setInterval(() => void board.heartbeat(), heartbeatMs);
	const tick = setInterval(() => board.tick(), 30_000);
	const onVisible = () => document.visibilityState === 'visible' && void board.resync();
	const onOnline = () => void board.resync();
	const browser = typeof document !== 'undefined';
	if (browser) {
		document.addEventListener('visibilitychange', onVisible);
		window.addEventListener('online', onOnline);
	}
	if (t.isConnected()) board.online();
	return () => {
		off();
		clearInterval(beat);
		clearInterval(tick);
		if (browser) {
			document.removeEventListener('visibilitychange', onVisible);
			window.removeEventListener('online', onOnline);
		}
		board.openCard(null);
	};
}
