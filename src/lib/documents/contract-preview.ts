import { contractValues, fillTemplate, type Clause, type ContractType } from '$lib/domain/contract-template';
import type { DocData } from '$lib/types/documents';

/** The sample card the contract editor previews with: every variable gets a realistic value. */
export const SAMPLE_CARD = {
	customerName: 'María Guadalupe López Canul',
	phone: '9981234567',
	email: 'maria.lopez@correo.mx',
	address: 'SM 12, MZ 3, LT 4, #10, Calle Palmas, Fracc Las Palmas, Cancún',
	planName: 'Intermedio 120 Mbps',
	planPriceCents: 45_000,
	addons: ['Telefonía (Renta telefónica 300 minutos)', 'Televisión (Paquete hasta 60 canales)'],
	installationCostCents: 120_000,
	depositCents: 50_000,
	startDate: null,
	endDate: null,
	installationDate: '2026-12-04',
	today: '2026-12-04',
	folio: 43
} as const;

/** The contract as the sample customer would receive it, built like the real one (same fill, same component). */
export function previewContract(
	t: { contractType: ContractType; title: string; clauses: Clause[]; penaltyCents: number },
	provider: string
): DocData {
	const values = contractValues({
		...SAMPLE_CARD,
		addons: [...SAMPLE_CARD.addons],
		contractType: t.contractType,
		penaltyCents: t.penaltyCents,
		provider
	});
	return {
		kind: 'contrato',
		title: fillTemplate(t.title, values),
		provider,
		folio: SAMPLE_CARD.folio,
		customer: SAMPLE_CARD.customerName,
		locale: 'es',
		body: null,
		clauses: t.clauses.map((c) => ({ title: fillTemplate(c.title, values), text: fillTemplate(c.text, values) })),
		sections: []
	};
}
