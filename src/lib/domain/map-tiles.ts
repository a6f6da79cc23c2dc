/**
 * The map's tile server: OpenStreetMap's public tiles unless the provider sets its own
 * (MAP_TILE_URL, MAP_ATTRIBUTION). The page's Content-Security-Policy allows images from exactly
 * that server's origin, so the template must be a plain http(s) address.
 */
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_ATTRIBUTION = '© OpenStreetMap contributors';

export interface TileSource {
	url: string;
	attribution: string;
	/** What img-src must allow: "https://tile.openstreetmap.org", or "https://*.example.com" for {s}. */
	origin: string;
}

export type TileSourceResult = { ok: true; source: TileSource } | { ok: false; error: string };

/** Reads a Leaflet tile template ("https://{s}.tiles.example/{z}/{x}/{y}.png"). */
export function parseTileSource(rawUrl: string | null | undefined, rawAttribution: string | null | undefined): TileSourceResult {
	const url = (rawUrl ?? '').trim() || DEFAULT_TILE_URL;
	const attribution = (rawAttribution ?? '').trim() || (url === DEFAULT_TILE_URL ? DEFAULT_ATTRIBUTION : '');
	for (const part of ['{z}', '{x}', '{y}']) {
		if (!url.includes(part)) return { ok: false, error: `MAP_TILE_URL debe incluir ${part}, por ejemplo ${DEFAULT_TILE_URL}` };
	}
	if (!attribution) return { ok: false, error: 'Escribe en MAP_ATTRIBUTION de quién son los mapas (la licencia de los mosaicos lo pide).' };
	// {s} (subdomains a, b, c) becomes a wildcard host in the policy; a URL parser can't read braces.
	const wildcard = /^(https?:\/\/)\{s\}\./.exec(url);
	let parsed: URL;
	try {
		parsed = new URL(wildcard ? url.replace('{s}', 'a') : url);
	} catch {
		return { ok: false, error: `MAP_TILE_URL no es una dirección válida, por ejemplo ${DEFAULT_TILE_URL}` };
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		return { ok: false, error: 'MAP_TILE_URL debe empezar con https:// (o http:// en una red local).' };
	}
	if (parsed.username || parsed.password) return { ok: false, error: 'MAP_TILE_URL no puede llevar usuario ni contraseña.' };
	if (!wildcard && parsed.host.includes('{')) return { ok: false, error: 'En MAP_TILE_URL, {s} solo puede ir al principio del servidor.' };
	const origin = wildcard ? `${parsed.protocol}//*.${parsed.host.slice(2)}` : parsed.origin;
	return { ok: true, source: { url, attribution, origin } };
}

/** Adds the tile origin to a Content-Security-Policy's img-src; any other directive is kept as it is. */
export function allowTileImages(policy: string, origin: string): string {
	return policy
		.split(';')
		.map((d) => d.trim())
		.filter(Boolean)
		.map((d) => {
			const [name, ...values] = d.split(/\s+/);
			return name === 'img-src' && !values.includes(origin) ? [name, ...values, origin].join(' ') : d;
		})
		.join('; ');
}
