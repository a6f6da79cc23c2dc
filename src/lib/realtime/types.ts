// Kept only for realtime/pack.ts, which another change is rewriting; import from $lib/types/board and
// $lib/types/socket instead, and delete this file once pack.ts does.
export type * from '$lib/types/board';
export type * from '$lib/types/socket';
