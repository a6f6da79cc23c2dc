/** The tile server the maps load from (MAP_TILE_URL, MAP_ATTRIBUTION), read once per process. */
import { DEFAULT_TILE_URL, parseTileSource, type TileSource } from '$lib/domain/map-tiles';

let cached: TileSource | null = null;

export function tileSource(): TileSource {
	if (cached) return cached;
	const parsed = parseTileSource(process.env.MAP_TILE_URL, process.env.MAP_ATTRIBUTION);
	if (parsed.ok) cached = parsed.source;
	else {
		// A typo must not take the maps down: say why in the log and use OpenStreetMap's tiles.
		console.error(`${parsed.error} Se usan los mapas de OpenStreetMap mientras tanto.`);
		cached = (parseTileSource(DEFAULT_TILE_URL, '') as { ok: true; source: TileSource }).source;
	}
	return cached;
}
