import { expect, type Page } from '@playwright/test';

// What the language scans judge (i18n-scan.test.ts, i18n-account.test.ts): in English no Spanish
// word of the app's own text shows, and in Spanish no English one. Customer data (names,
// addresses, plans, the provider's own lists) is Spanish in both languages: the app marks it
// with `data-user` and the scan skips it.

/** Spanish that English never writes: accents, ¿¡, and common words of the app's chrome. */
export const SPANISH = [
	/[áéíóúñ¿¡]/i,
	/(?<![\p{L}\p{N}_])(faltan?|datos|contraseña|guardar|instalaci[oó]n(es)?|correo|tel[eé]fono|nombre|fecha|hoy|ma[nñ]ana|ayer|semana|sin|con|para|por|del|las|los|una?|el|la|de|que|y|o|en|cancelar|cerrar|buscar|tarjeta|tablero|ajustes|usuarios|cliente|pago|documentos?|firma(da|r)?|zona|enviar|agregar|eliminar|editar|llamar|llamadas?|técnico|agendada|asignada|activa|cobertura)(?![\p{L}\p{N}_])/iu
];
/** English that the Spanish UI never writes. Word edges are letters of any alphabet (and digits): `\b` would end
 * «cancel» before the «ó» of «canceló» and call the Spanish English. */
export const ENGLISH = [
	/(?<![\p{L}\p{N}_])(the|missing|save|settings|board|loading|search|users|reports|password|delete|add|edit|close|today|yesterday|week|signed|pending|show|hide|phone|address|upload|download|send|sent|none|choose|select|cancel|customer|payment|schedule|scheduled|assigned|technician|calls?|required|invalid|wrong|email)(?![\p{L}\p{N}_])/iu
];

interface Finding {
	text: string;
	where: string;
}

/** Visible text nodes and the chrome attributes (placeholder, aria-label, title), outside `[data-user]`. */
export async function visibleText(page: Page): Promise<Finding[]> {
	return page.evaluate(() => {
		const out: { text: string; where: string }[] = [];
		// Text in another language on purpose (the language switch names the other one) and data.
		const skip = (el: Element | null) => !el || !!el.closest('[data-user], [lang]:not(html), script, style, noscript, template, code, pre');
		// Data also shows inside sentences and labels («Mover “Verónica Castillo Ek” a…»): every
		// marked value on the page is cut out of the text before it is judged.
		const data = new Set<string>();
		for (const el of document.querySelectorAll('[data-user]')) {
			for (const v of [el.getAttribute('data-user'), (el as HTMLElement).innerText ?? el.textContent]) {
				for (const line of (v ?? '').split(/[\n\t]/)) if (line.trim().length > 1) data.add(line.trim());
			}
		}
		const values = [...data].sort((a, b) => b.length - a.length);
		const strip = (text: string) => values.reduce((t, v) => (t.includes(v) ? t.split(v).join(' ') : t), text).trim();
		const visible = (el: Element) => {
			const box = el.getBoundingClientRect();
			const style = getComputedStyle(el);
			return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
		};
		const where = (el: Element) => {
			const parts: string[] = [];
			for (let e: Element | null = el; e && parts.length < 3; e = e.parentElement) {
				const id = e.getAttribute('data-testid');
				parts.unshift(
					e.tagName.toLowerCase() + (id ? `[${id}]` : e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : '')
				);
			}
			return parts.join(' > ');
		};
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const text = (n.textContent ?? '').trim();
			const el = n.parentElement;
			if (!text || !el || skip(el) || !visible(el)) continue;
			const judged = strip(text);
			if (judged) out.push({ text: judged, where: where(el) });
		}
		for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
			if (skip(el) || !visible(el)) continue;
			for (const attr of ['placeholder', 'aria-label', 'title']) {
				const text = strip(el.getAttribute(attr)?.trim() ?? '');
				if (text) out.push({ text, where: `${where(el)} @${attr}` });
			}
		}
		for (const opt of document.querySelectorAll('select option')) {
			if (skip(opt) || !visible(opt.parentElement!)) continue;
			const text = strip(opt.textContent?.trim() ?? '');
			if (text) out.push({ text, where: `${where(opt.parentElement!)} > option` });
		}
		if (strip(document.title)) out.push({ text: strip(document.title), where: 'title' });
		return out;
	});
}

export async function scan(page: Page, lang: 'en' | 'es', label: string, findings: string[]) {
	const markers = lang === 'en' ? SPANISH : ENGLISH;
	const seen = new Set<string>();
	const check = async (suffix: string) => {
		for (const f of await visibleText(page)) {
			const key = `${f.where}|${f.text}`;
			if (seen.has(key) || !markers.some((re) => re.test(f.text))) continue;
			seen.add(key);
			findings.push(`[${lang}] ${label}${suffix} · ${f.where}: «${f.text.slice(0, 160)}»`);
		}
	};
	await check('');
	// A page with tabs (the card) shows each panel in turn.
	const tabs = page.getByRole('tab');
	const count = await tabs.count();
	for (let i = 0; i < count; i++) {
		const tab = tabs.nth(i);
		if (!(await tab.isVisible())) continue;
		await tab.click();
		await expect(tab).toHaveAttribute('aria-selected', 'true');
		await page.waitForLoadState('networkidle');
		await check(` (tab ${i + 1})`);
	}
}
