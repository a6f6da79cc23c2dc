import { coded, type Coded } from './coded';

export const DEFAULT_CITIES = ['Cancún', 'Benito Juárez'] as const;

/** The process's address fields (step 4.6): SM = supermanzana, MZ = manzana, LT = lote. */
export interface AddressParts {
	sm?: string | null;
	mz?: string | null;
	lt?: string | null;
	ext?: string | null;
	int?: string | null;
	building?: string | null;
	street?: string | null;
	colonia?: string | null;
	city?: string | null;
}

export type AddressField = 'street' | 'ext' | 'colonia' | 'city';
export interface AddressIssue {
	key: `address:${AddressField}`;
	message: string;
	/** The same sentence as a message code, for the reader's language (domain/coded.ts). */
	text: Coded;
}
export type AddressCheck = { ok: true } | { ok: false; missing: AddressIssue[] };

function clean(value: string | null | undefined): string {
	return (value ?? '').replace(/\s+/g, ' ').trim();
}

/** Removes a prefix the user already typed so we never print "SM SM 12" or "MZ Mz. 3". */
function stripPrefix(value: string, prefix: RegExp): string {
	return value
		.replace(prefix, '')
		.replace(/^[\s.:#-]+/, '')
		.trim();
}

// The lookahead keeps "Smith" or "Lotería" from losing their first letters.
const SM = /^(?:s\.?\s*m\.?|smza\.?|super\s*manzana|supmza\.?)(?=[\s\d.:#-]|$)/i;
const MZ = /^(?:m\.?\s*z\.?|mza\.?|manzana)(?=[\s\d.:#-]|$)/i;
const LT = /^(?:l\.?\s*t\.?|lote)(?=[\s\d.:#-]|$)/i;
const EXT = /^(?:#|n[oº°]\.?|n[uú]m\.?|n[uú]mero|ext\.?|exterior)(?=[\s\d.:#-]|$)/i;
const INT = /^(?:#|int\.?|interior|depto\.?|dpto\.?|departamento)(?=[\s\d.:#-]|$)/i;
const BUILDING = /^(?:edificio|edif\.?|ed\.)(?=[\s\d.:#-]|$)/i;
const STREET = /^(?:calle|c\.)(?=[\s\d.:#-]|$)/i;
const FRACC = /^(?:fracc?\.?|fraccionamiento)(?=[\s\d.:#-]|$)/i;
// Street and settlement types that are part of the name; prefixing "Calle"/"Fracc" would be wrong.
const OWN_STREET_TYPE =
	/^(?:av\.?|avenida|blvd\.?|boulevard|bulevar|priv\.?|privada|retorno|ret\.|andador|circuito|cerrada|carretera|calzada|prolongaci[oó]n|paseo|camino)(?=[\s\d.:#-]|$)/i;
const OWN_SETTLEMENT_TYPE =
	/^(?:col\.?|colonia|regi[oó]n|residencial|res\.|unidad|u\.?\s*h\.?|barrio|ejido|villas|conjunto|pueblo)(?=[\s\d.:#-]|$)/i;

function labelled(label: string, raw: string | null | undefined, prefix: RegExp): string {
	const value = stripPrefix(clean(raw), prefix);
	return value ? `${label} ${value}` : '';
}

function number(raw: string | null | undefined): string {
	const value = stripPrefix(clean(raw), EXT);
	if (!value) return '';
	return /^s\s*\/?\s*n$/i.test(value) ? 'S/N' : `#${value}`;
}

function street(raw: string | null | undefined): string {
	const value = clean(raw);
	if (!value || OWN_STREET_TYPE.test(value)) return value;
	return labelled('Calle', value, STREET);
}

function colonia(raw: string | null | undefined): string {
	const value = clean(raw);
	if (!value || OWN_SETTLEMENT_TYPE.test(value)) return value;
	return labelled('Fracc', value, FRACC);
}

// Lower-case inside a place name ("Calle 20 de Noviembre", "Paseo de los Ángeles y la Playa").
const PLACE_SMALL_WORDS: ReadonlySet<string> = new Set([
	'de',
	'del',
	'la',
	'las',
	'los',
	'el',
	'y',
	'e',
	'o',
	'u',
	'en',
	'con',
	'por',
	'al'
]);
// Written in capitals: the process's grid (SM/MZ/LT), "sin número", and Roman numerals ("Villas del Mar II").
const PLACE_UPPER_WORDS = /^(?:sm|mz|lt|s\/n|cp|uh|u\.h|ii|iii|iv|vi|vii|viii|ix|xi|xii|xiii|xiv|xv)$/;

const placeLower = (s: string) =>
	[...s].map((c) => (c.toLocaleLowerCase('es-MX').length === c.length ? c.toLocaleLowerCase('es-MX') : c)).join('');
const placeUpper = (s: string) =>
	[...s].map((c) => (c.toLocaleUpperCase('es-MX').length === c.length ? c.toLocaleUpperCase('es-MX') : c)).join('');

function placeWord(word: string, first: boolean): string {
	const lower = placeLower(word);
	const bare = lower.replace(/\.+$/, '');
	if (PLACE_UPPER_WORDS.test(bare) || /\d/.test(word)) return placeUpper(word);
	if (!first && PLACE_SMALL_WORDS.has(lower)) return lower;
	const chars = [...lower];
	const i = chars.findIndex((c) => /\p{L}/u.test(c));
	if (i >= 0) chars[i] = placeUpper(chars[i]);
	return chars.join('');
}

/**
 * Street, colonia and fraccionamiento as the name is stored: each word capitalised, Spanish small
 * words lower-case, SM/MZ/LT, «S/N» and Roman numerals in capitals, numbers as typed ("12-B").
 */
export function titleCasePlace(input: string | null | undefined): string {
	return clean(input)
		.normalize('NFC')
		.split(' ')
		.filter(Boolean)
		.map((w, i) => placeWord(w, i === 0))
		.join(' ');
}

/** "SM 12, MZ 3, LT 4, #10 int 2, Edificio X, Calle Y, Fracc Z, Cancún", skipping empty parts. */
export function composeAddress(parts: AddressParts): string {
	const ext = number(parts.ext);
	const int = labelled('int', parts.int, INT);
	return [
		labelled('SM', parts.sm, SM),
		labelled('MZ', parts.mz, MZ),
		labelled('LT', parts.lt, LT),
		[ext, int].filter(Boolean).join(' '),
		labelled('Edificio', parts.building, BUILDING),
		street(parts.street),
		colonia(parts.colonia),
		clean(parts.city)
	]
		.filter(Boolean)
		.join(', ');
}

function fold(value: string): string {
	return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Complete enough for a technician to arrive: a street or the SM/MZ/LT grid (Cancún addresses
 * often have no usable street name), a house number or lot, the colonia and the city.
 * When `cities` is given (the organization's list), the city must be one of them.
 */
export function isAddressComplete(parts: AddressParts, opts: { cities?: readonly string[] } = {}): AddressCheck {
	const has = (raw: string | null | undefined, prefix: RegExp) => stripPrefix(clean(raw), prefix) !== '';
	const missing: AddressIssue[] = [];
	const grid = has(parts.sm, SM) && has(parts.mz, MZ) && has(parts.lt, LT);
	if (!has(parts.street, STREET) && !grid) {
		missing.push({
			key: 'address:street',
			message: 'Falta la calle: escríbela, o escribe la supermanzana, manzana y lote (SM, MZ, LT).',
			text: coded('address.missing_street')
		});
	}
	if (!has(parts.ext, EXT) && !has(parts.lt, LT)) {
		missing.push({
			key: 'address:ext',
			message: 'Falta el número exterior: escríbelo, o escribe el lote.',
			text: coded('address.missing_ext')
		});
	}
	if (!has(parts.colonia, FRACC)) {
		missing.push({
			key: 'address:colonia',
			message: 'Falta el fraccionamiento o la colonia: escríbelo.',
			text: coded('address.missing_colonia')
		});
	}
	const city = clean(parts.city);
	if (!city) {
		missing.push({
			key: 'address:city',
			message: 'Falta la ciudad o el municipio: elígelo de la lista.',
			text: coded('address.missing_city')
		});
	} else if (opts.cities?.length && !opts.cities.some((c) => fold(c) === fold(city))) {
		missing.push({
			key: 'address:city',
			message: `La ciudad «${city}» no está en la lista: elige una de ${opts.cities.join(', ')}.`,
			text: coded('address.city_unknown', { city, cities: opts.cities.join(', ') })
		});
	}
	return missing.length ? { ok: false, missing } : { ok: true };
}
