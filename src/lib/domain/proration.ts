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
import { coded, codedDate, codedMonth, type Coded, type CodedParam } from './coded';

export type ChargeItemKey = 'instalacion' | 'garantia' | 'dias_gratis' | 'prorrateo' | 'mensualidad';

export interface ChargeItem {
	key: ChargeItemKey;
	label: string;
	amountCents: number;
	/** The visible arithmetic, in Spanish. */
	detail: string;
	/** Label and detail as codes, for the screen in the reader's language (the Spanish above is for documents). */
	said: { label: Coded; detail: Coded };
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

const saidRange = (from: CivilDate, to: CivilDate): Coded =>
	from === to ? codedDate(from) : coded('billing.range', { from: codedDate(from), to: codedDate(to) });

const MONTHS = [
	'enero',
	'febrero',
	'marzo',
	'abril',
	'mayo',
	'junio',
	'julio',
	'agosto',
	'septiembre',
	'octubre',
	'noviembre',
	'diciembre'
];

/** Which divisor rule applied, in words: "30", "31 (días de julio)", "30 (días del periodo 1 jun – 30 jun 2026)". */
function divisorText(dates: BillingDates, policy: ProrationPolicy, divisor: number): string {
	if (policy.divisor === '30') return '30';
	if (policy.divisor === 'mes') {
		const { month } = dateParts(dates.prorationFrom ?? dates.installationDate);
		return `${divisor} (días de ${MONTHS[month - 1]})`;
	}
	return `${divisor} (días del periodo ${range(dates.periodStart, addDays(dates.firstPaymentDate, -1))})`;
}

function saidDivisor(dates: BillingDates, policy: ProrationPolicy, divisor: number): CodedParam {
	if (policy.divisor === '30') return '30';
	if (policy.divisor === 'mes') {
		const { month } = dateParts(dates.prorationFrom ?? dates.installationDate);
		return coded('billing.divisor_month', { n: divisor, month: codedMonth(month) });
	}
	return coded('billing.divisor_period', { n: divisor, range: saidRange(dates.periodStart, addDays(dates.firstPaymentDate, -1)) });
}

/**
 * "Instalada el día 3": in zones that charge on the 1st the period's day is the calendar day the
 * providers' rule speaks of; elsewhere it is said to be the period's day.
 */
function installedOn(dates: BillingDates): string {
	return `Instalada el día ${dates.installationPeriodDay}${dates.paymentDay === 1 ? '' : ' del periodo'}`;
}

const saidInstalledOn = (dates: BillingDates): Coded =>
	coded(dates.paymentDay === 1 ? 'billing.installed_on' : 'billing.installed_on_period', { day: dates.installationPeriodDay });

/** The pronto pago discount on one monthly price: a fixed amount (never more than the month) or a percentage of it. */
export function prontoPagoDiscount(policy: ProrationPolicy, monthlyPriceCents: number): number {
	if (policy.prontoPagoKind === 'porcentaje') return divideRounded(monthlyPriceCents * policy.prontoPagoPercent, 100);
	return Math.min(policy.prontoPagoDiscountCents, monthlyPriceCents);
}

/**
 * The service part of the first charge: free days (shown at $0), then the proration, a full month,
 * or nothing, as the policy says. Each item's detail shows the rule that applied and its arithmetic.
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
			detail: `${policy.freeDays} días sin costo, hasta el ${formatDateEs(dates.freeDaysUntil)}.`,
			said: {
				label: coded('billing.item_free_days'),
				detail: coded('billing.item_free_days_detail', { days: policy.freeDays, until: codedDate(dates.freeDaysUntil) })
			}
		});
	}
	const thresholds = policy.freeDays === 0;

	if (thresholds && policy.fullMonthUntilDay != null && day <= policy.fullMonthUntilDay) {
		const days = policy.fullMonthUntilDay === 1 ? 'día 1' : `días 1–${policy.fullMonthUntilDay}`;
		items.push({
			key: 'mensualidad',
			label: 'Mensualidad completa',
			amountCents: monthlyPriceCents,
			detail: `${installedOn(dates)} (${days}): mes completo, ${formatMXN(monthlyPriceCents)}, hasta el ${formatDateEs(addDays(dates.firstPaymentDate, -1))}.`,
			said: {
				label: coded('billing.item_full_month'),
				detail: coded('billing.item_full_month_detail', {
					installed: saidInstalledOn(dates),
					days:
						policy.fullMonthUntilDay === 1 ? coded('billing.days_first') : coded('billing.days_upto', { day: policy.fullMonthUntilDay }),
					amount: formatMXN(monthlyPriceCents),
					until: codedDate(addDays(dates.firstPaymentDate, -1))
				})
			}
		});
		return items;
	}
	if (thresholds && policy.skipFromDay != null && day >= policy.skipFromDay) {
		items.push({
			key: 'prorrateo',
			label: 'Prorrateo',
			amountCents: 0,
			detail: `${installedOn(dates)} (día ${policy.skipFromDay} en adelante): nada ahora; la primera mensualidad completa se paga el ${payment}.`,
			said: {
				label: coded('billing.item_proration'),
				detail: coded('billing.item_proration_skip_detail', {
					installed: saidInstalledOn(dates),
					day: policy.skipFromDay,
					payment: codedDate(dates.firstPaymentDate)
				})
			}
		});
		return items;
	}
	if (dates.prorationDays === 0 || !dates.prorationFrom || !dates.prorationTo) {
		items.push({
			key: 'prorrateo',
			label: 'Prorrateo',
			amountCents: 0,
			detail: `No quedan días por cobrar antes de la fecha de pago (${payment}).`,
			said: {
				label: coded('billing.item_proration'),
				detail: coded('billing.item_proration_none_detail', { payment: codedDate(dates.firstPaymentDate) })
			}
		});
		return items;
	}

	const divisor = divisorDays(dates, policy);
	const p = prorate(monthlyPriceCents, dates.prorationDays, divisor, policy.roundToPesos);
	const days = `${dates.prorationDays} ${dates.prorationDays === 1 ? 'día' : 'días'}`;
	const installationDay = dates.freeDaysUntil
		? ''
		: policy.chargeInstallationDay
			? ' (con el día de instalación)'
			: ' (sin el día de instalación)';
	let detail = `${range(dates.prorationFrom, dates.prorationTo)}: ${days}${installationDay} × ${formatMXN(monthlyPriceCents)} ÷ ${divisorText(dates, policy, divisor)} = ${formatMXN(p.exactCents)}`;
	if (p.capped) {
		detail += `; se cobra como máximo una mensualidad: ${formatMXN(p.amountCents)}`;
	} else if (p.amountCents !== p.exactCents) {
		detail += ` → ${formatMXN(p.amountCents)} (redondeo a pesos enteros)`;
	}
	const said = coded('billing.proration_detail', {
		range: saidRange(dates.prorationFrom, dates.prorationTo),
		days: coded(dates.prorationDays === 1 ? 'billing.days_one' : 'billing.days_many', { n: dates.prorationDays }),
		installationDay: dates.freeDaysUntil
			? ''
			: coded(policy.chargeInstallationDay ? 'billing.with_installation_day' : 'billing.without_installation_day'),
		monthly: formatMXN(monthlyPriceCents),
		divisor: saidDivisor(dates, policy, divisor),
		exact: formatMXN(p.exactCents),
		tail: p.capped
			? coded('billing.proration_capped', { amount: formatMXN(p.amountCents) })
			: p.amountCents !== p.exactCents
				? coded('billing.proration_rounded', { amount: formatMXN(p.amountCents) })
				: ''
	});
	items.push({
		key: 'prorrateo',
		label: 'Prorrateo',
		amountCents: p.amountCents,
		detail: `${detail}.`,
		said: { label: coded('billing.item_proration'), detail: said }
	});
	return items;
}
