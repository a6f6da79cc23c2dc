// A person's colour (chosen by the admin or the palette) fills avatars and chips with white text
// on top. WCAG asks 4.5:1 for normal text; colours lighter than that are darkened, keeping their hue.

/** WCAG 2 minimum for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;
/** What a chip shows when the person has no colour (or an unreadable one): slate-600. */
export const NEUTRAL_FILL = '#475569';

type Rgb = [number, number, number];

function parseHex(color: string): Rgb | null {
	const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
	if (!m) return null;
	const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
	return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** WCAG 2 relative luminance of an sRGB colour. */
function luminance(rgb: Rgb): number {
	const [r, g, b] = rgb.map((c) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	}) as Rgb;
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of white text on `color` (1 to 21), or null when it isn't a #rgb/#rrggbb colour. */
export function contrastWithWhite(color: string): number | null {
	const rgb = parseHex(color);
	return rgb ? 1.05 / (luminance(rgb) + 0.05) : null;
}

/**
 * The fill to put white text on: `color` itself when it already reads at 4.5:1, otherwise the
 * same hue darkened just enough (a scale of its channels, found by bisection).
 */
export function whiteTextFill(color: string | null | undefined): string {
	const rgb = color ? parseHex(color) : null;
	if (!rgb) return NEUTRAL_FILL;
	if (1.05 / (luminance(rgb) + 0.05) >= MIN_TEXT_CONTRAST) return toHex(rgb);
	const scaled = (k: number) => rgb.map((c) => Math.floor(c * k)) as Rgb;
	let [lo, hi] = [0, 1];
	for (let i = 0; i < 24; i++) {
		const mid = (lo + hi) / 2;
		if (1.05 / (luminance(scaled(mid)) + 0.05) >= MIN_TEXT_CONTRAST) lo = mid;
		else hi = mid;
	}
	return toHex(scaled(lo));
}
