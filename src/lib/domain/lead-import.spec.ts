import { describe, expect, it } from 'vitest';
import { fromList, guessMapping, headerKey } from './lead-import';

describe('lead import mapping', () => {
	it('guesses each field from the headers people write, ignoring accents, case and punctuation', () => {
		const headers = ['Nombre', 'Teléfono', 'Correo', 'Calle', 'Colonia', 'Ciudad', '¿Cómo se enteró?', 'Comentarios'];
		expect(guessMapping(headers)).toEqual({
			fullName: 0,
			phone: 1,
			email: 2,
			addrStreet: 3,
			addrColonia: 4,
			addrCity: 5,
			howHeard: 6,
			comments: 7
		});
		expect(guessMapping(['CELULAR', ' nombre completo ', 'Correo electrónico', 'Fracc.', 'Municipio', 'Observaciones'])).toEqual({
			fullName: 1,
			phone: 0,
			email: 2,
			addrStreet: null,
			addrColonia: 3,
			addrCity: 4,
			howHeard: null,
			comments: 5
		});
	});

	it('leaves unknown headers unmapped and uses a column once (the first match wins)', () => {
		const m = guessMapping(['Folio', 'Cel', 'Celular', 'Vendedor', '']);
		expect(m.phone).toBe(1);
		expect(m.fullName).toBeNull();
		expect(Object.values(m).filter((v) => v !== null)).toEqual([1]);
	});

	it('reads list values the way the settings spell them', () => {
		expect(headerKey('¿Cómo se enteró?')).toBe('comoseentero');
		expect(fromList('CANCUN', ['Cancún', 'Benito Juárez'])).toBe('Cancún');
		expect(fromList('benito juarez', ['Cancún', 'Benito Juárez'])).toBe('Benito Juárez');
		expect(fromList('Monterrey', ['Cancún'])).toBe('Monterrey');
	});
});
