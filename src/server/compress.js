// Which responses the production server compresses (see index.js). A response is compressed only
// when it is text the browser renders or reads (HTML, JSON, CSS, JavaScript, SVG) and nobody asked
// for it as a file: downloads (CSV, XLSX, PDF, zip), uploaded files, images and event streams go
// out as they are, streamed with their own Content-Length. socket.io answers its own requests
// before the app's handler, so its polling and websockets never reach this.

const TEXT = /^(text\/(html|css|plain|javascript)|application\/(json|javascript|manifest\+json)|image\/svg\+xml)\b/i;

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function shouldCompress(req, res) {
	if (req.url?.startsWith('/socket.io/')) return false;
	if (res.getHeader('content-encoding')) return false;
	if (res.getHeader('content-disposition')) return false;
	const type = String(res.getHeader('content-type') ?? '');
	return TEXT.test(type);
}
