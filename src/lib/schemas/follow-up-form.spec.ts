import { describe, expect, it } from 'vitest';
import { followUpFormSchema } from './follow-up-form';
import { DEFAULT_FOLLOW_UP } from '$lib/domain/follow-up';

const form = (over: Record<string, string | undefined> = {}) => ({
	giveUpAttempts: '5',
	giveUpDays: '7',
	callback_contesto: '',
	callback_no_contesto: '120',
	callback_buzon: '240',
	callback_numero_equivocado: '',
	callback_llamar_despues: '1440',
	callback_no_interesado: '',
	officeStart: '09:00',
	officeEnd: '19:00',
	...Object.fromEntries([1, 2, 3, 4, 5, 6].map((d) => [`day_${d}`, 'on'])),
	documentsWaitingDays: '2',
	...over
});
const messages = (over: Record<string, string | undefined>) => {
	const r = followUpFormSchema.safeParse(form(over));
	expect(r.success).toBe(false);
	return Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('Ajustes → Seguimiento form', () => {
	it('reads the posted fields into the cadence rules', () => {
		expect(followUpFormSchema.parse(form())).toEqual(DEFAULT_FOLLOW_UP);
		const r = followUpFormSchema.parse(form({ day_0: 'on', day_6: undefined, callback_contesto: ' 60 ', officeStart: '08:30:00' }));
		expect(r.officeHours).toEqual({ start: '08:30', end: '19:00', days: [0, 1, 2, 3, 4, 5] });
		expect(r.callbackMinutes.contesto).toBe(60);
	});
	it('explains each bad value in Spanish, by field', () => {
		expect(messages({ giveUpAttempts: 'tres' })).toEqual({ giveUpAttempts: 'Escribe el número de intentos.' });
		expect(messages({ giveUpAttempts: '0' })).toEqual({ giveUpAttempts: 'Al menos 1 intento.' });
		expect(messages({ callback_buzon: '2' })).toEqual({
			'callbackMinutes.buzon': 'El tiempo mínimo para volver a llamar es de 5 minutos.'
		});
		expect(messages({ officeEnd: '08:00' })).toEqual({ 'officeHours.end': 'La hora de cierre debe ser después de la de apertura.' });
		expect(messages({ officeStart: '9' })).toMatchObject({ 'officeHours.start': 'Escribe la hora como HH:MM (por ejemplo 09:00).' });
		expect(messages(Object.fromEntries([1, 2, 3, 4, 5, 6].map((d) => [`day_${d}`, undefined])) as Record<string, undefined>)).toEqual({
			'officeHours.days': 'Elige al menos un día de atención.'
		});
		expect(messages({ documentsWaitingDays: '' })).toEqual({ documentsWaitingDays: 'Escribe el número de días.' });
	});
});
