import { createHash } from 'node:crypto';

/**
 * SvelteKit announces a rendered page's JavaScript in a `Link` header (one `modulepreload` per
 * chunk, plus its stylesheets), and HTTP/1.1 sends headers uncompressed: 3.7 KB on the board,
 * more than the same hints cost as `<link>` tags in the compressed HTML. A page rendered in one
 * piece gets them in its `<head>` instead; a streamed page keeps the header.
 */

interface LinkEntry {
	href: string;
	params: Map<string, string | true>;
}

/** The entries of a Link header: `<url>; rel="…"; as="…"; nopush, <url>; …`. */
export function parseLinkHeader(value: string): LinkEntry[] {
	const out: LinkEntry[] = [];
	for (const m of value.matchAll(/<([^>]*)>([^,<]*)/g)) {
		const params = new Map<string, string | true>();
		for (const part of m[2].split(';')) {
			const p = /^\s*([\w-]+)\s*(?:=\s*"?([^"]*)"?)?\s*$/.exec(part);
			if (p) params.set(p[1].toLowerCase(), p[2] ?? true);
		}
		out.push({ href: m[1], params });
	}
	return out;
}

const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The `<link>` tags that say what the header said, leaving out what the HTML already loads (its
 * stylesheets) and anything that is not a preload. Null when an entry cannot be written as a tag,
 * so the caller keeps the header.
 */
export function preloadTags(header: string, html: string): string | null {
	const tags: string[] = [];
	for (const { href, params } of parseLinkHeader(header)) {
		const rel = params.get('rel');
		if (rel === 'modulepreload') tags.push(`<link rel="modulepreload" href="${attr(href)}">`);
		else if (rel === 'preload' && params.get('as') === 'style') {
			if (!html.includes(`href="${attr(href)}"`)) tags.push(`<link rel="preload" as="style" href="${attr(href)}">`);
		} else if (rel === 'preload' && params.get('as') === 'font') {
			const type = params.get('type');
			tags.push(
				`<link rel="preload" as="font"${typeof type === 'string' ? ` type="${attr(type)}"` : ''} crossorigin href="${attr(href)}">`
			);
		} else return null;
	}
	return tags.join('');
}

/**
 * A page answered in one piece (SvelteKit gives those, and only those, an ETag) with its Link
 * header moved into its `<head>`, and a new ETag for the new bytes. Anything else as it was.
 */
export async function moveLinkHeaderIntoHead(response: Response): Promise<Response> {
	const header = response.headers.get('link');
	if (!header || response.status !== 200 || !response.headers.has('etag')) return response;
	if (!/^text\/html\b/i.test(response.headers.get('content-type') ?? '')) return response;
	const html = await response.text();
	const tags = preloadTags(header, html);
	const at = html.indexOf('</head>');
	const headers = new Headers(response.headers);
	if (tags === null || at < 0) return new Response(html, { status: response.status, statusText: response.statusText, headers });
	const body = html.slice(0, at) + tags + html.slice(at);
	headers.delete('link');
	// The length SvelteKit gave was of the page without the tags: left as it was, a client that reads
	// an uncompressed answer would stop short and take the rest for the next response.
	if (headers.has('content-length')) headers.set('content-length', String(Buffer.byteLength(body)));
	headers.set('etag', `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`);
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
