// Where the system Chromium is, and the flags it needs here. Plain JavaScript using only node:fs,
// because `npm start` (src/cli/env.js) reads it before `npm install`; the PDF engine, Playwright's
// config and the benchmarks use the same answer.
import { existsSync } from 'node:fs';

const CANDIDATES = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/snap/bin/chromium',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
];

/**
 * CHROMIUM_PATH when it exists, then the usual install paths; null when none is installed.
 * @returns {string | null}
 */
export function findChromium() {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv && existsSync(fromEnv)) return fromEnv;
	return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Needed when Chromium runs as root inside a container without network or GPU. */
export const HEADLESS_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
