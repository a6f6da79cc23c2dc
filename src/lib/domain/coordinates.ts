/**
 * Customers send their location in whatever their phone produced: plain numbers, Google Maps
 * links (full or short), WhatsApp location links, or degrees-minutes-seconds copied from a pin.
 * We read all the shapes we can offline and say clearly what to do with the rest.
 */
export type CoordinatesErrorCode = 'empty' | 'short_link' | 'plus_code' | 'out_of_range' | 'not_found';
export type CoordinatesResult = { ok: true; lat: number; lng: number } | { ok: false; error: string; code: CoordinatesErrorCode };

export const MAX_INPUT_LENGTH = 4000;
const EXAMPLE = 'por ejemplo 21.1619, -86.8515';
const MESSAGES = {
	empty: `Pega las coordenadas que envió el cliente, ${EXAMPLE}, o el enlace de Google Maps.`,
	short_link:
		'No podemos leer enlaces cortos de Google Maps (maps.app.goo.gl): ábrelo, copia el enlace completo o las coordenadas y pégalos aquí.',
	plus_code: `Los códigos como «7622+3X» no se pueden leer: pide al cliente su ubicación por WhatsApp o las coordenadas, ${EXAMPLE}.`,
	link_without_coordinates:
		'Ese enlace no trae coordenadas: en Google Maps mantén presionado el punto, copia las coordenadas y pégalas aquí.',
	not_found: `No encontramos coordenadas: pega algo como 21.1619, -86.8515 o el enlace completo de Google Maps.`,
	too_long: 'El texto es demasiado largo: pega solo las coordenadas o el enlace de Google Maps.',
	dms: `No pudimos leer los grados, minutos y segundos: revisa que los minutos y segundos sean menores a 60, o pega las coordenadas decimales, ${EXAMPLE}.`
};

// A signed number may touch the previous one ("21.16-86.85"); an unsigned one may not start
// inside another number.
const NUM = String.raw`(?:[-+]|(?<![\d.]))\d{1,3}(?:\.\d+)?`;
const SEP = String.raw`\s*,\s*`;

/** Exact pairs in links, most precise first: the pin's own data beats the map's viewport centre. */
const LINK_PATTERNS: RegExp[] = [
	new RegExp(String.raw`!3d(${NUM})!4d(${NUM})`),
	new RegExp(String.raw`[?&#](?:q|query|ll|sll|center|destination|daddr|saddr|cbll|viewpoint)=\s*(?:loc:\s*)?(${NUM})${SEP}(${NUM})`, 'i'),
	new RegExp(String.raw`/(?:search|place|dir)/\s*(${NUM})${SEP}(${NUM})`, 'i'),
	new RegExp(String.raw`@(${NUM})${SEP}(${NUM})`),
	new RegExp(String.raw`mlat=(${NUM})&mlon=(${NUM})`, 'i'),
	new RegExp(String.raw`map=\d+(?:\.\d+)?/(${NUM})/(${NUM})`, 'i')
];

const DMS_PART = String.raw`(-?)(\d{1,3})\s*[°º]\s*(\d{1,2}(?:\.\d+)?)\s*['′’]\s*(?:(\d{1,2}(?:\.\d+)?)\s*(?:["″”]|'')\s*)?([NSEWO])?(?!\p{L})`;
const DMS = new RegExp(`${DMS_PART}[\\s,;]*${DMS_PART}`, 'iu');
const LOOKS_DMS = /\d\s*[°º]\s*\d{1,2}(?:\.\d+)?\s*['′’]/;

// Either a leading hemisphere letter ("N 21.16") or a trailing one ("21.16 N"), never both, so
// "N 21.16 W 86.85" cannot lend the W to the first number.
const TOKEN = String.raw`(?:(?<!\p{L})([NSEWO])\.?\s*(${NUM})\s*([°º])?|(${NUM})\s*([°º])?\s*(?:([NSEWO])(?!\p{L}))?)`;
const PAIR = new RegExp(`${TOKEN}\\s*[,;]?\\s*${TOKEN}`, 'giu');

const SHORT_LINK = /(?:maps\.app\.goo\.gl|goo\.gl\/maps|g\.co\/kgs|g\.page)\//i;
const PLUS_CODE = /(?<![A-Z0-9])[23456789CFGHJMPQRVWX]{4,8}\+[23456789CFGHJMPQRVWX]{0,3}(?![A-Z0-9])/i;

type Pair = { lat: number; lng: number };

function decode(input: string): string {
	let s = input;
	// WhatsApp sometimes encodes a link twice (%252C), so decode up to two layers.
	for (let i = 0; i < 2 && /%[0-9a-f]{2}/i.test(s); i++) {
		try {
			s = decodeURIComponent(s);
		} catch {
			s = s.replace(/%([0-9a-f]{2})/gi, (m, hex: string) => {
				const code = parseInt(hex, 16);
				return code < 0x80 ? String.fromCharCode(code) : m;
			});
		}
	}
	// "+" is a space inside query strings; a leading "+" on a number means nothing anyway.
	return s.replace(/&amp;/g, '&').replace(/\+/g, ' ').replace(/[−–]/g, '-');
}

function fromLinks(s: string): Pair | null {
	for (const re of LINK_PATTERNS) {
		const m = re.exec(s);
		if (m) return { lat: Number(m[1]), lng: Number(m[2]) };
	}
	return null;
}

/** N and E are positive, S and W (O for "oeste") negative; the letter wins over a sign. */
function signed(value: number, hemi: string | undefined): number {
	if (!hemi) return value;
	return /[SWO]/i.test(hemi) ? -Math.abs(value) : Math.abs(value);
}
const isLngHemi = (h: string | undefined) => !!h && /[EWO]/i.test(h);
const isLatHemi = (h: string | undefined) => !!h && /[NS]/i.test(h);

/** Orders two hemisphere-tagged values as lat, lng; null when the letters contradict each other. */
function orient(a: number, ha: string | undefined, b: number, hb: string | undefined): Pair | null {
	if ((isLatHemi(ha) && isLatHemi(hb)) || (isLngHemi(ha) && isLngHemi(hb))) return null;
	if (isLngHemi(ha) || isLatHemi(hb)) return { lat: signed(b, hb), lng: signed(a, ha) };
	return { lat: signed(a, ha), lng: signed(b, hb) };
}

function fromDms(s: string): Pair | null | 'invalid' {
	const m = DMS.exec(s);
	if (!m) return LOOKS_DMS.test(s) ? 'invalid' : null;
	const part = (i: number) => {
		const [sign, deg, min, sec] = [m[i], Number(m[i + 1]), Number(m[i + 2]), Number(m[i + 3] ?? 0)];
		if (min >= 60 || sec >= 60) return null;
		const value = deg + min / 60 + sec / 3600;
		return sign === '-' ? -value : value;
	};
	const a = part(1);
	const b = part(6);
	if (a === null || b === null) return 'invalid';
	return orient(a, m[5], b, m[10]) ?? 'invalid';
}

const LABELS = /(?<!\p{L})(?:latitud|latitude|lat|longitud|longitude|long|lng|lon)(?!\p{L})\s*[:=]?/giu;

function fromText(text: string): Pair | null {
	const s = text.replace(LABELS, ' ');
	for (const m of s.matchAll(PAIR)) {
		const token = (i: number) => ({
			hemi: m[i] ?? m[i + 5],
			num: m[i + 1] ?? m[i + 3],
			degree: m[i + 2] ?? m[i + 4]
		});
		const a = token(1);
		const b = token(7);
		// Bare integers ("Calle 12, 34") are too often not coordinates; decimals or markers are required.
		const marked = !!(a.hemi || b.hemi || a.degree || b.degree);
		if (!marked && !(a.num.includes('.') && b.num.includes('.'))) continue;
		const pair = orient(Number(a.num), a.hemi, Number(b.num), b.hemi);
		if (pair) return pair;
	}
	return null;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6 + 0;

function fail(code: CoordinatesErrorCode, error: string): CoordinatesResult {
	return { ok: false, error, code };
}

export function parseCoordinates(input: string | null | undefined): CoordinatesResult {
	const raw = (input ?? '').trim();
	if (!raw) return fail('empty', MESSAGES.empty);
	// The text patterns backtrack on long runs of numbers; real links stay well under this.
	if (raw.length > MAX_INPUT_LENGTH) return fail('not_found', MESSAGES.too_long);
	const s = decode(raw);

	const dms = fromDms(s);
	if (dms === 'invalid') return fail('not_found', MESSAGES.dms);
	const pair = fromLinks(s) ?? dms ?? fromText(s);

	if (!pair) {
		if (SHORT_LINK.test(raw)) return fail('short_link', MESSAGES.short_link);
		if (PLUS_CODE.test(raw)) return fail('plus_code', MESSAGES.plus_code);
		if (/https?:\/\//i.test(raw)) return fail('not_found', MESSAGES.link_without_coordinates);
		return fail('not_found', MESSAGES.not_found);
	}
	const { lat, lng } = pair;
	if (!Number.isFinite(lat) || Math.abs(lat) > 90) {
		return fail(
			'out_of_range',
			`La latitud ${lat} está fuera de rango (va de -90 a 90): revisa las coordenadas; la primera es la latitud, ${EXAMPLE}.`
		);
	}
	if (!Number.isFinite(lng) || Math.abs(lng) > 180) {
		return fail('out_of_range', `La longitud ${lng} está fuera de rango (va de -180 a 180): revisa las coordenadas, ${EXAMPLE}.`);
	}
	return { ok: true, lat: round6(lat), lng: round6(lng) };
}

// Whole degrees keep a ".0" because parseCoordinates wants a decimal point in plain text.
function decimal(x: number): string {
	const s = String(round6(x));
	return s.includes('.') ? s : `${s}.0`;
}

/** The canonical text we store and show, which parseCoordinates reads back: "21.1619, -86.8515". */
export function formatCoordinates(lat: number, lng: number): string {
	return `${decimal(lat)}, ${decimal(lng)}`;
}

export function googleMapsLink(lat: number, lng: number): string {
	return `https://www.google.com/maps/search/?api=1&query=${round6(lat)},${round6(lng)}`;
}
