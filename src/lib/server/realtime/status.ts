export const realtimeStatus = ((globalThis as Record<symbol, unknown>)[Symbol.for('tablero.realtimeStatus')] ??= {
	attached: false,
	listening: false,
	lastEventSeq: 0,
	lastEventAt: null as string | null
}) as { attached: boolean; listening: boolean; lastEventSeq: number; lastEventAt: string | null };
