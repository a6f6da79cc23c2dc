/**
 * Civil dates ('YYYY-MM-DD'): a day on the organisation's calendar, with no time and no zone.
 * Arithmetic runs on UTC midnights so that daylight-saving changes and the server's own zone can
 * never shift a day. The organisation's zone is applied once, at the edge, by `todayIn`.
 */

export type CivilDate = string;

export interface DateParts {
	year: number;
	month: number;
	day: number;
}

export type DateParseResult = { ok: true; date: CivilDate } | { ok: false; error: string };

const MS_PER_DAY = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// People type dates the Mexican way too; the day comes first.
const DMY_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
	if (!Number.isInteger(month) || month < 1 || month > 12) {
		throw new RangeError(`El mes ${month} no existe; usa un número del 1 al 12.`);
	}
	if (month === 2) return isLeapYear(year) ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function validParts(year: number, month: number, day: number): boolean {
	return (
		Number.isInteger(year) &&
		year >= 1 &&
		year <= 9999 &&
		Number.isInteger(month) &&
		month >= 1 &&
		month <= 12 &&
		Number.isInteger(day) &&
		day >= 1 &&
		day <= daysInMonth(year, month)
	);
}

export function isCivilDate(value: unknown): value is CivilDate {
	if (typeof value !== 'string') return false;
	const m = ISO_RE.exec(value);
	return m !== null && validParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function formatDate(year: number, month: number, day: number): CivilDate {
	if (!validParts(year, month, day)) {
		throw new RangeError(`La fecha ${day}/${month}/${year} no existe en el calendario.`);
	}
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Splits a date that is already known to be valid; a bad value is a programming error. */
export function dateParts(date: CivilDate): DateParts {
	const m = ISO_RE.exec(date);
	if (!m || !validParts(Number(m[1]), Number(m[2]), Number(m[3]))) {
		throw new RangeError(`«${date}» no es una fecha válida; usa el formato AAAA-MM-DD.`);
	}
	return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Reads a date typed by a person: 'AAAA-MM-DD' or 'DD/MM/AAAA'. */
export function parseDate(text: string): DateParseResult {
	const value = text.trim();
	if (value === '') {
		return { ok: false, error: 'Escribe una fecha, por ejemplo 21/11/2026.' };
	}
	const iso = ISO_RE.exec(value);
	const dmy = iso ? null : DMY_RE.exec(value);
	if (!iso && !dmy) {
		return {
			ok: false,
			error: `No entendemos la fecha «${value}». Escríbela como día/mes/año, por ejemplo 21/11/2026.`
		};
	}
	const [year, month, day] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [Number(dmy![3]), Number(dmy![2]), Number(dmy![1])];
	if (!validParts(year, month, day)) {
		return {
			ok: false,
			error: `La fecha «${value}» no existe en el calendario; revisa el día y el mes.`
		};
	}
	return { ok: true, date: formatDate(year, month, day) };
}

function toEpochDay(date: CivilDate): number {
	const { year, month, day } = dateParts(date);
	// setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
	const d = new Date(0);
	d.setUTCFullYear(year, month - 1, day);
	return Math.round(d.getTime() / MS_PER_DAY);
}

function fromEpochDay(epochDay: number): CivilDate {
	const d = new Date(epochDay * MS_PER_DAY);
	return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: CivilDate, days: number): CivilDate {
	if (!Number.isInteger(days)) {
		throw new RangeError(`Solo se pueden sumar días completos (se recibió ${days}).`);
	}
	return fromEpochDay(toEpochDay(date) + days);
}

/** Days from `from` to `to`: positive when `to` is later. */
export function diffDays(from: CivilDate, to: CivilDate): number {
	return toEpochDay(to) - toEpochDay(from);
}

export function compareDates(a: CivilDate, b: CivilDate): number {
	return Math.sign(diffDays(b, a));
}

/** The given day in that month, or the month's last day when the month is shorter (31 → 28 in February). */
export function clampDay(year: number, month: number, day: number): CivilDate {
	if (!Number.isInteger(day) || day < 1 || day > 31) {
		throw new RangeError(`El día ${day} no es válido; usa un número del 1 al 31.`);
	}
	return formatDate(year, month, Math.min(day, daysInMonth(year, month)));
}

/**
 * The same day `months` later, clamped to shorter months. Counting always from the original date
 * keeps a 31st schedule on the 31st after passing through February.
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
	if (!Number.isInteger(months)) {
		throw new RangeError(`Solo se pueden sumar meses completos (se recibió ${months}).`);
	}
	const { year, month, day } = dateParts(date);
	const index = year * 12 + (month - 1) + months;
	return clampDay(Math.floor(index / 12), (index % 12) + 1, day);
}

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using it (a board asks per card). */
const dayInZone = new Map<string, Intl.DateTimeFormat>();

/** Today's civil date in an IANA time zone (the organisation's, e.g. America/Cancun). */
export function todayIn(timeZone: string, now: Date = new Date()): CivilDate {
	let format = dayInZone.get(timeZone);
	if (!format) {
		try {
			format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
		} catch {
			throw new RangeError(`La zona horaria «${timeZone}» no existe; usa un nombre como America/Cancun o America/Mexico_City.`);
		}
		dayInZone.set(timeZone, format);
	}
	const parts = format.formatToParts(now);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	return formatDate(get('year'), get('month'), get('day'));
}

const SHORT_DATE_ES = new Intl.DateTimeFormat('es-MX', {
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	timeZone: 'UTC'
});

/** "21 nov 2026". Built from parts because ICU versions disagree on the abbreviation's dot. */
export function formatDateEs(date: CivilDate): string {
	const { year, month, day } = dateParts(date);
	const d = new Date(0);
	d.setUTCFullYear(year, month - 1, day);
	const monthName = SHORT_DATE_ES.formatToParts(d)
		.find((p) => p.type === 'month')!
		.value.replace(/\./g, '')
		.toLowerCase();
	return `${day} ${monthName} ${year}`;
}

const shortDateFormats = new Map<string, Intl.DateTimeFormat>();

/** A civil date the short way in the reader's language: "21 nov 2026" (es), "Nov 21, 2026" (en). */
export function formatDateIn(date: CivilDate, intlLocale: string): string {
	if (intlLocale.toLowerCase().startsWith('es')) return formatDateEs(date);
	const { year, month, day } = dateParts(date);
	const d = new Date(0);
	d.setUTCFullYear(year, month - 1, day);
	let f = shortDateFormats.get(intlLocale);
	if (!f)
		shortDateFormats.set(
			intlLocale,
			(f = new Intl.DateTimeFormat(intlLocale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }))
		);
	return f.format(d);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A day heading: "lun 30 de nov" in Spanish (lower-case, as Spanish writes weekdays and months,
 * without the abbreviation dots some ICU versions add), "Mon, Nov 30" in English.
 */
export function formatDayShort(date: CivilDate, intlLocale: string): string {
	const { year, month, day } = dateParts(date);
	const d = new Date(0);
	d.setUTCFullYear(year, month - 1, day);
	let f = dayFormats.get(intlLocale);
	if (!f)
		dayFormats.set(
			intlLocale,
			(f = new Intl.DateTimeFormat(intlLocale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }))
		);
	if (!intlLocale.toLowerCase().startsWith('es')) return f.format(d);
	const part = (type: Intl.DateTimeFormatPartTypes) =>
		f
			.formatToParts(d)
			.find((p) => p.type === type)!
			.value.replace(/\./g, '')
			.toLocaleLowerCase('es-MX');
	return `${part('weekday')} ${day} de ${part('month')}`;
}

const MONTHS: Record<'es' | 'en', readonly string[]> = {
	es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
	en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
};

/**
 * The date written in full, as documents state it: «4 de diciembre de 2026», «December 4, 2026».
 * Every document (contract, sheet) writes its dates with this one function. The month names are
 * spelled here rather than asked of ICU, whose Spanish data differs between Node builds.
 */
export function formatDateLong(date: CivilDate, locale: 'es' | 'en' = 'es'): string {
	const { year, month, day } = dateParts(date);
	const name = MONTHS[locale][month - 1];
	return locale === 'en' ? `${name} ${day}, ${year}` : `${day} de ${name} de ${year}`;
}
