import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	cidrContains,
	cidrOverlaps,
	findOverlap,
	freeIps,
	intToIp,
	ipToInt,
	isValidIp,
	nextFreeIp,
	parseCidr,
	poolUsage,
	usableAddresses,
	type IpPool
} from './ip-pools';

const ipInt = fc.integer({ min: 0, max: 0xffffffff });
const cidrArb = fc.tuple(ipInt, fc.integer({ min: 8, max: 32 })).map(([n, prefix]) => `${intToIp(n)}/${prefix}`);
/** Small pools near each other so that overlaps and exhaustion actually happen. */
const smallPool = fc
	.record({
		base: fc.integer({ min: 0, max: 63 }),
		prefix: fc.integer({ min: 26, max: 32 }),
		reserved: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 6 })
	})
	.map(({ base, prefix, reserved }) => ({
		cidr: `10.0.${base % 4}.${(base * 4) % 256}/${prefix}`,
		reserved: reserved.map((r) => `10.0.${base % 4}.${r}`)
	}));

/** A zone's pools never overlap (findOverlap refuses it), so neither do the generated ones. */
const disjointPools = fc
	.array(smallPool, { minLength: 1, maxLength: 3 })
	.map((pools) => pools.reduce<IpPool[]>((kept, pool) => (kept.some((k) => cidrOverlaps(k.cidr, pool.cidr)) ? kept : [...kept, pool]), []));

describe('ipToInt / intToIp / isValidIp', () => {
	it.each([
		['0.0.0.0', 0],
		['10.20.0.1', 0x0a140001],
		['255.255.255.255', 0xffffffff],
		['192.168.1.254', 0xc0a801fe]
	])('%s ⇄ %i', (ip, n) => {
		expect(ipToInt(ip)).toBe(n);
		expect(intToIp(n)).toBe(ip);
	});

	it.each(['', '10.0.0', '10.0.0.256', '10.0.0.01', '10.0.0.1 ', 'a.b.c.d', '1.2.3.4.5', '-1.0.0.0'])('rejects %j', (ip) => {
		expect(isValidIp(ip)).toBe(false);
		expect(() => ipToInt(ip)).toThrow(/no es una dirección IPv4 válida/);
	});

	it('round-trips every address', () => {
		fc.assert(
			fc.property(ipInt, (n) => {
				expect(ipToInt(intToIp(n))).toBe(n);
			})
		);
	});
});

describe('parseCidr', () => {
	it('parses and reports the block', () => {
		expect(parseCidr('10.20.0.0/24')).toEqual({
			ok: true,
			cidr: '10.20.0.0/24',
			network: '10.20.0.0',
			prefix: 24,
			first: ipToInt('10.20.0.0'),
			last: ipToInt('10.20.0.255'),
			size: 256,
			normalised: false
		});
	});

	it('clears host bits and says so', () => {
		expect(parseCidr(' 10.20.0.7/24 ')).toMatchObject({ ok: true, cidr: '10.20.0.0/24', normalised: true });
		expect(parseCidr('172.16.5.9/12')).toMatchObject({ ok: true, cidr: '172.16.0.0/12' });
		expect(parseCidr('10.0.0.9/32')).toMatchObject({ ok: true, cidr: '10.0.0.9/32', size: 1 });
	});

	it.each([
		['', /Escribe el rango/],
		['10.20.0.0', /Falta el prefijo: escribe el rango como 10\.20\.0\.0\/24/],
		['rango', /no es un rango válido/],
		['10.20.0.300/24', /no es una dirección IPv4 válida/],
		['10.20.0.0/33', /del \/8 al \/32/],
		['10.20.0.0/', /no es válido/],
		['10.20.0.0/2x', /no es válido/],
		['10.0.0.0/4', /demasiado grande/]
	])('refuses %j in Spanish', (text, message) => {
		const result = parseCidr(text);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(message);
	});

	it('the block always contains the typed address and is aligned', () => {
		fc.assert(
			fc.property(ipInt, fc.integer({ min: 8, max: 32 }), (n, prefix) => {
				const block = parseCidr(`${intToIp(n)}/${prefix}`);
				expect(block.ok).toBe(true);
				if (!block.ok) return;
				expect(n >= block.first && n <= block.last).toBe(true);
				expect(block.first % block.size).toBe(0);
				expect(parseCidr(block.cidr)).toMatchObject({ cidr: block.cidr, normalised: false });
			})
		);
	});
});

describe('overlaps', () => {
	it.each([
		['10.0.0.0/24', '10.0.0.128/25', true],
		['10.0.0.0/24', '10.0.1.0/24', false],
		['10.0.0.0/16', '10.0.200.7/32', true],
		['10.0.0.255/32', '10.0.1.0/24', false]
	])('%s × %s → %s', (a, b, expected) => {
		expect(cidrOverlaps(a, b)).toBe(expected);
	});

	it('is symmetric and matches shared addresses', () => {
		fc.assert(
			fc.property(cidrArb, cidrArb, (a, b) => {
				expect(cidrOverlaps(a, b)).toBe(cidrOverlaps(b, a));
				const pa = parseCidr(a);
				const pb = parseCidr(b);
				if (!pa.ok || !pb.ok) return;
				expect(cidrOverlaps(a, b)).toBe(cidrContains(a, pb.network) || cidrContains(b, pa.network));
			})
		);
	});

	it('names the conflicting zone', () => {
		const existing = [
			{ zoneName: 'RB1 ZONA NORTE DÍA 5', cidr: '10.1.0.0/24' },
			{ zoneName: 'RB3 ZONA SUR DÍA 28', cidr: '10.0.0.128/25' }
		];
		expect(findOverlap(['10.2.0.0/24', '10.0.0.0/24'], existing)).toEqual({
			ok: false,
			error: 'El rango 10.0.0.0/24 se cruza con 10.0.0.128/25 de la zona RB3 ZONA SUR DÍA 28. Usa un rango que no se repita en otra zona.',
			cidr: '10.0.0.0/24',
			conflictsWith: { zoneName: 'RB3 ZONA SUR DÍA 28', cidr: '10.0.0.128/25' }
		});
		expect(findOverlap(['10.2.0.0/24'], existing)).toEqual({ ok: true });
	});

	it('finds overlaps inside the new list and unparsable ranges', () => {
		const inside = findOverlap(['10.0.0.0/24', '10.0.0.64/26'], []);
		expect(inside).toMatchObject({ ok: false, conflictsWith: { zoneName: null, cidr: '10.0.0.0/24' } });
		if (!inside.ok) expect(inside.error).toMatch(/también está en esta lista/);
		expect(findOverlap(['10.0.0/24'], [])).toMatchObject({ ok: false, conflictsWith: null });
	});

	it('finds a conflict exactly when some pair overlaps, whichever side it is on', () => {
		fc.assert(
			fc.property(cidrArb, cidrArb, (a, b) => {
				const ab = findOverlap([a], [{ zoneName: 'B', cidr: b }]);
				const ba = findOverlap([b], [{ zoneName: 'A', cidr: a }]);
				expect(ab.ok).toBe(ba.ok);
				expect(ab.ok).toBe(!cidrOverlaps(a, b));
			})
		);
	});
});

describe('usableAddresses', () => {
	it('skips network, broadcast and reserved addresses', () => {
		expect([...usableAddresses('10.0.0.0/29', ['10.0.0.1'])]).toEqual(['10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6']);
		expect([...usableAddresses('10.0.0.0/30')]).toEqual(['10.0.0.1', '10.0.0.2']);
		expect([...usableAddresses('10.0.0.0/31')]).toEqual(['10.0.0.0', '10.0.0.1']);
		expect([...usableAddresses('10.0.0.9/32')]).toEqual(['10.0.0.9']);
	});

	it('is lazy on big pools', () => {
		const it8 = usableAddresses('10.0.0.0/8');
		expect(it8.next().value).toBe('10.0.0.1');
	});

	it('refuses a bad reserved address before producing anything', () => {
		expect(() => usableAddresses('10.0.0.0/24', ['10.0.0.300'])).toThrow(/10\.0\.0\.300/);
		expect(() => usableAddresses('10.0.0.0/40')).toThrow(/prefijo/);
	});
});

describe('nextFreeIp / freeIps / poolUsage', () => {
	const pools: IpPool[] = [{ cidr: '10.20.0.0/29', reserved: ['10.20.0.1', '10.20.0.6'] }, { cidr: '10.20.1.0/30' }];

	it('offers the first free address, then moves to the next pool', () => {
		expect(nextFreeIp(pools, new Set())).toBe('10.20.0.2');
		expect(nextFreeIp(pools, new Set(['10.20.0.2', '10.20.0.3']))).toBe('10.20.0.4');
		expect(nextFreeIp(pools, new Set(['10.20.0.2', '10.20.0.3', '10.20.0.4', '10.20.0.5']))).toBe('10.20.1.1');
		expect(nextFreeIp(pools, new Set(['10.20.0.2', '10.20.0.3', '10.20.0.4', '10.20.0.5', '10.20.1.1', '10.20.1.2']))).toBeNull();
		expect(nextFreeIp([], new Set())).toBeNull();
	});

	it('lists free addresses up to the limit', () => {
		expect(freeIps(pools, new Set(['10.20.0.3']), 4)).toEqual(['10.20.0.2', '10.20.0.4', '10.20.0.5', '10.20.1.1']);
		expect(freeIps(pools, new Set(), 0)).toEqual([]);
	});

	it('counts only assignable addresses', () => {
		// 6 hosts − 2 reserved + 2 hosts; a used address outside the pools does not count.
		expect(poolUsage(pools, new Set(['10.20.0.2', '10.20.1.2', '192.168.0.1', '10.20.0.1', 'basura']))).toEqual({
			total: 6,
			used: 2,
			free: 4
		});
	});

	it('the next free IP is never used, reserved, network or broadcast, and always inside a pool', () => {
		fc.assert(
			fc.property(disjointPools, fc.array(fc.integer({ min: 0, max: 1023 }), { maxLength: 200 }), (pools, usedOffsets) => {
				const used = new Set(usedOffsets.map((o) => intToIp(ipToInt('10.0.0.0') + o)));
				const ip = nextFreeIp(pools, used);
				const usage = poolUsage(pools, used);
				expect(usage.used + usage.free).toBe(usage.total);
				if (ip === null) {
					for (const pool of pools) {
						for (const candidate of usableAddresses(pool.cidr, pool.reserved)) {
							expect(used.has(candidate)).toBe(true);
						}
					}
					return;
				}
				expect(used.has(ip)).toBe(false);
				const home = pools.filter((p) => cidrContains(p.cidr, ip));
				expect(home.length).toBeGreaterThan(0);
				expect(home.some((p) => [...usableAddresses(p.cidr, p.reserved)].includes(ip))).toBe(true);
				for (const p of home) {
					const block = parseCidr(p.cidr);
					if (block.ok && block.prefix <= 30) {
						expect(ip).not.toBe(intToIp(block.first));
						expect(ip).not.toBe(intToIp(block.last));
					}
				}
			})
		);
	});
});

describe('isAssignable', () => {
	const pool = { cidr: '10.30.1.0/24', reserved: ['10.30.1.1'] };
	it('accepts host addresses and refuses network, broadcast, reserved and outsiders', async () => {
		const { isAssignable } = await import('./ip-pools');
		expect(isAssignable(pool, '10.30.1.2')).toBe(true);
		expect(isAssignable(pool, '10.30.1.254')).toBe(true);
		expect(isAssignable(pool, '10.30.1.0')).toBe(false);
		expect(isAssignable(pool, '10.30.1.255')).toBe(false);
		expect(isAssignable(pool, '10.30.1.1')).toBe(false);
		expect(isAssignable(pool, '10.30.2.5')).toBe(false);
		expect(isAssignable(pool, 'no-ip')).toBe(false);
	});
	it('agrees with usableAddresses on every address of a small pool', async () => {
		const { isAssignable, usableAddresses, intToIp, ipToInt } = await import('./ip-pools');
		const small = { cidr: '192.168.7.0/28', reserved: ['192.168.7.5'] };
		const usable = new Set(usableAddresses(small.cidr, small.reserved));
		const base = ipToInt('192.168.7.0');
		for (let n = base - 2; n < base + 20; n++) expect(isAssignable(small, intToIp(n))).toBe(usable.has(intToIp(n)));
	});
});
