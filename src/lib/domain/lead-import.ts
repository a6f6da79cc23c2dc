/**
 * THE registry of a lead import: which card fields a file's columns can fill, the headers each one
 * is recognised by, and the limits of a file. The page, the service and the tests derive from it.
 */

/** What a column can fill, in the order the mapping step shows them. */
export const IMPORT_FIELDS = ['fullName', 'phone', 'email', 'addrStreet', 'addrColonia', 'addrCity', 'howHeard', 'comments'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A row can't become a card without these (the same as «+ Nueva preinstalación»). */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['fullName', 'phone'];

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_MAX_COLUMNS = 60;
/** A cell longer than this is not a lead's data (the longest field, comments, takes 2000). */
export const IMPORT_MAX_CELL = 4000;

/**
 * Headers as people write them, compared without accents, case, punctuation or spaces. The first
 * column whose header matches a field fills it; a field no header matches stays unmapped.
 */
const ALIASES: Record<ImportField, readonly string[]> = {
	fullName: ['nombre', 'nombrecompleto', 'nombredelcliente', 'cliente', 'name', 'fullname', 'nombreyapellidos', 'nombreyapellido'],
	phone: ['telefono', 'tel', 'celular', 'cel', 'movil', 'whatsapp', 'telefonoprincipal', 'numero', 'phone', 'mobile', 'telefonocelular'],
	email: ['correo', 'correoelectronico', 'email', 'mail', 'emailaddress'],
	addrStreet: ['calle', 'domicilio', 'direccion', 'street', 'address', 'calleynumero'],
	addrColonia: ['colonia', 'fraccionamiento', 'fracc', 'col', 'neighborhood', 'region'],
	addrCity: ['ciudad', 'municipio', 'ciudadmunicipio', 'city', 'localidad'],
	howHeard: ['comoseentero', 'comonosconocio', 'medio', 'comonosencontro', 'howheard', 'referencia'],
	comments: ['comentarios', 'comentario', 'notas', 'nota', 'observaciones', 'comments', 'notes']
};

/** «¿Cómo se enteró?» → «comoseentero». */
export function headerKey(header: string): string {
	return header
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

export type ImportMapping = Record<ImportField, number | null>;

export const emptyMapping = (): ImportMapping => Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as ImportMapping;

/** The mapping the page proposes for a file's headers (column indexes, each used at most once). */
export function guessMapping(headers: readonly string[]): ImportMapping {
	const keys = headers.map(headerKey);
	const mapping = emptyMapping();
	const used = new Set<number>();
	for (const field of IMPORT_FIELDS) {
		const i = keys.findIndex((k, idx) => !used.has(idx) && k !== '' && ALIASES[field].includes(k));
		if (i >= 0) {
			mapping[field] = i;
			used.add(i);
		}
	}
	return mapping;
}

/** What the import says about one row of the file. */
export type ImportRowStatus = 'ok' | 'error' | 'exists' | 'repeated';

/** One row the import did not (or would not) create, with its line as the file numbers it. */
export interface ImportProblem {
	line: number;
	status: Exclude<ImportRowStatus, 'ok'>;
	fullName: string;
	phone: string;
	reasons: string[];
}

/** Field names in the Spanish reasons a row is refused for («Teléfono: …»). */
export const IMPORT_FIELD_NAMES_ES: Record<ImportField, string> = {
	fullName: 'Nombre',
	phone: 'Teléfono',
	email: 'Correo',
	addrStreet: 'Calle',
	addrColonia: 'Colonia',
	addrCity: 'Ciudad',
	howHeard: '¿Cómo se enteró?',
	comments: 'Comentarios'
};

/** A value of a settings list written as the list writes it («cancun» → «Cancún»); unknown values stay as they are. */
export function fromList(value: string, list: readonly string[]): string {
	const key = headerKey(value);
	if (!key) return value;
	return list.find((item) => headerKey(item) === key) ?? value;
}
