import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from './chromium';
import { ServiceError } from '../errors';

export interface PdfOptions {
	/** Footer text printed on every page (the signature evidence line). */
	footer?: string;
}

export interface EngineStatus {
	status: 'ready' | 'idle' | 'unavailable';
	browserPath: string | null;
	pid: number | null;
	pages: number;
	busy: number;
	queued: number;
	launches: number;
	rendered: number;
}

const POOL = Number(process.env.PDF_POOL_SIZE ?? 3);
const MAX_QUEUE = Number(process.env.PDF_MAX_QUEUE ?? 100);
const RENDER_TIMEOUT = 20_000;

/**
 * One long-lived Chromium with a few reused pages. Customer data is in the HTML, so every page
 * has JavaScript off and every request except data: URIs aborted. When Chromium dies, the next
 * render launches a new one.
 */
export class PdfEngine {
	#browser: Browser | null = null;
	#launching: Promise<Browser> | null = null;
	#idle: Page[] = [];
	#pages = 0;
	#busy = 0;
	#waiters: ((page: Page) => void)[] = [];
	#launches = 0;
	#rendered = 0;
	readonly blocked: string[] = [];

	status(): EngineStatus {
		const path = findChromium();
		return {
			status: !path ? 'unavailable' : this.#browser?.connected ? 'ready' : 'idle',
			browserPath: path,
			pid: this.#browser?.process()?.pid ?? null,
			pages: this.#pages,
			busy: this.#busy,
			queued: this.#waiters.length,
			launches: this.#launches,
			rendered: this.#rendered
		};
	}

	async render(html: string, opts: PdfOptions = {}): Promise<Uint8Array> {
		try {
			return await this.#renderOnce(html, opts);
		} catch (err) {
			if (err instanceof ServiceError || this.#browser?.connected) throw err;
			// The browser died mid-render (crash or kill): one retry on a fresh one.
			return this.#renderOnce(html, opts);
		}
	}

	async #renderOnce(html: string, opts: PdfOptions): Promise<Uint8Array> {
		const page = await this.#acquire();
		let healthy = true;
		try {
			await page.setContent(html, { waitUntil: 'load', timeout: RENDER_TIMEOUT });
			const pdf = await page.pdf({
				format: 'Letter',
				printBackground: true,
				// Untagged saves ~25 ms a document; these PDFs are records, not accessible reading copies.
				tagged: false,
				outline: false,
				// Puppeteer awaits document.fonts.ready before printing (it runs in an isolated world,
				// which works with the page's JavaScript off), so the named font is in place.
				waitForFonts: true,
				margin: { top: '14mm', bottom: opts.footer ? '20mm' : '14mm', left: '14mm', right: '14mm' },
				displayHeaderFooter: !!opts.footer,
				headerTemplate: '<span></span>',
				footerTemplate: opts.footer ? footerHtml(opts.footer) : '<span></span>',
				timeout: RENDER_TIMEOUT
			});
			this.#rendered++;
			return pdf;
		} catch (err) {
			healthy = false;
			throw err;
		} finally {
			this.#release(page, healthy);
		}
	}

	async #acquire(): Promise<Page> {
		const browser = await this.#ensureBrowser();
		const idle = this.#idle.pop();
		if (idle && !idle.isClosed()) {
			this.#busy++;
			return idle;
		}
		if (this.#pages < POOL) {
			this.#pages++;
			try {
				const page = await this.#newPage(browser);
				this.#busy++;
				return page;
			} catch (err) {
				this.#pages--;
				throw err;
			}
		}
		if (this.#waiters.length >= MAX_QUEUE)
			throw new ServiceError(503, 'Estamos generando muchos PDF en este momento. Inténtalo de nuevo en unos segundos.');
		return new Promise((resolve) =>
			this.#waiters.push((page) => {
				this.#busy++;
				resolve(page);
			})
		);
	}

	#release(page: Page, healthy: boolean) {
		this.#busy--;
		if (!healthy || page.isClosed() || !this.#browser?.connected) {
			this.#pages = Math.max(0, this.#pages - 1);
			page.close().catch(() => {});
			// A waiter would otherwise wait forever for a page that will not come back.
			const next = this.#waiters.shift();
			if (next)
				this.#ensureBrowser()
					.then((b) => {
						this.#pages++;
						return this.#newPage(b);
					})
					.then(next, () => next(page));
			return;
		}
		const next = this.#waiters.shift();
		if (next) next(page);
		else this.#idle.push(page);
	}

	async #newPage(browser: Browser): Promise<Page> {
		// newPage() on a browser that dies meanwhile never settles: race it against the disconnect.
		const page = await Promise.race([
			browser.newPage(),
			new Promise<never>((_, reject) => {
				const gone = () => reject(new Error('Chromium se cerró mientras se abría una página.'));
				if (!browser.connected) gone();
				else browser.once('disconnected', gone);
			}),
			new Promise<never>((_, reject) => setTimeout(() => reject(new Error('Chromium no abrió una página a tiempo.')), 15_000).unref())
		]);
		await page.setJavaScriptEnabled(false);
		await page.setRequestInterception(true);
		page.on('request', (req) => {
			if (req.isInterceptResolutionHandled()) return;
			const url = req.url();
			if (url.startsWith('data:') || url === 'about:blank') void req.continue();
			else {
				this.blocked.push(url);
				if (this.blocked.length > 100) this.blocked.shift();
				void req.abort('blockedbyclient');
			}
		});
		return page;
	}

	#ensureBrowser(): Promise<Browser> {
		if (this.#browser?.connected) return Promise.resolve(this.#browser);
		return (this.#launching ??= this.#launch().finally(() => (this.#launching = null)));
	}

	async #launch(): Promise<Browser> {
		const executablePath = findChromium();
		if (!executablePath)
			throw new ServiceError(503, 'No se encontró Chromium para generar PDF. Instala el paquete «chromium» o define CHROMIUM_PATH.');
		this.#idle = [];
		this.#pages = 0;
		const browser = await puppeteer.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, pipe: true });
		this.#launches++;
		browser.on('disconnected', () => {
			if (this.#browser === browser) {
				this.#browser = null;
				this.#idle = [];
				this.#pages = 0;
			}
		});
		this.#browser = browser;
		return browser;
	}

	async close(): Promise<void> {
		const b = this.#browser;
		this.#browser = null;
		this.#idle = [];
		this.#pages = 0;
		await b?.close().catch(() => {});
	}
}

function footerHtml(text: string): string {
	const safe = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
	return `<div style="font-family:'DejaVu Sans',sans-serif;font-size:7px;color:#444;width:100%;padding:0 14mm;">${safe}
	<span style="float:right">Página <span class="pageNumber"></span> de <span class="totalPages"></span></span></div>`;
}

const KEY = Symbol.for('tablero.pdf');
type Holder = { [KEY]?: PdfEngine };

/** The process-wide engine (survives dev hot reload like the database handle). */
export function getPdfEngine(): PdfEngine {
	const holder = globalThis as Holder;
	return (holder[KEY] ??= new PdfEngine());
}
