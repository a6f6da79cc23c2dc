import type { Server } from 'socket.io';
import type { Database } from '../db';
import { domainEvents } from '../events';
import { boardRoom } from './fanout';
import type { SocketData } from './socket-auth';

export function registerHandlers(io: Server, _db: Database): void {
	io.on('connection', (socket) => {
		const { user } = socket.data as SocketData;
		// Join only after the session check in the middleware passed.
		void socket.join([boardRoom(user.orgId), `user:${user.id}`]);
	});
	domainEvents.on('user:sessions-revoked', ({ userId }) => {
		io.in(`user:${userId}`).disconnectSockets(true);
	});
}
