// The snapshot part of bench:board runs its requests from this small process of its own: the
// benchmark process holds 200 sockets, a browser driver and a spent database, and its own garbage
// collection showed up as server latency (p95 ~60 ms there against ~25 ms from here).
// Usage: node snapshot-client.mjs <url> <cookie> <requests> <warm-up>; prints the times as JSON.
const [url, cookie, requests, warmup] = process.argv.slice(2);
const times = [];
for (let i = 0; i < Number(requests); i++) {
	const t0 = performance.now();
	const res = await fetch(url, { headers: { cookie } });
	await res.arrayBuffer();
	if (!res.ok) throw new Error(`snapshot ${res.status}`);
	if (i >= Number(warmup)) times.push(performance.now() - t0);
}
process.stdout.write(JSON.stringify(times));
