import { m } from '$lib/paraglide/messages.js';
import { parseTimeSlot, type DayPart } from '$lib/domain/time-slot';

const PARTS: { [P in DayPart]: () => string } = {
	manana: m.slot_manana,
	tarde: m.slot_tarde,
	noche: m.slot_noche
};

/** An installation time in the UI language: «por la mañana», «09:00», «09:00–11:00». */
export function slotLabel(raw: string | null | undefined): string | null {
	const slot = parseTimeSlot(raw);
	if (!slot) return null;
	return slot.kind === 'part' ? PARTS[slot.part]() : slot.text;
}
