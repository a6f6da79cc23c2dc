/**
 * Money at the call (process 3, steps 4 and 8) and the first charge shown on the card
 * (process 4, step 2). The calendar lives in billing-dates.ts, the prorrateo in proration.ts.
 */
import type { BillingDates, ProrationPolicy } from './billing-dates';
import { coded, codedDate, type Coded } from './coded';
import { addMonths, formatDateEs, isCivilDate, type CivilDate } from './dates';
import { formatMXN } from './money';
import { prontoPagoDiscount, serviceCharge, type ChargeItem } from './proration';

export * from './billing-dates';
export * from './proration';

export type ContractType = '12_meses' | 'indefinido';

export interface FirstChargeInput {
	dates: BillingDates;
	monthlyPriceCents: number;
	installationCostCents: number;
	depositCents: number;
	promotionFreeInstallation: boolean;
	contractType: ContractType | null;
	policy: ProrationPolicy;
}

export interface FirstCharge {
	items: ChargeItem[];
	totalCents: number;
	/** Things the agent should say that are not charged now (pronto pago, pospago, missing contract type). */
	notes: string[];
	/** The same notes as codes, for the screen in the reader's language (`notes` stays Spanish for documents). */
	saidNotes: Coded[];
}

function assertAmount(cents: number, what: string): void {
	if (!Number.isSafeInteger(cents) || cents < 0) {
		throw new RangeError(`${what} debe ser una cantidad de 0 o más, en centavos.`);
	}
}

/**
 * THE itemised first charge (installation, deposit, free days, prorated first month or full month),
 * the one computation the card, the call script, the installation sheet and the contract read
 * (services/billing.ts `cardFirstCharge` feeds it a card's inputs).
 *
 * The promotion frees the installation only; a 12-month deposit is still charged because it is
 * refundable and not part of the installation. An org that also waives it passes depositCents 0.
 */
export function firstCharge(input: FirstChargeInput): FirstCharge {
	const { dates, monthlyPriceCents, installationCostCents, depositCents, contractType, policy } = input;
	assertAmount(monthlyPriceCents, 'La mensualidad');
	assertAmount(installationCostCents, 'El costo de instalación');
	assertAmount(depositCents, 'El depósito en garantía');

	const items: ChargeItem[] = [];
	const notes: string[] = [];
	const saidNotes: Coded[] = [];
	const installationCharged = input.promotionFreeInstallation ? 0 : installationCostCents;

	items.push(
		input.promotionFreeInstallation
			? {
					key: 'instalacion',
					label: 'Instalación gratis (promoción)',
					amountCents: 0,
					detail: `Costo normal ${formatMXN(installationCostCents)}; gratis al pagar la primera mensualidad.`,
					said: {
						label: coded('billing.item_installation_free'),
						detail: coded('billing.item_installation_free_detail', { cost: formatMXN(installationCostCents) })
					}
				}
			: {
					key: 'instalacion',
					label: 'Instalación',
					amountCents: installationCostCents,
					detail: `Costo de instalación: ${formatMXN(installationCostCents)}.`,
					said: {
						label: coded('billing.item_installation'),
						detail: coded('billing.item_installation_detail', { cost: formatMXN(installationCostCents) })
					}
				}
	);

	if (contractType === '12_meses') {
		items.push({
			key: 'garantia',
			label: 'Depósito en garantía',
			amountCents: depositCents,
			detail: `Contrato a 12 meses: ${formatMXN(depositCents)} aparte de la instalación; se devuelve al cumplir las condiciones.`,
			said: {
				label: coded('billing.item_deposit'),
				detail: coded('billing.item_deposit_detail', { amount: formatMXN(depositCents) })
			}
		});
	} else if (contractType === 'indefinido') {
		const breakdown = depositBreakdown({
			contractType,
			installationCostCents: installationCharged,
			depositCents
		});
		items.push({
			key: 'garantia',
			label: 'Garantía incluida en la instalación',
			amountCents: 0,
			detail:
				breakdown.guaranteeCents > 0
					? `Contrato indefinido: ${formatMXN(breakdown.guaranteeCents)} de los ${formatMXN(installationCharged)} de instalación se consideran garantía en caso de cancelación.`
					: 'Contrato indefinido con instalación gratis: no queda monto en garantía.',
			said: {
				label: coded('billing.item_guarantee_included'),
				detail:
					breakdown.guaranteeCents > 0
						? coded('billing.item_guarantee_included_detail', {
								guarantee: formatMXN(breakdown.guaranteeCents),
								installation: formatMXN(installationCharged)
							})
						: coded('billing.item_guarantee_none_detail')
			}
		});
	} else {
		notes.push('Falta elegir el tipo de contrato (12 meses o indefinido) para saber cuánto es de garantía.');
		saidNotes.push(coded('billing.note_missing_contract'));
	}

	items.push(...serviceCharge(dates, monthlyPriceCents, policy));

	const discount = prontoPagoDiscount(policy, monthlyPriceCents);
	if (dates.prontoPagoDeadline && discount > 0) {
		const how = policy.prontoPagoKind === 'porcentaje' ? `el ${policy.prontoPagoPercent} % (${formatMXN(discount)})` : formatMXN(discount);
		notes.push(
			`Pronto pago: si paga la mensualidad del ${formatDateEs(dates.firstPaymentDate)} a más tardar el ${formatDateEs(dates.prontoPagoDeadline)} (${policy.prontoPagoDays} días antes), se le descuenta ${how}.`
		);
		saidNotes.push(
			coded('billing.note_pronto_pago', {
				payment: codedDate(dates.firstPaymentDate),
				deadline: codedDate(dates.prontoPagoDeadline),
				days: policy.prontoPagoDays,
				how:
					policy.prontoPagoKind === 'porcentaje'
						? coded('billing.pronto_pago_percent', { percent: policy.prontoPagoPercent, amount: formatMXN(discount) })
						: formatMXN(discount)
			})
		);
	}
	if (dates.mode === 'pospago') {
		notes.push(`Zona de pospago: el servicio se cobra en la factura con fecha de pago ${formatDateEs(dates.firstPaymentDate)}.`);
		saidNotes.push(coded('billing.note_pospago', { date: codedDate(dates.firstPaymentDate) }));
	}

	return { items, totalCents: items.reduce((sum, item) => sum + item.amountCents, 0), notes, saidNotes };
}

export interface DepositBreakdown {
	contractType: ContractType | null;
	/** What the customer pays now for installation and guarantee together. */
	payNowCents: number;
	installationCents: number;
	guaranteeCents: number;
	/** The sentence the agent reads (process 3, step 8), in Spanish for documents. */
	sentence: string;
	/** The same sentence as a code, for the screen in the reader's language. */
	said: Coded;
}

/**
 * 12 meses: installation + a separate deposit. Indefinido: only the installation cost, of which the
 * deposit amount counts as guarantee (never more than the installation itself).
 */
export function depositBreakdown(input: {
	contractType: ContractType | null;
	installationCostCents: number;
	depositCents: number;
}): DepositBreakdown {
	const { contractType, installationCostCents, depositCents } = input;
	assertAmount(installationCostCents, 'El costo de instalación');
	assertAmount(depositCents, 'El depósito en garantía');

	if (contractType === '12_meses') {
		const payNowCents = installationCostCents + depositCents;
		return {
			contractType,
			payNowCents,
			installationCents: installationCostCents,
			guaranteeCents: depositCents,
			sentence: `El cliente paga ${formatMXN(payNowCents)} (${formatMXN(installationCostCents)} de instalación + ${formatMXN(depositCents)} de garantía).`,
			said: coded('billing.deposit_12', {
				total: formatMXN(payNowCents),
				installation: formatMXN(installationCostCents),
				deposit: formatMXN(depositCents)
			})
		};
	}
	if (contractType === 'indefinido') {
		const guaranteeCents = Math.min(depositCents, installationCostCents);
		return {
			contractType,
			payNowCents: installationCostCents,
			installationCents: installationCostCents - guaranteeCents,
			guaranteeCents,
			sentence:
				guaranteeCents > 0
					? `El cliente paga ${formatMXN(installationCostCents)} de instalación; ${formatMXN(guaranteeCents)} se considera garantía en caso de cancelación.`
					: `El cliente paga ${formatMXN(installationCostCents)} de instalación; no queda monto en garantía.`,
			said:
				guaranteeCents > 0
					? coded('billing.deposit_open', { installation: formatMXN(installationCostCents), guarantee: formatMXN(guaranteeCents) })
					: coded('billing.deposit_open_none', { installation: formatMXN(installationCostCents) })
		};
	}
	return {
		contractType: null,
		payNowCents: installationCostCents,
		installationCents: installationCostCents,
		guaranteeCents: 0,
		sentence: 'Elige el tipo de contrato (12 meses o indefinido) para explicar el depósito en garantía.',
		said: coded('billing.deposit_choose')
	};
}

/** What the customer must do to get the deposit back (process 3, step 8): a checklist on cancellation. */
export const REFUND_CONDITIONS = Object.freeze([
	{ key: 'ultima_factura_pagada', label: 'Tener su última factura pagada', code: 'refund.cond_ultima_factura_pagada' },
	{ key: 'penalizacion_pagada', label: 'Pagar la penalización si tiene contrato', code: 'refund.cond_penalizacion_pagada' },
	{ key: 'equipo_devuelto', label: 'Entregar módem y eliminador', code: 'refund.cond_equipo_devuelto' },
	{ key: 'garantia_anexada', label: 'Tener el servicio de garantía anexado en el sistema', code: 'refund.cond_garantia_anexada' }
] as const);

export type RefundConditionKey = (typeof REFUND_CONDITIONS)[number]['key'];

export interface Installment {
	number: number;
	label: string;
	said: Coded;
	date: CivilDate;
	amountCents: number;
}

/**
 * "Promoción 3 meses" / "Pago en 3 mensualidades": equal monthly parts that add up to the price
 * exactly. Leftover centavos go to the first payments, so later ones are never larger.
 */
export function installmentSchedule(input: { priceCents: number; installments: number; startDate: CivilDate }): Installment[] {
	const { priceCents, installments, startDate } = input;
	assertAmount(priceCents, 'El precio');
	if (!Number.isInteger(installments) || installments < 1 || installments > 60) {
		throw new RangeError('El número de mensualidades debe ser un entero del 1 al 60.');
	}
	if (!isCivilDate(startDate)) {
		throw new RangeError(`La fecha del primer pago «${startDate}» no es válida; usa AAAA-MM-DD.`);
	}
	const base = Math.floor(priceCents / installments);
	const remainder = priceCents % installments;
	return Array.from({ length: installments }, (_, i) => ({
		number: i + 1,
		label: `Mensualidad ${i + 1} de ${installments}`,
		said: coded('billing.installment', { n: i + 1, total: installments }),
		date: addMonths(startDate, i),
		amountCents: base + (i < remainder ? 1 : 0)
	}));
}
