import { describe, expect, it } from 'vitest';
import { moveLinkHeaderIntoHead, parseLinkHeader, preloadTags } from './preload-links';

const HEADER =
	'<./_app/immutable/assets/0.css>; rel="preload"; as="style"; nopush, <./_app/immutable/entry/start.js>; rel="modulepreload"; nopush, ' +
	'<./_app/immutable/chunks/a&b.js>; rel="modulepreload"; nopush';
const HTML = '<html><head><meta charset="utf-8"><link href="./_app/immutable/assets/0.css" rel="stylesheet"></head><body>x</body></html>';

const page = (headers: Record<string, string>, body = HTML, status = 200) =>
	new Response(body, { status, headers: { 'content-type': 'text/html', etag: '"abc"', ...headers } });

describe('preload links', () => {
	it('reads every entry of a Link header with its parameters', () => {
		const entries = parseLinkHeader(HEADER);
		expect(entries.map((e) => e.href)).toEqual([
			'./_app/immutable/assets/0.css',
			'./_app/immutable/entry/start.js',
			'./_app/immutable/chunks/a&b.js'
		]);
		expect(Object.fromEntries(entries[0].params)).toEqual({ rel: 'preload', as: 'style', nopush: true });
	});

	it('writes the module preloads as tags and leaves out the stylesheets the page already links', () => {
		expect(preloadTags(HEADER, HTML)).toBe(
			'<link rel="modulepreload" href="./_app/immutable/entry/start.js"><link rel="modulepreload" href="./_app/immutable/chunks/a&amp;b.js">'
		);
		expect(preloadTags('<./f.woff2>; rel="preload"; as="font"; type="font/woff2"; crossorigin; nopush', HTML)).toBe(
			'<link rel="preload" as="font" type="font/woff2" crossorigin href="./f.woff2">'
		);
		// Something it does not know how to write keeps the header.
		expect(preloadTags('<https://example.com>; rel="preconnect"', HTML)).toBeNull();
	});

	it('moves the header into the head of a page answered in one piece, with a new ETag', async () => {
		const moved = await moveLinkHeaderIntoHead(page({ link: HEADER, 'set-cookie': 'a=1', 'content-length': String(HTML.length) }));
		expect(moved.headers.has('link')).toBe(false);
		expect(moved.headers.get('etag')).toMatch(/^"[\w-]{16}"$/);
		expect(moved.headers.get('etag')).not.toBe('"abc"');
		expect(moved.headers.getSetCookie()).toEqual(['a=1']);
		const html = await moved.text();
		expect(moved.headers.get('content-length')).toBe(String(Buffer.byteLength(html)));
		expect(html).toContain('<link rel="modulepreload" href="./_app/immutable/chunks/a&amp;b.js"></head>');
		expect(html.match(/modulepreload/g)).toHaveLength(2);
		// The same page gives the same ETag, so a browser's If-None-Match still matches.
		expect((await moveLinkHeaderIntoHead(page({ link: HEADER }))).headers.get('etag')).toBe(moved.headers.get('etag'));
	});

	it('leaves streamed pages (no ETag), other types, other statuses and unknown links as they are', async () => {
		const streamed = new Response(HTML, { headers: { 'content-type': 'text/html', link: HEADER } });
		expect(await moveLinkHeaderIntoHead(streamed)).toBe(streamed);
		const json = page({ link: HEADER, 'content-type': 'application/json' });
		expect(await moveLinkHeaderIntoHead(json)).toBe(json);
		const notFound = page({ link: HEADER }, HTML, 404);
		expect(await moveLinkHeaderIntoHead(notFound)).toBe(notFound);
		const unknown = await moveLinkHeaderIntoHead(page({ link: '<https://example.com>; rel="preconnect"' }));
		expect(unknown.headers.get('link')).toBe('<https://example.com>; rel="preconnect"');
		expect(await unknown.text()).toBe(HTML);
	});
});
