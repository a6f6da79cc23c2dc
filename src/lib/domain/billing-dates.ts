import { addDays, clampDay, dateParts, diffDays, isCivilDate, type CivilDate } from './dates';

export type BillingMode = 'prepago' | 'pospago';

/** The billing calendar of a zone (RB). Its payment day is usually in its name: "RB3 ZONA SUR DÍA 28". */
export interface ZoneBilling {
	paymentDay: number;
	cutoffDay?: number | null;
	graceDays?: number | null;
	invoiceDay?: number | null;
	mode: BillingMode;
}

export type ProrationDivisor = 'periodo' | 'mes' | '30';

/** How an organisation charges the days before the first payment date; see proration.ts. */
export interface ProrationPolicy {
	divisor: ProrationDivisor;
	chargeInstallationDay: boolean;
	/** Installed on day 1..N of the billing period → charge the full month now. */
	fullMonthUntilDay: number | null;
	/** Installed on day ≥ N of the billing period → charge nothing now; start with the next full month. */
	skipFromDay: number | null;
	roundToPesos: boolean;
	freeDays: number;
	prontoPagoDays: number;
	/** Pronto pago as a fixed amount off the month, or as a percentage of it. */
	prontoPagoKind: ProntoPagoKind;
	prontoPagoDiscountCents: number;
	/** Whole percent of the monthly price, 0–100 (used when the kind is «porcentaje»). */
	prontoPagoPercent: number;
}

export type ProntoPagoKind = 'monto' | 'porcentaje';

export const DEFAULT_PRORATION_POLICY: Readonly<ProrationPolicy> = Object.freeze({
	divisor: 'mes',
	chargeInstallationDay: true,
	fullMonthUntilDay: null,
	skipFromDay: null,
	roundToPesos: true,
	freeDays: 0,
	prontoPagoDays: 0,
	prontoPagoKind: 'monto',
	prontoPagoDiscountCents: 0,
	prontoPagoPercent: 0
});

const isDay = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 31;
const isCount = (n: unknown, max: number): boolean => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= max;

/** Spanish problems with a zone's billing calendar; empty when it can be used. */
export function validateZoneBilling(zone: ZoneBilling): string[] {
	const errors: string[] = [];
	if (!isDay(zone.paymentDay)) errors.push('El día de pago de la zona debe ser un número del 1 al 31.');
	if (zone.cutoffDay != null && !isDay(zone.cutoffDay)) {
		errors.push('El día de corte debe ser un número del 1 al 31, o déjalo vacío y usa días de gracia.');
	}
	if (zone.graceDays != null && !isCount(zone.graceDays, 60)) {
		errors.push('Los días de gracia deben ser un número entero del 0 al 60.');
	}
	if (zone.invoiceDay != null && !isDay(zone.invoiceDay)) {
		errors.push('El día de creación de factura debe ser un número del 1 al 31, o déjalo vacío.');
	}
	if (zone.mode !== 'prepago' && zone.mode !== 'pospago') {
		errors.push('Elige si la zona es de prepago o de pospago.');
	}
	return errors;
}

/** Spanish problems with an organisation's proration settings; empty when they can be used. */
export function validateProrationPolicy(policy: ProrationPolicy): string[] {
	const errors: string[] = [];
	if (!['periodo', 'mes', '30'].includes(policy.divisor)) {
		errors.push('Elige cómo se divide la mensualidad: días del periodo, días del mes o 30 días.');
	}
	if (policy.fullMonthUntilDay != null && !isDay(policy.fullMonthUntilDay)) {
		errors.push('El día hasta el que se cobra el mes completo debe ser del 1 al 31, o déjalo vacío.');
	}
	if (policy.skipFromDay != null && !isDay(policy.skipFromDay)) {
		errors.push('El día desde el que no se cobra prorrateo debe ser del 1 al 31, o déjalo vacío.');
	}
	if (
		isDay(policy.fullMonthUntilDay) &&
		isDay(policy.skipFromDay) &&
		(policy.fullMonthUntilDay as number) >= (policy.skipFromDay as number)
	) {
		errors.push(
			`El mes completo se cobra hasta el día ${policy.fullMonthUntilDay}, que debe ser menor que el día ${policy.skipFromDay} desde el que no se cobra; ajusta uno de los dos.`
		);
	}
	if (!isCount(policy.freeDays, 365)) errors.push('Los días gratis deben ser un número entero del 0 al 365.');
	if (!isCount(policy.prontoPagoDays, 31)) {
		errors.push('Los días de pronto pago deben ser un número entero del 0 al 31.');
	}
	if (policy.prontoPagoKind !== 'monto' && policy.prontoPagoKind !== 'porcentaje') {
		errors.push('Elige si el descuento por pronto pago es un monto o un porcentaje.');
	}
	if (!Number.isSafeInteger(policy.prontoPagoDiscountCents) || policy.prontoPagoDiscountCents < 0) {
		errors.push('El descuento por pronto pago debe ser una cantidad de 0 o más.');
	}
	if (!isCount(policy.prontoPagoPercent, 100)) {
		errors.push('El porcentaje de pronto pago debe ser un número entero del 0 al 100.');
	}
	return errors;
}

function monthOffset(date: CivilDate, months: number, day: number): CivilDate {
	const { year, month } = dateParts(date);
	const index = year * 12 + (month - 1) + months;
	return clampDay(Math.floor(index / 12), (index % 12) + 1, day);
}

/** First date strictly after `date` that falls on the payment day (the month's last day when shorter). */
export function paymentDateAfter(date: CivilDate, paymentDay: number): CivilDate {
	const candidate = monthOffset(date, 0, paymentDay);
	return candidate > date ? candidate : monthOffset(date, 1, paymentDay);
}

/** Last date on or before `date` that falls on the payment day: where `date`'s billing period started. */
export function paymentDateOnOrBefore(date: CivilDate, paymentDay: number): CivilDate {
	const candidate = monthOffset(date, 0, paymentDay);
	return candidate <= date ? candidate : monthOffset(date, -1, paymentDay);
}

export interface BillingDatesInput {
	registrationDate: CivilDate;
	installationDate: CivilDate;
	zone: ZoneBilling;
	policy: ProrationPolicy;
}

export interface BillingDates {
	registrationDate: CivilDate;
	installationDate: CivilDate;
	mode: BillingMode;
	paymentDay: number;
	/** Always strictly after the installation and after any free days. */
	firstPaymentDate: CivilDate;
	cutoffDate: CivilDate;
	invoiceDate: CivilDate | null;
	freeDaysUntil: CivilDate | null;
	prontoPagoDeadline: CivilDate | null;
	/** Day of the billing period the installation falls on (1 = the payment day); thresholds use it. */
	installationPeriodDay: number;
	/** The billing period that ends the day before the first payment date. */
	periodStart: CivilDate;
	periodDays: number;
	/** Null when no day is left to prorate (both null together). */
	prorationFrom: CivilDate | null;
	prorationTo: CivilDate | null;
	prorationDays: number;
}

/**
 * The dates shown on the card (process 4, step 2).
 *
 * Installed ON the payment day: the first payment date is next month's, and the installation day
 * opens a full billing period that the first charge covers. So the payment date is always strictly
 * after the installation, and a customer is never asked for a month on the day they got no service yet.
 *
 * Free days (a promotion) come right after the installation and push the first payment date past
 * their end, so the promised days are never cut short by the zone's calendar.
 */
export function billingDates(input: BillingDatesInput): BillingDates {
	const { registrationDate, installationDate, zone, policy } = input;
	if (!isCivilDate(registrationDate)) {
		throw new RangeError(`La fecha de registro «${registrationDate}» no es válida; usa AAAA-MM-DD.`);
	}
	if (!isCivilDate(installationDate)) {
		throw new RangeError(`La fecha de instalación «${installationDate}» no es válida; usa AAAA-MM-DD.`);
	}
	const errors = [...validateZoneBilling(zone), ...validateProrationPolicy(policy)];
	if (errors.length > 0) throw new RangeError(errors.join(' '));

	const { paymentDay } = zone;
	const firstChargedDay = policy.chargeInstallationDay ? installationDate : addDays(installationDate, 1);
	const freeDaysUntil = policy.freeDays > 0 ? addDays(firstChargedDay, policy.freeDays - 1) : null;
	const firstPaymentDate = paymentDateAfter(freeDaysUntil ?? installationDate, paymentDay);

	const periodStart = paymentDateOnOrBefore(addDays(firstPaymentDate, -1), paymentDay);
	const installationPeriodDay = diffDays(paymentDateOnOrBefore(installationDate, paymentDay), installationDate) + 1;

	const prorationStart = freeDaysUntil ? addDays(freeDaysUntil, 1) : firstChargedDay;
	const prorationDays = diffDays(prorationStart, firstPaymentDate);

	return {
		registrationDate,
		installationDate,
		mode: zone.mode,
		paymentDay,
		firstPaymentDate,
		cutoffDate: cutoffDate(firstPaymentDate, zone),
		invoiceDate: invoiceDate(firstPaymentDate, installationDate, zone),
		freeDaysUntil,
		prontoPagoDeadline: prontoPagoDeadline(firstPaymentDate, installationDate, policy.prontoPagoDays),
		installationPeriodDay,
		periodStart,
		periodDays: diffDays(periodStart, firstPaymentDate),
		prorationFrom: prorationDays > 0 ? prorationStart : null,
		prorationTo: prorationDays > 0 ? addDays(firstPaymentDate, -1) : null,
		prorationDays
	};
}

/**
 * A cut-off day at or after the payment day falls in the payment's month, an earlier one in the
 * next month (pay on the 28th, cut on the 5th). Without a cut-off day, grace days count from the
 * payment date; with neither, service is cut on the payment date itself.
 */
function cutoffDate(paymentDate: CivilDate, zone: ZoneBilling): CivilDate {
	if (zone.cutoffDay != null) {
		return monthOffset(paymentDate, zone.cutoffDay >= zone.paymentDay ? 0 : 1, zone.cutoffDay);
	}
	return addDays(paymentDate, zone.graceDays ?? 0);
}

/**
 * The invoice for the first payment is created on the invoice day before it; when that day has
 * already passed at installation, the invoice is created on the installation day.
 */
function invoiceDate(paymentDate: CivilDate, installationDate: CivilDate, zone: ZoneBilling): CivilDate | null {
	if (zone.invoiceDay == null) return null;
	const date = monthOffset(paymentDate, zone.invoiceDay <= zone.paymentDay ? 0 : -1, zone.invoiceDay);
	return date < installationDate ? installationDate : date;
}

/** Null when there is no pronto pago, or when the first payment is too close to the installation for it. */
function prontoPagoDeadline(paymentDate: CivilDate, installationDate: CivilDate, days: number): CivilDate | null {
	if (days <= 0) return null;
	const deadline = addDays(paymentDate, -days);
	return deadline < installationDate ? null : deadline;
}
