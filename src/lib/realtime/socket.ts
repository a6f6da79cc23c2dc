import { io, type Socket } from 'socket.io-client';
import type { AckOf, ClientToServer, PayloadOf, ServerToClient } from '$lib/types/socket';

export type BoardSocket = Socket<ServerToClient, ClientToServer>;

let socket: BoardSocket | null = null;

/**
 * The tab's one socket (browser only). Authenticated by the session cookie; the server joins it
 * to the provider's room after checking the session.
 */
export function getSocket(): BoardSocket {
	if (typeof window === 'undefined') throw new Error('getSocket() solo funciona en el navegador');
	if (!socket) {
		const s: BoardSocket = io({ path: '/socket.io', transports: ['websocket', 'polling'], reconnectionDelayMax: 5000 });
		retryRefusedHandshakes(s);
		socket = s;
	}
	return socket;
}

/**
 * socket.io retries lost connections by itself, but not a handshake the server refused (too many
 * connections from this network, a session check that failed mid-outage): without this the tab
 * would stay «Reconectando…» until someone reloads it. Backs off up to a minute.
 */
export function retryRefusedHandshakes(s: Pick<BoardSocket, 'on' | 'connect' | 'active'>, baseMs = 5000, maxMs = 60_000): void {
	let failures = 0;
	s.on('connect', () => (failures = 0));
	s.on('connect_error', () => {
		if (s.active) return; // a network error: socket.io's own reconnection handles it
		const delay = Math.min(maxMs, baseMs * 2 ** failures++) * (0.8 + Math.random() * 0.4);
		setTimeout(() => s.connect(), delay);
	});
}

/** Emits with an ack and a timeout, so a dead connection never leaves a promise hanging. */
export function request<E extends keyof ClientToServer>(event: E, payload: PayloadOf<E>, timeoutMs = 8000): Promise<AckOf<E>> {
	const s = getSocket();
	return new Promise((resolve, reject) => {
		// socket.io's typed emit can't express this generic signature
		(s.timeout(timeoutMs) as unknown as { emit: (...a: unknown[]) => void }).emit(event, payload, (err: Error | null, res: never) =>
			err ? reject(new Error('Sin respuesta del servidor. Revisa tu conexión.')) : resolve(res)
		);
	});
}
