import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { captureLog, createLogger, currentRequestId, getLog, requestIdFrom, withRequestId } from './log';
import { refusalOf } from './services/errors';

/** A stream that keeps every JSON line written to it. */
function lines() {
	const out: Record<string, unknown>[] = [];
	const stream = new Writable({
		write(chunk, _enc, done) {
			for (const line of String(chunk).split('\n').filter(Boolean)) out.push(JSON.parse(line));
			done();
		}
	});
	return { out, stream };
}

describe('request ids', () => {
	it('keeps a plain X-Request-Id and makes a new one for a missing or unsafe one', () => {
		expect(requestIdFrom('abc-123_x.y:z')).toBe('abc-123_x.y:z');
		for (const bad of [null, '', 'con espacio', 'a\nb', 'x'.repeat(65), '<script>']) {
			expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
		}
		expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
	});

	it('follows awaited work inside the request and nothing outside it', async () => {
		const seen = await withRequestId('req-1', async () => {
			await new Promise((r) => setTimeout(r, 5));
			return currentRequestId();
		});
		expect(seen).toBe('req-1');
		expect(currentRequestId()).toBeUndefined();
	});
});

describe('the log', () => {
	let restore = () => {};
	afterEach(() => restore());

	it('a service error logged while serving a request carries its id', async () => {
		const { out, stream } = lines();
		restore = captureLog(stream);
		const dbRefusal = Object.assign(new Error('valor demasiado largo para el tipo character varying(20)'), { code: '22001' });
		await withRequestId('req-42', async () => {
			await Promise.resolve();
			expect(refusalOf(dbRefusal)?.status).toBe(400);
		});
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({ level: 'warn', requestId: 'req-42', err: dbRefusal.message });
		expect(out[0].msg).toMatch(/rechazado por la base de datos/);
		expect(typeof out[0].time).toBe('string');
	});

	it('an explicit request id wins over the context, once', () => {
		const { out, stream } = lines();
		restore = captureLog(stream);
		withRequestId('ctx', () => getLog().error({ requestId: 'own' }, 'x'));
		expect(out[0].requestId).toBe('own');
		expect(JSON.stringify(out[0]).match(/requestId/g)).toHaveLength(1);
	});

	it('never writes cookies, authorization, passwords, tokens or emails', () => {
		const { out, stream } = lines();
		const log = createLogger(stream, 'info');
		log.info(
			{
				headers: { cookie: 'session=abc', authorization: 'Bearer s3creto', 'user-agent': 'Firefox' },
				password: 'hunter2',
				body: { newPassword: 'otra', token: 'tok', email: 'ana@red.mx', phone: '9981112233', note: 'visible' },
				secret: 'k'
			},
			'intento'
		);
		const text = JSON.stringify(out[0]);
		for (const leaked of ['session=abc', 's3creto', 'hunter2', 'otra', '"tok"', 'ana@red.mx', '9981112233', '"k"']) {
			expect(text).not.toContain(leaked);
		}
		expect(out[0]).toMatchObject({ headers: { 'user-agent': 'Firefox', cookie: '[oculto]' }, body: { note: 'visible' } });
	});
});
