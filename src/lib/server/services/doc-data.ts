import { composeAddress } from '$lib/domain/address';
import { formatMXN } from '$lib/domain/money';
import { formatDateEs, isCivilDate } from '$lib/domain/dates';
import { readSettings } from '$lib/schemas/settings';
import type { DocumentKind } from '$lib/schemas/documents';
import type { DocumentSource } from '../db/documents';
import { ADDON_KINDS, addonKind, type AddonField, type AddonKinds } from '$lib/domain/addon-kinds';
import type { DocData, Field } from '$lib/types/documents';

export type { DocData, Field } from '$lib/types/documents';

export const DEFAULT_CONTRACT: Record<'12_meses' | 'indefinido', { title: string; body: string }> = {
	'12_meses': {
		title: 'Contrato de prestación de servicio de internet (12 meses)',
		body: `En {fecha}, {proveedor} y {cliente}, con domicilio en {direccion}, acuerdan la prestación del servicio de internet con el plan {plan} por {precio} al mes.

El contrato tiene una duración forzosa de 12 meses, del {fecha_inicio} al {fecha_fin}. El cliente no podrá cancelar antes de ese plazo sin pagar la penalización correspondiente.

El cliente entrega un depósito en garantía de {deposito}, que se devuelve al terminar el contrato si tiene su última factura pagada, entrega el módem y el eliminador, y el servicio de garantía está anexado en el sistema.`
	},
	indefinido: {
		title: 'Contrato de prestación de servicio de internet (plazo indefinido)',
		body: `En {fecha}, {proveedor} y {cliente}, con domicilio en {direccion}, acuerdan la prestación del servicio de internet con el plan {plan} por {precio} al mes, por tiempo indefinido a partir del {fecha_inicio}.

Del costo de instalación, {deposito} se considera garantía en caso de cancelación. Para su devolución el cliente debe tener su última factura pagada, entregar el módem y el eliminador y tener el servicio de garantía anexado en el sistema.`
	}
};

const yesNo = (v: boolean | null, yes: string, no: string) => (v === null ? 'Sin confirmar' : v ? yes : no);
const date = (d: string | null | undefined) => (d && isCivilDate(d) ? formatDateEs(d) : '—');

/** Replaces {placeholders} with plain-text values; unknown ones stay visible so admins notice. */
export function fillTemplate(body: string, values: Record<string, string>): string {
	return body.replace(/\{([a-z_]+)\}/g, (whole, key: string) => (key in values ? values[key] : whole));
}

/** How a field of an add-on reads on the sheet. */
const SHEET_VALUE: Partial<Record<AddonField, (value: string) => string>> = {
	phoneNumber: (v) => `Número ${v}`
};

/** One line per add-on: its kind, its plan and the fields its kind puts on the sheet; its IP for the office only. */
function addonFields(list: DocumentSource['addons'], kinds: AddonKinds): Field[] {
	return list.flatMap((a): Field[] => {
		const kind = addonKind(a.kind, kinds);
		const label = kind?.label ?? a.kind;
		const values = (kind?.sheet ?? []).map((f) => {
			const value = a[f];
			return value ? (SHEET_VALUE[f]?.(value) ?? value) : null;
		});
		const shown: Field = [label, [a.planName, ...values].filter(Boolean).join(' · ') || '—'];
		return a.ip ? [shown, [`${label} · IP`, a.ip, 'office']] : [shown];
	});
}

export function buildDocData(
	src: DocumentSource,
	kind: DocumentKind,
	opts: {
		template?: { title: string; body: string } | null;
		startDate?: string | null;
		endDate?: string | null;
		today: string;
		/** The add-on kinds to read (a test passes its own table). */
		kinds?: AddonKinds;
		/** The sheet's amount to collect at the door; null while zone, date or plan is missing. */
		charge?: { items: { label: string; amountCents: number }[]; totalCents: number } | null;
	}
): DocData {
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
	const contractLabel = src.contractType === '12_meses' ? '12 meses' : src.contractType === 'indefinido' ? 'Indefinido' : '—';
	const coords = src.lat !== null && src.lng !== null ? `${src.lat.toFixed(6)}, ${src.lng.toFixed(6)}` : '—';
	const customer: Field[] = [
		['Cliente', src.fullName],
		['Teléfono', src.phone ?? '—'],
		['Teléfono adicional', src.phoneAlt ?? '—'],
		['Correo', src.email ?? '—'],
		['Dirección', address || '—'],
		['Coordenadas', coords],
		['Casa', src.houseOwnership === 'propia' ? 'Propia' : src.houseOwnership === 'rentada' ? 'Rentada' : '—']
	];
	if (kind === 'contrato') {
		const type = src.contractType ?? 'indefinido';
		const tpl = opts.template ?? DEFAULT_CONTRACT[type];
		const values: Record<string, string> = {
			cliente: src.fullName,
			direccion: address || '—',
			telefono: src.phone ?? '—',
			correo: src.email ?? '—',
			plan: src.planName ?? '—',
			precio: price,
			deposito: formatMXN(settings.depositCents),
			costo_instalacion: formatMXN(src.installationCostCents ?? settings.installationCostCents),
			tipo_contrato: contractLabel,
			fecha_inicio: date(opts.startDate),
			fecha_fin: date(opts.endDate),
			proveedor: src.orgName,
			folio: String(src.folio),
			fecha: date(opts.today)
		};
		return {
			kind,
			title: tpl.title,
			provider: src.orgName,
			folio: src.folio,
			customer: src.fullName,
			body: fillTemplate(tpl.body, values),
			sections: [{ title: 'Datos del cliente', fields: customer.slice(0, 5) }]
		};
	}
	const addons = addonFields(src.addons, opts.kinds ?? ADDON_KINDS);
	const special: Field[] = [
		['Acceso a azotea', yesNo(src.rooftopAccess, src.rooftopKey ? `Sí (llave: ${src.rooftopKey})` : 'Sí', 'No')],
		['Cruce de fibra', yesNo(src.fiberCrossing, src.fiberCrossingNote ? `Sí: ${src.fiberCrossingNote}` : 'Sí (con costo)', 'No')],
		['Módem cerca de una toma de corriente', yesNo(src.modemNearOutlet, 'Sí', 'No')],
		['Comentarios', src.comments || '—']
	];
	return {
		kind,
		title: 'Hoja de instalación',
		provider: src.orgName,
		folio: src.folio,
		customer: src.fullName,
		body: null,
		sections: [
			{ title: 'Cliente', fields: customer },
			{
				title: 'Servicio',
				fields: [
					['Zona (RB)', src.zoneName ?? '—'],
					['Tipo de servicio', src.serviceType === 'fibra' ? 'Fibra óptica' : src.serviceType === 'inalambrico' ? 'Inalámbrico' : '—'],
					['Plan', src.planName ? `${src.planName} · ${price} al mes` : '—'],
					['Contrato', contractLabel],
					['Costo de instalación', formatMXN(src.installationCostCents ?? settings.installationCostCents)]
				]
			},
			{
				title: 'Cobro al instalar',
				fields: opts.charge
					? [
							...opts.charge.items.map((i): Field => [i.label, formatMXN(i.amountCents)]),
							['Total a cobrar', formatMXN(opts.charge.totalCents)]
						]
					: [['Total a cobrar', 'Por calcular: faltan la zona, la fecha de instalación o el plan']]
			},
			{
				title: 'Datos de conexión',
				fields: [
					['Usuario PPPoE', src.pppoeUser ?? '—', 'office'],
					['Contraseña PPPoE', src.pppoePassword ?? '—', 'office'],
					['Contraseña wifi', src.wifiPassword ?? '—'],
					['IP', src.ip ?? '—', 'office'],
					['External ID', src.externalId ?? '—', 'office']
				]
			},
			{ title: 'Servicios adicionales', fields: addons.length ? addons : [['Adicionales', 'Ninguno']] },
			{
				title: 'Visita',
				fields: [
					['Técnico', src.technicianName ?? '—'],
					['Fecha de instalación', date(src.installationDate)],
					['Hora', src.installationTime ?? '—']
				]
			},
			{ title: 'Condiciones especiales', fields: special }
		]
	};
}

/**
 * What the customer reads on the public signing page: everything they agree to and need (their
 * Wi-Fi password included), without the provider's own connection data, which anyone holding
 * the link would otherwise see.
 */
export function customerView(doc: DocData): DocData {
	return {
		...doc,
		sections: doc.sections
			.map((s) => ({ ...s, fields: s.fields.filter(([, , office]) => office !== 'office') }))
			.filter((s) => s.fields.length > 0)
	};
}
