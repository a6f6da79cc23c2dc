// Production server: adapter-node's handler plus socket.io on the same HTTP server.
import http from 'node:http';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import { shouldCompress } from './compress.js';
import { dropValidatorsOfImmutable } from './immutable.js';

const buildDir = fileURLToPath(new URL('../../build/', import.meta.url));
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

// adapter-node assumes https unless told otherwise, which breaks the same-origin check of
// form posts on plain http. Without ORIGIN we read the scheme from X-Forwarded-Proto and fill
// it in for direct connections; a TLS proxy in front sets it to https.
const deriveProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (deriveProtocol) process.env.PROTOCOL_HEADER = 'x-forwarded-proto';

// Uploads enforce their own per-provider limit while streaming (see upload-body.ts); adapter-node's
// default 512 KB cap would refuse every phone photo first.
process.env.BODY_SIZE_LIMIT ??= '60M';

// Importing the handler runs the app's `init` hook: database open + migrations.
const { handler } = await import(`${buildDir}handler.js`);
/** @type {Record<symbol, any>} */
const shared = globalThis;
const realtime = shared[Symbol.for('tablero.realtime')];
const db = () => shared[Symbol.for('tablero.db')];

// Refuse oversized bodies before reading them: uploads get room (their route enforces the
// provider's own limit while streaming), everything else 1 MB.
const UPLOAD_PATH = /^\/api\/instalaciones\/[^/]+\/archivos(\/|$)/;
const MB = 1024 * 1024;

// Pages, JSON and the app's own code go out compressed (brotli or gzip, as the browser accepts);
// downloads, files and anything already compressed keep their bytes and Content-Length.
const compress = /** @type {(req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void} */ (
	/** @type {unknown} */ (
		compression({
			filter: /** @type {never} */ (shouldCompress),
			threshold: 1024,
			// Brotli 5 rather than the library's 4: the board's HTML with 2,000 open cards goes out in
			// 18.9 KB instead of 20.5 KB, for the same few milliseconds (11 would take 350 ms).
			brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }
		})
	)
);

const server = http.createServer((req, res) => {
	if (deriveProtocol && !req.headers['x-forwarded-proto']) req.headers['x-forwarded-proto'] = 'http';
	const length = Number(req.headers['content-length'] ?? 0);
	const limit = UPLOAD_PATH.test(req.url ?? '') ? 60 * MB : MB;
	if (length > limit) {
		// Answer at once, then discard what the client is still sending: closing the connection on
		// it would make most clients report a reset instead of this message. One still sending
		// after 10 s is cut off.
		const cutoff = setTimeout(() => req.socket.destroy(), 10_000);
		req.once('end', () => clearTimeout(cutoff));
		req.once('error', () => clearTimeout(cutoff));
		req.resume();
		res.writeHead(413, { 'content-type': 'application/json; charset=utf-8' });
		res.end(JSON.stringify({ message: 'La solicitud es demasiado grande.' }));
		return;
	}
	dropValidatorsOfImmutable(req, res);
	compress(req, res, () => handler(req, res));
});
await realtime.attach(server);
server.listen(port, host, () => {
	console.log(`Tablero de instalaciones escuchando en http://localhost:${port}`);
	// Under `npm start`'s supervisor (src/cli/supervise.js): from now on a crash is restarted.
	process.send?.('tablero:listo');
});

let stopping = false;
/** @param {string} reason */
async function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	console.log(`${reason}: cerrando…`);
	server.closeAllConnections?.();
	server.close();
	try {
		const handle = db();
		if (handle) await (await handle).close();
	} finally {
		process.exit(0);
	}
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
// The supervisor is gone (killed with SIGKILL): close cleanly rather than linger without it,
// holding the port and the embedded database's lock.
process.on('disconnect', () => void shutdown('Terminó el supervisor'));
