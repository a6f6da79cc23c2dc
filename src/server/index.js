// Production server: adapter-node's handler plus socket.io on the same HTTP server.
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const buildDir = fileURLToPath(new URL('../../build/', import.meta.url));
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

// adapter-node assumes https unless told otherwise, which breaks the same-origin check of
// form posts on plain http. Without ORIGIN we read the scheme from X-Forwarded-Proto and fill
// it in for direct connections; a TLS proxy in front sets it to https.
const deriveProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (deriveProtocol) process.env.PROTOCOL_HEADER = 'x-forwarded-proto';

// Importing the handler runs the app's `init` hook: database open + migrations.
const { handler } = await import(`${buildDir}handler.js`);
const realtime = globalThis[Symbol.for('tablero.realtime')];
const db = () => globalThis[Symbol.for('tablero.db')];

const server = http.createServer((req, res) => {
	if (deriveProtocol && !req.headers['x-forwarded-proto']) req.headers['x-forwarded-proto'] = 'http';
	handler(req, res);
});
await realtime.attach(server);
server.listen(port, host, () => {
	console.log(`Tablero de instalaciones escuchando en http://localhost:${port}`);
});

let stopping = false;
async function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: cerrando…`);
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
