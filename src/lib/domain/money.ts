/**
 * Money is always an integer number of centavos (MXN), so sums are exact; pesos exist only in
 * what people read and type.
 */

export type MoneyParseResult = { ok: true; cents: number } | { ok: false; error: string };

const MXN = new Intl.NumberFormat('es-MX', {
	style: 'currency',
	currency: 'MXN',
	minimumFractionDigits: 2,
	maximumFractionDigits: 2
});

function assertCents(cents: number): void {
	if (!Number.isSafeInteger(cents)) {
		throw new RangeError(`${cents} no es una cantidad en centavos; las cantidades deben ser enteras.`);
	}
}

/** "$1,234.50" (es-MX). */
export function formatMXN(cents: number): string {
	assertCents(cents);
	return MXN.format(cents / 100);
}

/** "1234.50": what goes back into an input for editing, with no symbol or thousands separator. */
export function formatPesosForInput(cents: number): string {
	assertCents(cents);
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Half up to whole pesos, as a cashier would. */
export function roundToPesos(cents: number): number {
	assertCents(cents);
	const sign = cents < 0 ? -1 : 1;
	return sign * Math.floor((Math.abs(cents) + 50) / 100) * 100;
}

/**
 * Exact `numerator / denominator` rounded half up, for integer money arithmetic such as
 * "monthly price × days / divisor" without floating-point drift.
 */
export function divideRounded(numerator: number, denominator: number): number {
	if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
		throw new RangeError('La división de montos necesita enteros y un divisor positivo.');
	}
	const sign = numerator < 0 ? -1 : 1;
	return sign * Math.floor((2 * Math.abs(numerator) + denominator) / (2 * denominator));
}

// Mexican usage: comma for thousands (in groups of three), dot for centavos.
const AMOUNT_RE = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{0,2}))?$/;

/** Reads an amount typed in pesos ("1,234.50", "$1234", "1234 MXN") into centavos. */
export function parsePesos(text: string): MoneyParseResult {
	const compact = text
		.trim()
		.replace(/^mxn\s*|\s*mxn$/i, '')
		.replace(/\s+/g, '')
		.replace(/^\$/, '');
	if (compact === '') {
		return { ok: false, error: 'Escribe una cantidad en pesos, por ejemplo 1,234.50.' };
	}
	if (compact.startsWith('-')) {
		return { ok: false, error: 'La cantidad no puede ser negativa; escribe un monto de 0 o más.' };
	}
	const match = AMOUNT_RE.exec(compact);
	if (!match) {
		if (/^\d[\d.,]*$/.test(compact) && /,\d{1,2}$/.test(compact)) {
			return {
				ok: false,
				error: `Usa punto para los centavos y coma para los miles, por ejemplo 1,234.50 (se escribió «${text.trim()}»).`
			};
		}
		if (/^\d+(?:,\d{3})*\.\d{3,}$/.test(compact)) {
			return { ok: false, error: 'Escribe como máximo dos decimales (centavos), por ejemplo 199.90.' };
		}
		return {
			ok: false,
			error: `«${text.trim()}» no es una cantidad válida. Escribe solo números, por ejemplo 1,234.50.`
		};
	}
	const pesos = Number(match[1].replace(/,/g, ''));
	const centavos = Number((match[2] ?? '').padEnd(2, '0'));
	const cents = pesos * 100 + centavos;
	if (!Number.isSafeInteger(cents)) {
		return { ok: false, error: 'La cantidad es demasiado grande; revisa el monto.' };
	}
	return { ok: true, cents };
}
