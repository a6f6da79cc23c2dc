import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

export const PHONE_ERROR = 'Escribe un teléfono de 10 dígitos, por ejemplo 998 123 4567.';
export const PHONE_FOREIGN_ERROR = 'Solo aceptamos teléfonos de México: escribe los 10 dígitos, por ejemplo 998 123 4567.';

export type PhoneResult = { ok: true; value: string } | { ok: false; error: string };

/**
 * Mexico dropped the mobile "1" (after +52) and the 044/045/01 dialling prefixes in 2019, but
 * customers still type them and old contact lists still carry them. The current metadata treats
 * them as part of the number, so we strip them here before validating.
 */
function dropLegacyPrefix(national: string): string {
	if (national.length === 11 && national.startsWith('1')) return national.slice(1);
	if (national.length === 13 && /^04[45]/.test(national)) return national.slice(3);
	if (national.length === 12 && national.startsWith('01')) return national.slice(2);
	return national;
}

// The board checks every card's phones for its badge, on every move and snapshot; the same few
// thousand numbers come back again and again, and libphonenumber is not cheap.
const parsedPhones = new Map<string, PhoneResult>();

/** Normalises any common way of writing a Mexican number to its 10 national digits. */
export function parseMxPhone(input: string | null | undefined): PhoneResult {
	const key = input ?? '';
	let result = parsedPhones.get(key);
	if (!result) {
		if (parsedPhones.size >= 20_000) parsedPhones.clear();
		parsedPhones.set(key, (result = Object.freeze(parsePhone(key))));
	}
	return result;
}

function parsePhone(input: string): PhoneResult {
	const raw = input.trim();
	if (!/\d/.test(raw)) return { ok: false, error: PHONE_ERROR };
	// "00 52 …" is how people dial from abroad; libphonenumber only knows it for the caller's country.
	const cleaned = raw.replace(/^\s*00\s*(?=5\s*2)/, '+');
	const parsed = parsePhoneNumberFromString(cleaned, 'MX');
	if (!parsed) return { ok: false, error: PHONE_ERROR };
	if (parsed.countryCallingCode !== '52') return { ok: false, error: PHONE_FOREIGN_ERROR };
	// An extension cannot become a PPPoE user or a WhatsApp link, so we refuse it rather than drop it.
	if (parsed.ext) return { ok: false, error: PHONE_ERROR };
	const national = dropLegacyPrefix(parsed.nationalNumber);
	if (!/^\d{10}$/.test(national)) return { ok: false, error: PHONE_ERROR };
	const check = parsePhoneNumberFromString(`+52${national}`);
	if (!check?.isValid()) return { ok: false, error: PHONE_ERROR };
	return { ok: true, value: national };
}

/**
 * Mexican convention: 2-4-4 for Mexico City, Guadalajara and Monterrey ("55 1234 5678"),
 * 3-3-4 elsewhere ("998 123 4567"). Anything we cannot parse is shown as the user typed it.
 */
export function formatMxPhone(phone: string | null | undefined): string {
	const parsed = parseMxPhone(phone);
	if (!parsed.ok) return (phone ?? '').trim();
	return parsePhoneNumberFromString(`+52${parsed.value}`)?.formatNational() ?? parsed.value;
}

/** wa.me link; null when the phone is not a valid Mexican number so the UI can hide the button. */
export function waLink(phone: string | null | undefined, text?: string | null): string | null {
	const parsed = parseMxPhone(phone);
	if (!parsed.ok) return null;
	const base = `https://wa.me/52${parsed.value}`;
	return text ? `${base}?text=${encodeURIComponent(text)}` : base;
}

export function telLink(phone: string | null | undefined): string | null {
	const parsed = parseMxPhone(phone);
	return parsed.ok ? `tel:+52${parsed.value}` : null;
}
