import { describe, expect, it } from 'vitest';
import { messageParts as sut } from './parts';
import { m } from '$lib/paraglide/messages.js';

describe('messageParts', () => {
	it('cuts a message around its inputs, in each language', () => {
		const render = (locale: 'es' | 'en') => (i: Record<string, string>) => m.settings_wh_base_url_hint(i as never, { locale });
		expect(sut(render('en'), ['menu', 'field', 'url'])).toEqual([
			{ text: 'In WispHub: ' },
			{ input: 'menu' },
			{ text: ' → “' },
			{ input: 'field' },
			{ text: '”, e.g. ' },
			{ input: 'url' }
		]);
		expect(sut(render('es'), ['menu', 'field', 'url']).filter((p) => 'text' in p)).toEqual([
			{ text: 'En WispHub: ' },
			{ text: ' → «' },
			{ text: '», por ejemplo ' }
		]);
	});
});
