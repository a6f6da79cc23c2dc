// Node module hooks so the bench can import the server-only Svelte PDF templates without Vite.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'svelte/compiler';

export async function load(url, context, nextLoad) {
	if (!url.endsWith('.svelte')) return nextLoad(url, context);
	const path = fileURLToPath(url);
	const { js } = compile(await readFile(path, 'utf8'), { filename: path, generate: 'server' });
	return { format: 'module', source: js.code, shortCircuit: true };
}
