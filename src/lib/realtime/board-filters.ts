import { boardFilterSchema, type BoardFilters } from '$lib/schemas/board';
import { NO_FILTERS } from './board-logic';

// Apart from board-logic.ts so the board's browser code does not carry zod: the server parses the
// URL's filters and the page hands them to the board.

/** Filters as the URL carries them; an invalid URL shows the whole board rather than nothing. */
export function parseFilters(params: URLSearchParams): BoardFilters {
	const parsed = boardFilterSchema.safeParse(Object.fromEntries(params));
	return parsed.success ? parsed.data : NO_FILTERS;
}
