import { resolve } from 'node:path';
import { dataDir } from '../db';
import { localStorage } from './local';
import { supabaseStorage } from './supabase';
import type { Storage } from './types';

export type { Storage } from './types';

const KEY = Symbol.for('tablero.storage');
type Holder = { [KEY]?: Storage };

/** Supabase Storage when its URL and service key are set; otherwise DATA_DIR/files. */
export function getStorage(): Storage {
	const holder = globalThis as Holder;
	if (!holder[KEY]) {
		const url = process.env.SUPABASE_URL;
		const key = process.env.SUPABASE_SERVICE_ROLE_KEY;
		holder[KEY] =
			url && key ? supabaseStorage(url, key, process.env.SUPABASE_BUCKET || 'documentos') : localStorage(resolve(dataDir(), 'files'));
	}
	return holder[KEY];
}

/** Tests point the store at a temp directory. */
export function setStorage(storage: Storage | null): void {
	const holder = globalThis as Holder;
	if (storage) holder[KEY] = storage;
	else delete holder[KEY];
}
