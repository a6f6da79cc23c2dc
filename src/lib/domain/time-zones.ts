/**
 * The organisation's time zone is chosen from a list, never typed: the IANA zones this runtime
 * knows (Intl.supportedValuesOf), Mexico's first, since that is where the providers are. The
 * settings form and the schema that checks it read the same list.
 */

/** Mexico's zones, the most common first (Quintana Roo, then the centre). */
export const MEXICO_TIME_ZONES = [
	'America/Cancun',
	'America/Mexico_City',
	'America/Merida',
	'America/Monterrey',
	'America/Matamoros',
	'America/Bahia_Banderas',
	'America/Mazatlan',
	'America/Chihuahua',
	'America/Ciudad_Juarez',
	'America/Ojinaga',
	'America/Hermosillo',
	'America/Tijuana'
] as const;

export const DEFAULT_TIME_ZONE = 'America/Cancun';

let cached: readonly string[] | null = null;

/** Mexico's zones (those this runtime knows), then every other zone in alphabetical order. */
export function timeZoneList(): readonly string[] {
	if (cached) return cached;
	const all = Intl.supportedValuesOf('timeZone');
	const known = new Set(all);
	const mexico: string[] = MEXICO_TIME_ZONES.filter((tz) => known.has(tz));
	const first = new Set(mexico);
	return (cached = [...mexico, ...all.filter((tz) => !first.has(tz)).sort()]);
}

export const isListedTimeZone = (tz: string): boolean => timeZoneList().includes(tz);

/** How many of the list's first entries are Mexico's, for the form's two groups. */
export const mexicoZoneCount = (): number => timeZoneList().filter((tz) => (MEXICO_TIME_ZONES as readonly string[]).includes(tz)).length;
