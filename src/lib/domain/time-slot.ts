/**
 * The agreed installation time is free text: a clock time ("09:00:00"), a range ("09:00–11:00")
 * or a part of the day ("mañana", "tarde"). Under a date, a bare «mañana» reads as "tomorrow",
 * so parts of the day are always shown as «por la mañana» / «por la tarde».
 */
export type DayPart = 'manana' | 'tarde' | 'noche';

export type TimeSlot = { kind: 'time'; text: string } | { kind: 'part'; part: DayPart } | { kind: 'text'; text: string };

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

const PARTS: Record<string, DayPart> = {
	manana: 'manana',
	'por la manana': 'manana',
	'en la manana': 'manana',
	am: 'manana',
	morning: 'manana',
	tarde: 'tarde',
	'por la tarde': 'tarde',
	'en la tarde': 'tarde',
	pm: 'tarde',
	afternoon: 'tarde',
	noche: 'noche',
	'por la noche': 'noche',
	'en la noche': 'noche',
	evening: 'noche'
};

/** Reads a stored time; seconds are dropped from clock times ("09:00:00" → "09:00"). */
export function parseTimeSlot(raw: string | null | undefined): TimeSlot | null {
	const text = (raw ?? '').replace(/\s+/g, ' ').trim();
	if (!text) return null;
	const part = PARTS[fold(text)];
	if (part) return { kind: 'part', part };
	const clock = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(text);
	if (clock) return { kind: 'time', text: `${clock[1].padStart(2, '0')}:${clock[2]}` };
	if (/^\d{1,2}:\d{2}\s*[–—-]\s*\d{1,2}:\d{2}$/.test(text)) return { kind: 'time', text: text.replace(/\s*[–—-]\s*/, '–') };
	return { kind: 'text', text };
}

export const DAY_PART_ES: Record<DayPart, string> = {
	manana: 'por la mañana',
	tarde: 'por la tarde',
	noche: 'por la noche'
};

/** The Spanish words for a stored time, for server-made documents (the UI uses i18n/slots.ts). */
export function timeSlotEs(raw: string | null | undefined): string | null {
	const slot = parseTimeSlot(raw);
	if (!slot) return null;
	return slot.kind === 'part' ? DAY_PART_ES[slot.part] : slot.text;
}

/** The earliest clock time of a slot, for sorting a day's jobs ("tarde" after the morning's). */
export function slotSortKey(raw: string | null | undefined): string {
	const slot = parseTimeSlot(raw);
	if (!slot) return '99';
	if (slot.kind === 'part') return { manana: '09', tarde: '14', noche: '19' }[slot.part];
	return slot.text.padStart(5, '0');
}
