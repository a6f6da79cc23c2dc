import { describe, expect, it } from 'vitest';
import { setupSchema } from './auth';
import { createUserSchema } from './users';

describe('people of the office are written like customers', () => {
	it('capitalises the admin typed at setup', () => {
		const v = setupSchema.parse({
			orgName: 'Red Caribe',
			timeZone: 'America/Cancun',
			adminName: '  ana  de la cruz ',
			email: 'ana@red.mx',
			password: 'contraseña-segura-1',
			passwordConfirm: 'contraseña-segura-1'
		});
		expect(v.adminName).toBe('Ana de la Cruz');
	});

	it('capitalises a user an admin creates', () => {
		const v = createUserSchema.parse({ name: 'JOSÉ PÉREZ', email: 'jose@red.mx', role: 'agent', password: 'contraseña-segura-1' });
		expect(v.name).toBe('José Pérez');
	});
});
