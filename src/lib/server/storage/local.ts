import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { assertKey, type Storage } from './types';
import { ServiceError } from '../errors';

/** Files on local disk under <root> (DATA_DIR/files by default). */
export function localStorage(root: string): Storage {
	const base = resolve(root);
	const path = (key: string) => join(base, assertKey(key));
	return {
		driver: 'local',
		async put(key, bytes) {
			const p = path(key);
			await mkdir(dirname(p), { recursive: true });
			// Write beside and rename so a reader never sees half a file.
			const partial = `${p}.partial-${process.pid}-${Date.now()}`;
			try {
				await writeFile(partial, bytes);
				await rename(partial, p);
			} catch (err) {
				await rm(partial, { force: true });
				if ((err as NodeJS.ErrnoException).code === 'ENOSPC') {
					throw new ServiceError(503, 'No queda espacio en el disco del servidor para guardar el archivo. Avisa al administrador.');
				}
				throw err;
			}
		},
		async get(key) {
			try {
				return new Uint8Array(await readFile(path(key)));
			} catch (err) {
				if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
				throw err;
			}
		},
		async move(from, to) {
			const target = path(to);
			await mkdir(dirname(target), { recursive: true });
			await rename(path(from), target);
		},
		async remove(keys) {
			await Promise.all(keys.map((k) => rm(path(k), { force: true })));
		},
		async exists(key) {
			try {
				return (await stat(path(key))).isFile();
			} catch {
				return false;
			}
		}
	};
}
