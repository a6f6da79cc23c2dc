import { unpackSnapshot } from '$lib/realtime/pack';

// The server sends cards as rows of values (see pack.ts); the page works with cards.
export function load({ data }) {
	return { ...data, snapshot: unpackSnapshot(data.snapshot) };
}
