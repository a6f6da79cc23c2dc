/** The queue on the phone: IndexedDB, so closing the browser or losing the battery keeps it. */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { QueuedAction, QueueStore } from './queue';

interface QueueDb extends DBSchema {
	actions: { key: string; value: QueuedAction };
}

let opened: Promise<IDBPDatabase<QueueDb>> | null = null;
const db = () =>
	(opened ??= openDB<QueueDb>('tecnico-cola', 1, { upgrade: (d) => void d.createObjectStore('actions', { keyPath: 'key' }) }));

export const idbStore: QueueStore = {
	all: async () => (await db()).getAll('actions'),
	put: async (action) => void (await (await db()).put('actions', action)),
	remove: async (key) => (await db()).delete('actions', key)
};
