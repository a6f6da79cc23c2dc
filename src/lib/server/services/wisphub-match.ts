import type { LocalOption } from '../db/wisphub';

const fold = (s: string) =>
	s
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();

/**
 * The board's item whose name matches a WispHub name: the same name ignoring case, accents and
 * punctuation, else the only one whose name contains it or is contained in it. Null when unsure:
 * the admin then chooses.
 */
export function suggestMatch(remoteName: string, options: readonly LocalOption[]): string | null {
	const want = fold(remoteName);
	if (!want) return null;
	const exact = options.filter((o) => fold(o.name) === want);
	if (exact.length === 1) return exact[0].id;
	const near = options.filter((o) => {
		const have = fold(o.name);
		return have && (have.includes(want) || want.includes(have));
	});
	return near.length === 1 ? near[0].id : null;
}
