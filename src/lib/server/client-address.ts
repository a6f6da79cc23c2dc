import type { IncomingHttpHeaders } from 'node:http';
import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * Where the client's address comes from behind a reverse proxy. These are adapter-node's own
 * variables, so HTTP requests and socket handshakes read the same header the same way.
 */
export interface ProxyConfig {
	/** Lower-cased header with the client address (ADDRESS_HEADER); empty: the TCP peer. */
	header: string;
	/** With X-Forwarded-For, the position from the right that the trusted proxy wrote (XFF_DEPTH). */
	depth: number;
}

export function readProxyConfig(env: NodeJS.ProcessEnv = process.env): ProxyConfig {
	return { header: (env.ADDRESS_HEADER ?? '').trim().toLowerCase(), depth: Number(env.XFF_DEPTH ?? 1) };
}

let processConfig: ProxyConfig | null = null;
/** Read once, like adapter-node does at startup. */
export function proxyConfig(): ProxyConfig {
	return (processConfig ??= readProxyConfig());
}

/**
 * The client's address by adapter-node's rules (ADDRESS_HEADER, XFF_DEPTH). Where adapter-node
 * would throw (header configured but missing, fewer addresses than XFF_DEPTH) we use the TCP
 * peer instead: it cannot be forged, and a request that skipped the proxy is then limited on
 * its own instead of sharing one bucket with every other unexplained request.
 */
export function clientAddress(headers: IncomingHttpHeaders, peer: string | undefined, config: ProxyConfig = proxyConfig()): string {
	const forwarded = config.header ? fromHeader(headers[config.header], config) : null;
	return unmapIPv4(forwarded ?? peer ?? 'desconocida');
}

function fromHeader(value: string | string[] | undefined, { header, depth }: ProxyConfig): string | null {
	const raw = (Array.isArray(value) ? value.join(',') : value)?.trim();
	if (!raw) return null;
	if (header !== 'x-forwarded-for') return raw;
	// Each proxy appends the address it saw; anything to the left of ours may be forged by the client.
	const addresses = raw.split(',');
	if (!Number.isInteger(depth) || depth < 1 || depth > addresses.length) return null;
	return addresses[addresses.length - depth].trim() || null;
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * Whether the client is this machine. Behind a proxy on the same machine every TCP peer is
 * loopback, so with ADDRESS_HEADER configured only the address the proxy wrote counts, and a
 * request without it (or with fewer hops than XFF_DEPTH) is not local.
 */
export function isLoopbackClient(headers: IncomingHttpHeaders, peer: string | undefined, config: ProxyConfig = proxyConfig()): boolean {
	const raw = config.header ? fromHeader(headers[config.header], config) : peer;
	if (!raw) return false;
	const address = unmapIPv4(raw);
	if (isIPv4(address)) return LOOPBACK.check(address, 'ipv4');
	return isIPv6(address) && LOOPBACK.check(address, 'ipv6');
}

/** A dual-stack listener reports IPv4 clients as ::ffff:a.b.c.d; the proxy header writes a.b.c.d. */
function unmapIPv4(address: string): string {
	return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;
}

/**
 * The key a per-address limit counts under. An IPv6 subscriber usually gets a whole /64 and can
 * pick any address in it, so IPv6 counts by /64; IPv4 (NAT included) by the address.
 */
export function limitKey(address: string): string {
	const bare = address.split('%')[0];
	if (!isIPv6(bare)) return address;
	const [head, tail] = bare.split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	// An embedded IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) takes two groups.
	const rightGroups = right.length + (right.at(-1)?.includes('.') ? 1 : 0);
	const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - rightGroups).fill('0'), ...right];
	return `${groups
		.slice(0, 4)
		.map((g) => parseInt(g, 16).toString(16))
		.join(':')}::/64`;
}
