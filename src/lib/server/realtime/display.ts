import type { Server } from 'socket.io';
import type { Database } from '../db';
import type { projectEvent } from './fanout';

/** The office TV: a separate namespace authenticated by a display token (issue 7). */
export function registerDisplay(_io: Server, _db: Database): void {}

/** Redacted card events for open displays of this provider (first name + colonia only). */
export function emitToDisplays(_io: Server, _orgId: string, _p: Awaited<ReturnType<typeof projectEvent>>): void {}
