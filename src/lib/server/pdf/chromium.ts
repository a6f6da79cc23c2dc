import { HEADLESS_ARGS } from './find-chromium.js';

export { findChromium } from './find-chromium.js';

// The PDF engine's Chromium: the container flags plus a quiet, reproducible renderer.
export const CHROMIUM_ARGS = [
	...HEADLESS_ARGS,
	'--disable-extensions',
	'--disable-default-apps',
	'--mute-audio',
	'--font-render-hinting=none'
];
