import { io, type Socket } from 'socket.io-client';
import type { AckOf, ClientToServer, PayloadOf, ServerToClient } from './types';

export type BoardSocket = Socket<ServerToClient, ClientToServer>;

let socket: BoardSocket | null = null;

/**
 * The tab's one socket (browser only). Authenticated by the session cookie; the server joins it
 * to the provider's room after checking the session.
 */
export function getSocket(): BoardSocket {
	if (typeof window === 'undefined') throw new Error('getSocket() solo funciona en el navegador');
	socket ??= io({ path: '/socket.io', transports: ['websocket', 'polling'], reconnectionDelayMax: 5000 });
	return socket;
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
