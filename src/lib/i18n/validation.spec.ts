import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addAddonSchema } from '$lib/schemas/addons';
import { loginSchema, setupSchema } from '$lib/schemas/auth';
import { hasValidationMessage, translateValidation as sut, validationTemplates, zodErrorMap } from './validation';

/** A template with every interpolation, or run of them, as one `{}`. */
const placeholders = (t: string) => t.replace(/(\$\{(?:[^{}]|\{[^{}]*\})*\}|\{\w+\})+/g, '{}');

const messagesOf = (result: { success: boolean; error?: z.ZodError }) => result.error?.issues.map((i) => i.message) ?? [];

describe('validation messages in the reader’s language', () => {
	it('keeps the schemas’ Spanish and finds its English by the Spanish text', () => {
		const refused = messagesOf(loginSchema.safeParse({ email: 'no-es-correo', password: '' }));
		expect(refused).toEqual(['Escribe un correo electrónico válido, por ejemplo nombre@dominio.com.', 'Escribe tu contraseña.']);
		expect(refused.map((t) => sut(t, 'es'))).toEqual(refused);
		expect(refused.map((t) => sut(t, 'en'))).toEqual(['Write a valid email address, for example name@domain.com.', 'Write your password.']);
		const setup = messagesOf(
			setupSchema.safeParse({
				orgName: 'X',
				adminName: 'A',
				email: 'a@b.mx',
				password: 'corta',
				passwordConfirm: 'otra',
				timeZone: 'Marte/Base'
			})
		);
		expect(setup.map((t) => sut(t, 'en'))).toEqual([
			"Write the provider's name (at least 2 letters).",
			'Choose a valid time zone, for example America/Cancun.',
			'Write a name of at least 2 letters.',
			'The password must have at least 10 characters.',
			'The passwords do not match.'
		]);
	});

	it('leaves a sentence it has no translation for as it is', () => {
		expect(sut('Una frase que nadie tradujo.', 'en')).toBe('Una frase que nadie tradujo.');
	});

	it('gives zod’s own messages through the error map of each language', () => {
		const schema = z.object({ n: z.number() });
		expect(messagesOf(schema.safeParse({ n: 'x' }, { error: zodErrorMap('en') }))[0]).toMatch(/expected number/i);
		expect(messagesOf(schema.safeParse({ n: 'x' }, { error: zodErrorMap('es') }))[0]).toMatch(/se esperaba n[uú]mero/i);
	});

	it('translates every message, field name and template of every schema', () => {
		const dir = new URL('../schemas/', import.meta.url);
		const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
		const templates = new Set(validationTemplates().map(placeholders));
		let checked = 0;
		for (const file of files) {
			const source = readFileSync(new URL(file, dir), 'utf8');
			// Sentences; a default script's or objection's text (say/text/title) is the provider's to edit.
			const sentences = [...source.matchAll(/(\b\w+:\s*)?'((?:[^'\\\n]|\\.)*)'/g)]
				.filter((m) => !/^(say|text|title):/.test(m[1] ?? ''))
				.map((m) => m[2])
				.filter((t) => /^[A-ZÁÉÍÓÚ¿«][^{}]* [^{}]*[.!?»)]$/.test(t));
			// The field names handed to helpers that write «Escribe ${label}.»-like messages.
			const helpers = [...source.matchAll(/const (\w+) = (?:<[^>]*>)?\((?:\w+: \w+, )?(?:label|what): string/g)].map((m) => m[1]);
			const fields = helpers.flatMap((h) => [...source.matchAll(new RegExp(`\\b${h}\\((?:\\d+, )?'([^']+)'`, 'g'))].map((m) => m[1]));
			for (const t of [...sentences, ...fields]) {
				expect(sut(t, 'en'), `${file}: ${t}`).not.toBe(t);
				expect(hasValidationMessage(t), `${file}: ${t}`).toBe(true);
			}
			for (const [, t] of source.matchAll(/`((?:[^`\\]|\\.)*)`/g)) {
				if (!/[a-záéíóúñ]{2,} [a-záéíóúñ]/i.test(t.replace(/\$\{[^}]*\}/g, ''))) continue;
				expect(templates.has(placeholders(t)), `${file}: ${t}`).toBe(true);
				checked++;
			}
			checked += sentences.length + fields.length;
		}
		expect(checked).toBeGreaterThan(250);
	});

	it('translates a template with its field name, numbers and the provider’s words', () => {
		expect(sut('El día hasta el que se cobra el mes completo debe ser del 1 al 28.', 'en')).toBe(
			'The day until which the full month is charged must be from 1 to 28.'
		);
		expect(sut('Escribe el depósito en garantía.', 'en')).toBe('Write the security deposit.');
		expect(sut('El motivo «Se mudó» está repetido.', 'en')).toBe('The reason “Se mudó” is repeated.');
		expect(sut('Escribe algo que nadie tradujo.', 'en')).toBe('Escribe algo que nadie tradujo.');
		const addon = messagesOf(addAddonSchema.safeParse({ installationId: '00000000-0000-4000-8000-000000000000', kind: 'radio' }));
		expect(addon.map((t) => sut(t, 'en'))).toEqual(['Choose telephony or television.']);
	});
});
