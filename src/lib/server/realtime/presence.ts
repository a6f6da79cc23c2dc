import type { Server } from 'socket.io';
import type { PresenceUser } from '$lib/types/board';
import { staffRoom } from './fanout';
import type { SocketData } from './socket-auth';
import { getLog } from '../log';

const pending = new Map<string, ReturnType<typeof setTimeout>>();

/**
 * Who is on the board and which card each person has open. Read from the sockets themselves
 * (across instances through the adapter), so a dropped connection disappears by itself.
 * Debounced per provider: a burst of joins sends one update.
 */
export function publishPresence(io: Server, orgId: string): Promise<void> {
	if (pending.has(orgId)) return Promise.resolve();
	return new Promise((resolve) => {
		pending.set(
			orgId,
			setTimeout(async () => {
				pending.delete(orgId);
				try {
					const sockets = await io.in(staffRoom(orgId)).fetchSockets();
					const byUser = new Map<string, PresenceUser>();
					for (const s of sockets) {
						const data = s.data as SocketData;
						const prev = byUser.get(data.user.id);
						byUser.set(data.user.id, {
							userId: data.user.id,
							name: data.user.name,
							color: data.user.color,
							cardId: prev?.cardId ?? data.cardId ?? null
						});
					}
					io.to(staffRoom(orgId)).emit('presence:update', [...byUser.values()]);
				} catch (err) {
					getLog().error({ err }, 'Error al actualizar la presencia');
				}
				resolve();
			}, 150)
		);
	});
}
