/**
 * IPv4 pools of a zone: CIDR ranges minus reserved addresses. Addresses are handled as unsigned
 * 32-bit integers; strings are always the canonical dotted form, so a Set<string> of used IPs
 * compares correctly.
 */

export interface Cidr {
	/** Normalised text, e.g. "10.20.0.0/24". */
	cidr: string;
	network: string;
	prefix: number;
	/** First and last address of the block (network and broadcast), as integers. */
	first: number;
	last: number;
	size: number;
	/** The text had host bits set ("10.20.0.7/24") and was normalised to its network. */
	normalised: boolean;
}

export type CidrResult = ({ ok: true } & Cidr) | { ok: false; error: string };

export interface IpPool {
	cidr: string;
	reserved?: readonly string[];
}

// No leading zeros: "010" would be octal to some tools and decimal to others.
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IP_RE = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

export const MIN_PREFIX = 8;

export function isValidIp(text: string): boolean {
	return IP_RE.test(text);
}

export function ipToInt(ip: string): number {
	const m = IP_RE.exec(ip);
	if (!m) throw new RangeError(`«${ip}» no es una dirección IPv4 válida; escríbela como 10.20.0.15.`);
	return ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
}

export function intToIp(n: number): string {
	if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
		throw new RangeError(`${n} no corresponde a una dirección IPv4.`);
	}
	return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/**
 * "10.20.0.0/24". Host bits are accepted and cleared ("10.20.0.7/24" → 10.20.0.0/24) because
 * people often paste the router's own address; the caller can show `normalised` to say so.
 * Prefixes shorter than /8 are refused: no zone needs millions of addresses, it is a typo.
 */
export function parseCidr(text: string): CidrResult {
	const value = text.trim();
	if (value === '') return { ok: false, error: 'Escribe el rango de IP, por ejemplo 10.20.0.0/24.' };
	const slash = value.indexOf('/');
	if (slash < 0) {
		return isValidIp(value)
			? { ok: false, error: `Falta el prefijo: escribe el rango como ${value}/24 (o /32 para una sola IP).` }
			: { ok: false, error: `«${value}» no es un rango válido; escríbelo como 10.20.0.0/24.` };
	}
	const ip = value.slice(0, slash);
	const prefixText = value.slice(slash + 1);
	if (!isValidIp(ip)) {
		return { ok: false, error: `«${ip}» no es una dirección IPv4 válida; escribe cuatro números del 0 al 255, como 10.20.0.0/24.` };
	}
	if (!/^\d{1,2}$/.test(prefixText) || Number(prefixText) > 32) {
		return { ok: false, error: `El prefijo «/${prefixText}» no es válido; usa un número del /${MIN_PREFIX} al /32.` };
	}
	const prefix = Number(prefixText);
	if (prefix < MIN_PREFIX) {
		return { ok: false, error: `El prefijo /${prefix} es demasiado grande; usa uno del /${MIN_PREFIX} al /32.` };
	}
	const size = 2 ** (32 - prefix);
	const address = ipToInt(ip);
	const first = address - (address % size);
	const network = intToIp(first);
	return {
		ok: true,
		cidr: `${network}/${prefix}`,
		network,
		prefix,
		first,
		last: first + size - 1,
		size,
		normalised: first !== address
	};
}

function mustParse(cidr: string | Cidr): Cidr {
	if (typeof cidr !== 'string') return cidr;
	const parsed = parseCidr(cidr);
	if (!parsed.ok) throw new RangeError(parsed.error);
	return parsed;
}

export function cidrContains(cidr: string | Cidr, ip: string): boolean {
	const block = mustParse(cidr);
	const n = ipToInt(ip);
	return n >= block.first && n <= block.last;
}

export function cidrOverlaps(a: string | Cidr, b: string | Cidr): boolean {
	const x = mustParse(a);
	const y = mustParse(b);
	return x.first <= y.last && y.first <= x.last;
}

export type OverlapResult =
	{ ok: true } | { ok: false; error: string; cidr: string; conflictsWith: { zoneName: string | null; cidr: string } | null };

/**
 * Checks a zone's new ranges against each other and against the other zones' ranges. When editing
 * a zone, leave its own current ranges out of `existing`.
 */
export function findOverlap(newCidrs: readonly string[], existing: readonly { zoneName: string; cidr: string }[]): OverlapResult {
	const fresh: Cidr[] = [];
	for (const text of newCidrs) {
		const parsed = parseCidr(text);
		if (!parsed.ok) return { ok: false, error: parsed.error, cidr: text, conflictsWith: null };
		const twin = fresh.find((other) => cidrOverlaps(parsed, other));
		if (twin) {
			return {
				ok: false,
				error: `El rango ${parsed.cidr} se cruza con ${twin.cidr}, que también está en esta lista. Quita uno de los dos.`,
				cidr: parsed.cidr,
				conflictsWith: { zoneName: null, cidr: twin.cidr }
			};
		}
		fresh.push(parsed);
	}
	for (const block of fresh) {
		for (const other of existing) {
			const parsed = parseCidr(other.cidr);
			// A stored range that no longer parses cannot hold addresses; it is not this form's problem.
			if (parsed.ok && cidrOverlaps(block, parsed)) {
				return {
					ok: false,
					error: `El rango ${block.cidr} se cruza con ${parsed.cidr} de la zona ${other.zoneName}. Usa un rango que no se repita en otra zona.`,
					cidr: block.cidr,
					conflictsWith: { zoneName: other.zoneName, cidr: parsed.cidr }
				};
			}
		}
	}
	return { ok: true };
}

function usableBounds(block: Cidr): [number, number] {
	// /31 (RFC 3021) and /32 have no network or broadcast address to skip.
	return block.prefix <= 30 ? [block.first + 1, block.last - 1] : [block.first, block.last];
}

function reservedSet(reserved: readonly string[]): Set<number> {
	return new Set(reserved.map((ip) => ipToInt(ip.trim())));
}

/**
 * Assignable addresses in order, lazily: a /16 is 65 534 addresses and the caller usually needs one.
 * Reserved addresses are validated before the first one is produced.
 */
export function usableAddresses(cidr: string | Cidr, reserved: readonly string[] = []): Generator<string> {
	const block = mustParse(cidr);
	const skip = reservedSet(reserved);
	const [from, to] = usableBounds(block);
	return (function* () {
		for (let n = from; n <= to; n++) if (!skip.has(n)) yield intToIp(n);
	})();
}

/** Up to `limit` free addresses across the pools, in pool order: the list the agent picks from. */
export function freeIps(pools: readonly IpPool[], used: ReadonlySet<string>, limit: number): string[] {
	const result: string[] = [];
	if (limit <= 0) return result;
	for (const pool of pools) {
		for (const ip of usableAddresses(pool.cidr, pool.reserved ?? [])) {
			if (used.has(ip)) continue;
			result.push(ip);
			if (result.length >= limit) return result;
		}
	}
	return result;
}

/**
 * The suggested IP. Only a suggestion: two agents can see the same one, so the database must
 * still refuse a second card with it.
 */
export function nextFreeIp(pools: readonly IpPool[], used: ReadonlySet<string>): string | null {
	return freeIps(pools, used, 1)[0] ?? null;
}

/** Counts for the zone's badge. Pools are assumed not to overlap (findOverlap keeps it so). */
export function poolUsage(pools: readonly IpPool[], used: ReadonlySet<string>): { total: number; used: number; free: number } {
	let total = 0;
	const blocks = pools.map((pool) => {
		const block = mustParse(pool.cidr);
		const [from, to] = usableBounds(block);
		const skip = reservedSet(pool.reserved ?? []);
		let reservedInside = 0;
		for (const n of skip) if (n >= from && n <= to) reservedInside++;
		total += to - from + 1 - reservedInside;
		return { from, to, skip };
	});
	let usedCount = 0;
	for (const ip of used) {
		if (!isValidIp(ip)) continue;
		const n = ipToInt(ip);
		if (blocks.some((b) => n >= b.from && n <= b.to && !b.skip.has(n))) usedCount++;
	}
	return { total, used: usedCount, free: total - usedCount };
}

/** Whether `ip` is an address the pool can hand out: inside it, not network/broadcast, not reserved. */
export function isAssignable(pool: IpPool, ip: string): boolean {
	if (!isValidIp(ip)) return false;
	const block = mustParse(pool.cidr);
	const [from, to] = usableBounds(block);
	const n = ipToInt(ip);
	return n >= from && n <= to && !reservedSet(pool.reserved ?? []).has(n);
}
