import { m } from '$lib/paraglide/messages.js';

const LABELS: Record<string, () => string> = {
	ine_frontal: () => m.docs_cat_ine_frontal(),
	ine_atras: () => m.docs_cat_ine_atras(),
	comprobante_domicilio: () => m.docs_cat_comprobante_domicilio(),
	confirmacion_12_meses: () => m.docs_cat_confirmacion_12_meses(),
	foto_instalacion: () => m.docs_cat_foto_instalacion(),
	otro: () => m.docs_cat_otro(),
	contrato_pdf: () => m.docs_contract(),
	hoja_instalacion_pdf: () => m.docs_sheet()
};

export const categoryLabel = (c: string) => LABELS[c]?.() ?? c;
