import { createServer, type Server } from 'node:http';
import { crc32, deflateSync } from 'node:zlib';

/** A 256 × 256 PNG: pale ground with a darker border, so tile edges show in screenshots. */
function tilePng(): Buffer {
	const size = 256;
	const rows = Buffer.alloc(size * (1 + size * 3));
	for (let y = 0; y < size; y++) {
		const row = y * (1 + size * 3);
		for (let x = 0; x < size; x++) {
			const edge = x === 0 || y === 0;
			rows.set(edge ? [205, 210, 200] : [236, 238, 230], row + 1 + x * 3);
		}
	}
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const out = Buffer.alloc(12 + data.length);
		out.writeUInt32BE(data.length, 0);
		body.copy(out, 4);
		out.writeUInt32BE(crc32(body), 8 + data.length);
		return out;
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows)),
		chunk('IEND', Buffer.alloc(0))
	]);
}

/** A tile server for the map tests: any /{z}/{x}/{y}.png answers a PNG, and every request is counted. */
export async function startTileServer(port: number): Promise<{ requests: string[]; close: () => Promise<void> }> {
	const png = tilePng();
	const requests: string[] = [];
	const server: Server = createServer((req, res) => {
		const path = req.url ?? '';
		if (!/^\/\d+\/\d+\/\d+\.png$/.test(path)) {
			res.writeHead(404).end();
			return;
		}
		requests.push(path);
		res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length, 'cache-control': 'no-store' }).end(png);
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return { requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
