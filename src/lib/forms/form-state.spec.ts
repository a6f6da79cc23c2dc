import { describe, expect, it } from 'vitest';
import { formState } from './form-state';

describe('formState', () => {
	it('shows what was typed after a refusal, with the errors and the Spanish message', () => {
		const f = formState({ errors: { name: ['Escribe el nombre.'] }, values: { name: 'Intern' }, message: 'Revisa los campos marcados.' });
		expect(f.value('name', 'Internet Cancún')).toBe('Intern');
		expect(f.value('timeZone', 'America/Cancun')).toBe('America/Cancun');
		expect(f.invalid('name')).toBe('true');
		expect(f.invalid('timeZone')).toBeUndefined();
		expect(f.message).toBe('Revisa los campos marcados.');
		expect(f.saved).toBe(false);
	});

	it('shows the stored values before any submit, and says when it saved', () => {
		expect(formState(null).value('wip', null)).toBe('');
		expect(formState(undefined).value('days', 30)).toBe('30');
		expect(formState({ saved: true }).saved).toBe(true);
	});
});
