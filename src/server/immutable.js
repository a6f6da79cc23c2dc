// Files under /_app/immutable/ have a content hash in their name and go out with
// `Cache-Control: immutable` for a year: a browser never asks for them again, so their ETag and
// Last-Modified only add bytes. A phone's first load fetches some 50 of them over HTTP/1.1, where
// headers travel uncompressed (about 70 bytes each, some 4 KB in all). Other files keep both.

const IMMUTABLE = '/_app/immutable/';
const VALIDATORS = new Set(['etag', 'last-modified']);

/**
 * Drops ETag and Last-Modified from a response to an immutable asset, however the static handler
 * sets them (setHeader, or the headers object given to writeHead).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function dropValidatorsOfImmutable(req, res) {
	if (!req.url?.startsWith(IMMUTABLE)) return;
	const writeHead = res.writeHead;
	/** @type {typeof res.writeHead} */
	const withoutValidators = function (status, ...rest) {
		for (const arg of rest) {
			if (!arg || typeof arg !== 'object' || Array.isArray(arg)) continue;
			for (const name of Object.keys(arg)) if (VALIDATORS.has(name.toLowerCase())) delete arg[/** @type {never} */ (name)];
		}
		for (const name of VALIDATORS) res.removeHeader(name);
		return writeHead.call(res, status, .../** @type {[]} */ (rest));
	};
	res.writeHead = withoutValidators;
}
