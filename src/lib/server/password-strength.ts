import { ZxcvbnFactory, type OptionsType } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as es from '@zxcvbn-ts/language-es-es';

/**
 * How hard a new password is to guess (zxcvbn: dictionaries of common passwords, names and words in
 * Spanish and English, keyboard patterns, dates), with its advice in the reader's language. Score 3
 * ("safely unguessable: moderate protection from offline attacks") is the least we accept.
 */
export const MIN_SCORE = 3;

// The Spanish pack is Spain's and mixes «tú» and «usted»; the app speaks Mexican Spanish with «tú».
const esTranslations = {
	...es.translations,
	warnings: { ...es.translations.warnings, pwned: 'Tu contraseña apareció en una filtración de datos en Internet.' },
	suggestions: {
		...es.translations.suggestions,
		repeated: 'Evita palabras y letras repetidas.',
		pwned: 'Si usas esta contraseña en otro lugar, cámbiala.'
	}
};

const factories = new Map<'es' | 'en', ZxcvbnFactory>();

function factory(lang: 'es' | 'en'): ZxcvbnFactory {
	let f = factories.get(lang);
	if (!f) {
		const options: OptionsType = {
			dictionary: { ...common.dictionary, ...en.dictionary, ...es.dictionary },
			graphs: common.adjacencyGraphs,
			translations: lang === 'es' ? esTranslations : en.translations
		};
		factories.set(lang, (f = new ZxcvbnFactory(options)));
	}
	return f;
}

export interface StrengthVerdict {
	ok: boolean;
	score: number;
	/** One sentence to show under the field when the password is refused. */
	message: string;
}

const WEAK = {
	es: 'Esa contraseña es fácil de adivinar.',
	en: 'That password is easy to guess.'
};
const ADVICE = {
	es: 'Usa una frase de tres o cuatro palabras que no vayan juntas, o agrega más caracteres.',
	en: 'Use a phrase of three or four unrelated words, or add more characters.'
};

/**
 * `personal` are words the person's own data gives away (name, email, the provider's name): a
 * password built from them counts as weak.
 */
export function checkStrength(password: string, personal: string[], locale: string | undefined): StrengthVerdict {
	const lang = locale?.startsWith('en') ? 'en' : 'es';
	const inputs = personal.flatMap((p) => [p, ...p.split(/[\s@._-]+/)]).filter((w) => w.length >= 3);
	const result = factory(lang).check(password.slice(0, 100), inputs);
	const ok = result.score >= MIN_SCORE;
	const parts = [WEAK[lang], result.feedback.warning, ...result.feedback.suggestions].filter((p): p is string => !!p);
	if (parts.length === 1) parts.push(ADVICE[lang]);
	const message = parts.map((p) => (/[.!?]$/.test(p) ? p : `${p}.`)).join(' ');
	return { ok, score: result.score, message: ok ? '' : message };
}
