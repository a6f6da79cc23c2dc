import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { assertKey, type Storage } from './types';

/** Supabase Storage in a private bucket; files reach users only through the app's download route. */
export function supabaseStorage(url: string, serviceKey: string, bucket = 'documentos'): Storage {
	// Node 20 has no global WebSocket and createClient throws without a transport.
	const client: SupabaseClient = createClient(url, serviceKey, {
		auth: { persistSession: false, autoRefreshToken: false },
		realtime: { transport: WebSocket as never }
	});
	let ready: Promise<void> | null = null;
	const ensureBucket = () =>
		(ready ??= (async () => {
			const { data } = await client.storage.getBucket(bucket);
			if (data) return;
			const { error } = await client.storage.createBucket(bucket, { public: false });
			if (error && !/already exists/i.test(error.message)) throw new Error(`Supabase Storage: ${error.message}`);
		})().catch((err) => {
			ready = null;
			throw err;
		}));
	const store = () => client.storage.from(bucket);
	const fail = (what: string, message: string) => new Error(`Supabase Storage (${what}): ${message}`);
	return {
		driver: 'supabase',
		async put(key, bytes, contentType) {
			await ensureBucket();
			const { error } = await store().upload(assertKey(key), bytes, { contentType, upsert: true });
			if (error) throw fail('subir', error.message);
		},
		async get(key) {
			await ensureBucket();
			const { data, error } = await store().download(assertKey(key));
			if (error) {
				if (/not found|404/i.test(error.message) || (error as { status?: number }).status === 404) return null;
				throw fail('descargar', error.message);
			}
			return new Uint8Array(await data.arrayBuffer());
		},
		async move(from, to) {
			await ensureBucket();
			const { error } = await store().move(assertKey(from), assertKey(to));
			if (error) throw fail('mover', error.message);
		},
		async remove(keys) {
			if (!keys.length) return;
			await ensureBucket();
			const { error } = await store().remove(keys.map(assertKey));
			if (error) throw fail('borrar', error.message);
		},
		async exists(key) {
			return (await this.get(key)) !== null;
		}
	};
}
