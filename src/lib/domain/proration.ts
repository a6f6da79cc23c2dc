/**
 * Prorrateo (proration): a customer installed between two payment dates pays only for the days
 * they actually have service before their first payment date, at a daily rate of
 * monthly price ÷ divisor. From the first payment date on, they pay whole months.
 *
 * Providers differ on the divisor, on counting the installation day, on thresholds that replace the
 * proration with a full month or with nothing, and on rounding, so all of that is the
 * organisation's `ProrationPolicy`.
 */
import type { BillingDates, ProrationPolicy } from './billing-dates';
import { addDays, daysInMonth, dateParts, formatDateEs, type CivilDate } from './dates';
import { divideRounded, formatMXN, roundToPesos } from './money';

export type ChargeItemKey = 'instalacion' | 'garantia' | 'dias_gratis' | 'prorrateo' | 'mensualidad';

export interface ChargeItem {
	key: ChargeItemKey;
	label: string;
	amountCents: number;
	/** The visible arithmetic, in Spanish. */
	detail: string;
}

/** The days the monthly price is divided by to get the daily rate. */
export function divisorDays(dates: BillingDates, policy: Pick<ProrationPolicy, 'divisor'>): number {
	switch (policy.divisor) {
		case 'periodo':
			return dates.periodDays;
		case 'mes': {
			// The month the charged days start in; a window crossing into the next month keeps that rate.
			const { year, month } = dateParts(dates.prorationFrom ?? dates.installationDate);
			return daysInMonth(year, month);
		}
		case '30':
			return 30;
	}
}

export interface ProrationAmount {
	/** Before rounding and cap, already in whole centavos. */
	exactCents: number;
	amountCents: number;
	dailyRateCents: number;
	capped: boolean;
}

/**
 * Days × monthly ÷ divisor, computed on the exact fraction so "15 días × $13.33" shows $200.00 and
 * not $199.95. Never more than one monthly price: a 31-day window over a 30-day divisor is still
 * one month of service.
 */
export function prorate(monthlyPriceCents: number, days: number, divisor: number, roundPesos: boolean): ProrationAmount {
	if (!Number.isSafeInteger(monthlyPriceCents) || monthlyPriceCents < 0) {
		throw new RangeError('La mensualidad debe ser una cantidad de 0 o más, en centavos.');
	}
	if (!Number.isInteger(days) || days < 0) {
		throw new RangeError('Los días de prorrateo deben ser un número entero de 0 o más.');
	}
	const exactCents = divideRounded(monthlyPriceCents * days, divisor);
	const rounded = roundPesos ? roundToPesos(exactCents) : exactCents;
	return {
		exactCents,
		amountCents: Math.min(rounded, monthlyPriceCents),
		dailyRateCents: divideRounded(monthlyPriceCents, divisor),
		capped: rounded > monthlyPriceCents
	};
}

function range(from: CivilDate, to: CivilDate): string {
	return from === to ? formatDateEs(from) : `${formatDateEs(from)} – ${formatDateEs(to)}`;
}

/**
 * The service part of the first charge: free days (shown at $0), then the proration, a full month,
 * or nothing, as the policy says.
 *
 * Thresholds count the day of the billing period the installation falls on (day 1 = the zone's
 * payment day). In zones that charge on the 1st that is the calendar day the providers' rule speaks
 * of; in a "DÍA 28" zone it keeps the rule's intent. A free-days promotion replaces the thresholds:
 * the promised days are given and the rest is prorated.
 */
export function serviceCharge(dates: BillingDates, monthlyPriceCents: number, policy: ProrationPolicy): ChargeItem[] {
	const items: ChargeItem[] = [];
	const payment = formatDateEs(dates.firstPaymentDate);
	const day = dates.installationPeriodDay;

	if (dates.freeDaysUntil) {
		items.push({
			key: 'dias_gratis',
			label: 'Días gratis (promoción)',
			amountCents: 0,
			detail: `${policy.freeDays} días sin costo, hasta el ${formatDateEs(dates.freeDaysUntil)}.`
		});
	}
	const thresholds = policy.freeDays === 0;

	if (thresholds && policy.fullMonthUntilDay != null && day <= policy.fullMonthUntilDay) {
		items.push({
			key: 'mensualidad',
			label: 'Mensualidad completa',
			amountCents: monthlyPriceCents,
			detail: `Instalación el día ${day} del periodo; hasta el día ${policy.fullMonthUntilDay} se cobra el mes completo: ${formatMXN(monthlyPriceCents)}, hasta el ${formatDateEs(addDays(dates.firstPaymentDate, -1))}.`
		});
		return items;
	}
	if (thresholds && policy.skipFromDay != null && day >= policy.skipFromDay) {
		items.push({
			key: 'prorrateo',
			label: 'Prorrateo',
			amountCents: 0,
			detail: `Instalación el día ${day} del periodo; desde el día ${policy.skipFromDay} no se cobra ahora. La primera mensualidad completa se paga el ${payment}.`
		});
		return items;
	}
	if (dates.prorationDays === 0 || !dates.prorationFrom || !dates.prorationTo) {
		items.push({
			key: 'prorrateo',
			label: 'Prorrateo',
			amountCents: 0,
			detail: `No quedan días por cobrar antes de la fecha de pago (${payment}).`
		});
		return items;
	}

	const divisor = divisorDays(dates, policy);
	const p = prorate(monthlyPriceCents, dates.prorationDays, divisor, policy.roundToPesos);
	let detail = `${range(dates.prorationFrom, dates.prorationTo)}: ${dates.prorationDays} ${dates.prorationDays === 1 ? 'día' : 'días'} × ${formatMXN(p.dailyRateCents)} (${formatMXN(monthlyPriceCents)} ÷ ${divisor} días) = ${formatMXN(p.exactCents)}`;
	if (p.capped) {
		detail += `; se cobra como máximo una mensualidad: ${formatMXN(p.amountCents)}`;
	} else if (p.amountCents !== p.exactCents) {
		detail += `, redondeado a ${formatMXN(p.amountCents)}`;
	}
	items.push({ key: 'prorrateo', label: 'Prorrateo', amountCents: p.amountCents, detail: `${detail}.` });
	return items;
}
