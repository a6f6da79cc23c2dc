import { composeAddress } from '$lib/domain/address';
import { formatMXN } from '$lib/domain/money';
import { depositBreakdown, type FirstCharge } from '$lib/domain/billing';
import { contractValues, fillTemplate } from '$lib/domain/contract-template';
import { readSettings } from '$lib/schemas/settings';
import type { DocumentKind } from '$lib/schemas/documents';
import type { DocumentSource } from '../db/documents';
import type { AddonKinds } from '$lib/domain/addon-kinds';
import { ADDON_KINDS } from '$lib/domain/addon-kinds';
import { m } from '$lib/paraglide/messages.js';
import type { DocData, DocLocale, Field } from '$lib/types/documents';
import type { ContractTemplate } from './contract-templates';
import { addonLabel, customerFields, sheetSections } from './sheet-data';

export type { DocData, Field } from '$lib/types/documents';

/** The first charge in one line: "$548.00 (Instalación $0.00 + Prorrateo $198.00 + …)". */
function chargeText(charge: FirstCharge | null | undefined, missing: readonly string[]): string {
	if (!charge) return missing.length ? `por confirmar (falta ${missing.join(', ')})` : 'por confirmar';
	return `${formatMXN(charge.totalCents)} (${charge.items.map((i) => `${i.label} ${formatMXN(i.amountCents)}`).join(' + ')})`;
}

/** The sheet's «Primer cobro» section: one line per item of the first charge, then the total. */
function chargeFields(charge: FirstCharge | null | undefined, missing: readonly string[]): Field[] {
	if (!charge) return [['Primer cobro', chargeText(charge, missing)]];
	return [
		...charge.items.map((i): Field => [i.label, `${formatMXN(i.amountCents)} · ${i.detail}`]),
		['Total a cobrar al instalar', formatMXN(charge.totalCents)]
	];
}

export function buildDocData(
	src: DocumentSource,
	kind: DocumentKind,
	opts: {
		/** The provider's contract of the card's type (clauses, penalty); required for a contract. */
		template?: ContractTemplate | null;
		startDate?: string | null;
		endDate?: string | null;
		today: string;
		/** Documents are issued in the provider's language, Spanish unless told. */
		locale?: DocLocale;
		/** The add-on kinds to read (a test passes its own table). */
		kinds?: AddonKinds;
		/** The itemised first charge (services/billing.cardFirstCharge) and what it still lacks. */
		charge?: FirstCharge | null;
		missing?: readonly string[];
	}
): DocData {
	const locale = opts.locale ?? 'es';
	const settings = readSettings(src.orgSettings);
	const address = composeAddress({
		sm: src.addrSm,
		mz: src.addrMz,
		lt: src.addrLt,
		ext: src.addrExt,
		int: src.addrInt,
		building: src.addrBuilding,
		street: src.addrStreet,
		colonia: src.addrColonia,
		city: src.addrCity
	});
	const price = src.planPriceCents === null ? '—' : formatMXN(src.planPriceCents);
	const installationCostCents = src.installationCostCents ?? settings.installationCostCents;
	const head = { kind, provider: src.orgName, folio: src.folio, customer: src.fullName, locale };
	if (kind === 'contrato') {
		const tpl = opts.template;
		if (!tpl) throw new Error('buildDocData: a contract needs its template.');
		const kinds = opts.kinds ?? ADDON_KINDS;
		const values = contractValues({
			customerName: src.fullName,
			phone: src.phone,
			email: src.email,
			address: address || null,
			planName: src.planName,
			planPriceCents: src.planPriceCents,
			addons: src.addons.map((a) => {
				const label = addonLabel(a.kind, kinds, 'es');
				return a.planName ? `${label} (${a.planName})` : label;
			}),
			installationCostCents,
			freeInstallation: src.promotionFreeInstallation,
			firstCharge: chargeText(opts.charge, opts.missing ?? []),
			// For «indefinido» the guarantee is the part of the installation actually charged.
			depositCents:
				tpl.contractType === 'indefinido'
					? depositBreakdown({
							contractType: tpl.contractType,
							installationCostCents: src.promotionFreeInstallation ? 0 : installationCostCents,
							depositCents: settings.depositCents
						}).guaranteeCents
					: settings.depositCents,
			contractType: tpl.contractType,
			startDate: opts.startDate ?? null,
			endDate: opts.endDate ?? null,
			installationDate: src.installationDate,
			penaltyCents: tpl.penaltyCents,
			today: opts.today,
			provider: src.orgName,
			folio: src.folio
		});
		return {
			...head,
			title: fillTemplate(tpl.title, values),
			body: null,
			clauses: tpl.clauses.map((c) => ({ title: fillTemplate(c.title, values), text: fillTemplate(c.text, values) })),
			sections: [{ title: m.doc_contract_customer({}, { locale }), fields: customerFields(src, address, locale).slice(0, 5) }]
		};
	}
	return {
		...head,
		title: m.sheet_title({}, { locale }),
		body: null,
		sections: withFirstCharge(
			sheetSections(src, {
				address,
				price,
				installationCostCents,
				installationText: src.promotionFreeInstallation
					? `${formatMXN(0)} (gratis por promoción; costo normal ${formatMXN(installationCostCents)})`
					: undefined,
				locale,
				kinds: opts.kinds
			}),
			chargeFields(opts.charge, opts.missing ?? [])
		)
	};
}

/** The «Primer cobro» section goes right after the service section (what is paid at the door). */
function withFirstCharge(sections: DocData['sections'], fields: Field[]): DocData['sections'] {
	const at = Math.min(2, sections.length);
	return [...sections.slice(0, at), { title: 'Primer cobro', fields }, ...sections.slice(at)];
}

/**
 * What the customer reads on the public signing page: everything they agree to and need (their
 * Wi-Fi password included), without the provider's own connection data, which anyone holding
 * the link would otherwise see, nor the blank lines the installer fills on paper.
 */
export function customerView(doc: DocData): DocData {
	return {
		...doc,
		sections: doc.sections
			.filter((s) => !s.fill)
			.map((s) => ({ ...s, fields: s.fields.filter(([, , office]) => office !== 'office') }))
			.filter((s) => s.fields.length > 0)
	};
}
