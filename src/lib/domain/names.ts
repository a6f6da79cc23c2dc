/**
 * Process 4 step 4.6 asks for the full name "con la primera letra en mayúscula". Particles stay
 * lower-case unless they open the name ("De la Cruz" as a first word is still capitalised).
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'van', 'von']);

const LOCALE = 'es-MX';

// Per code point with a length guard: "ß" → "SS" or "İ" → "i̇" would add letters, and the
// promise to callers is that only the case changes.
function mapChar(ch: string, fn: (c: string) => string): string {
	const mapped = fn(ch);
	return [...mapped].length === 1 ? mapped : ch;
}
const lower = (s: string) => [...s].map((c) => mapChar(c, (x) => x.toLocaleLowerCase(LOCALE))).join('');
const upper = (c: string) => mapChar(c, (x) => x.toLocaleUpperCase(LOCALE));

/** Upper-cases the first letter of the segment (skipping leading quotes or brackets). */
function capitalise(segment: string): string {
	const chars = [...segment];
	const i = chars.findIndex((c) => /\p{L}/u.test(c));
	if (i >= 0) chars[i] = upper(chars[i]);
	return chars.join('');
}

function titleWord(word: string): string {
	return lower(word)
		.split('-')
		.map((part) => {
			// O'Connor, D'Alessandro: a one-letter prefix before the apostrophe; "Ma'am"-like inner
			// apostrophes stay as they are.
			const m = /^(\P{L}*\p{L})'(\p{L}.*)$/u.exec(part);
			return m ? `${capitalise(m[1])}'${capitalise(m[2])}` : capitalise(part);
		})
		.join('-');
}

export function normalizeName(input: string | null | undefined): string {
	const words = (input ?? '')
		.normalize('NFC')
		.replace(/[’‘`´]/g, "'")
		.split(/\s+/u)
		.filter(Boolean);
	return words.map((w, i) => (i > 0 && NAME_PARTICLES.has(lower(w)) ? lower(w) : titleWord(w))).join(' ');
}

/** Groups particles with the word they introduce: "Juan de la Cruz" → ["Juan", "de la Cruz"]. */
// A trailing particle ("Juan Pérez y") has nothing to join, so it stands alone.
function nameTokens(full: string): string[] {
	const words = normalizeName(full).split(' ').filter(Boolean);
	const tokens: string[] = [];
	let pending: string[] = [];
	words.forEach((w, i) => {
		if (NAME_PARTICLES.has(lower(w)) && i < words.length - 1) {
			pending.push(w);
			return;
		}
		tokens.push([...pending, w].join(' '));
		pending = [];
	});
	return tokens;
}

export function firstName(full: string | null | undefined): string {
	return nameTokens(full ?? '')[0] ?? '';
}

/**
 * The paternal surname, by heuristic. Mexican full names are "given name(s) + paternal surname +
 * maternal surname", so with three or more tokens the second-to-last is the paternal surname
 * ("María José Pérez López" → "Pérez"); with two tokens the second ("Juan Cocom" → "Cocom").
 * Particles travel with their word ("Juan de la Cruz López" → "de la Cruz").
 * Known miss: a compound given name with one surname ("José Luis Cocom" → "Luis"). Callers that
 * build passwords from it (the Wi-Fi password) must keep the result editable.
 */
export function surname(full: string | null | undefined): string {
	const tokens = nameTokens(full ?? '');
	if (tokens.length < 2) return '';
	return tokens.length === 2 ? tokens[1] : tokens[tokens.length - 2];
}
