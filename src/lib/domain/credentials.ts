/**
 * Connection data defaults (process 4, step 5). They are suggestions the agent can edit, so they
 * follow the manual literally: PPPoE user = phone, password = phone + "M", Wi-Fi = surname + suffix.
 */

export const DEFAULT_WIFI_SUFFIX = '2024MB';

export type WifiPasswordMode = 'apellido' | 'nombre_apellido';

function tenDigits(phone: string, purpose: string): string {
	// Separators are tolerated; anything else means the phone was not normalised yet.
	const digits = phone.replace(/[\s\-().]/g, '');
	if (!/^\d{10}$/.test(digits)) {
		throw new RangeError(
			`Para generar ${purpose} se necesita el teléfono principal de 10 dígitos (se recibió «${phone}»); corrígelo en los datos del cliente.`
		);
	}
	return digits;
}

export function pppoeUser(phone10: string): string {
	return tenDigits(phone10, 'el usuario PPPoE');
}

/** e.g. 9981234567M; also the password of the telephony and TV add-ons. */
export function pppoePassword(phone10: string): string {
	return `${tenDigits(phone10, 'la contraseña PPPoE')}M`;
}

// Lower-case particles of compound Spanish surnames ("de la Cruz"); they are not the surname itself.
const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e']);

function plainWords(fullName: string): string[] {
	return fullName
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.split(/\s+/)
		.map((word) => word.replace(/[^a-z0-9]/g, ''))
		.filter((word) => word !== '' && !PARTICLES.has(word));
}

/**
 * Mexican names are "given names + paternal surname + maternal surname", so with three or more
 * words the first surname is the second-to-last; with two, the last. "José Luis Pérez" (two given
 * names, one surname) is guessed wrong — that is why the result is only a default.
 */
function nameAndSurname(fullName: string): { first: string; surname: string } {
	const words = plainWords(fullName);
	if (words.length === 0) {
		throw new RangeError('Escribe el nombre completo del cliente para generar la contraseña Wi-Fi.');
	}
	const surname = words.length >= 3 ? words[words.length - 2] : words[words.length - 1];
	return { first: words[0], surname };
}

/** "Juan Cocom" → "cocom2024MB"; accents and ñ become plain letters, spaces and punctuation go. */
export function wifiPassword(fullName: string, suffix: string = DEFAULT_WIFI_SUFFIX, mode: WifiPasswordMode = 'apellido'): string {
	const { first, surname } = nameAndSurname(fullName);
	const base = mode === 'nombre_apellido' && first !== surname ? `${first}${surname}` : surname;
	return `${base}${suffix.trim()}`;
}

/** The installation's external ID (also used by the add-on services): the folio, zero-padded. */
export function externalId(folio: number, width = 6): string {
	if (!Number.isSafeInteger(folio) || folio < 1) {
		throw new RangeError(`El folio ${folio} no es válido; debe ser un número entero positivo.`);
	}
	return String(folio).padStart(width, '0');
}
