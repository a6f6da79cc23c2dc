import { z } from 'zod';
import { uuidSchema } from './common';

const day = (label: string) =>
	z.coerce
		.number({ error: `${label}: escribe un número del 1 al 31.` })
		.int(`${label}: escribe un número entero del 1 al 31.`)
		.min(1, `${label}: escribe un número del 1 al 31.`)
		.max(31, `${label}: escribe un número del 1 al 31.`);
const optionalNumber = <T extends z.ZodType>(schema: T) =>
	z.preprocess((v) => (v === '' || v === undefined || v === null ? null : v), schema.nullable());

export const coverageAreaSchema = z.object({
	name: z.string().trim().min(1, 'Ponle nombre al área de cobertura.').max(120),
	serviceType: z.enum(['inalambrico', 'fibra'], { error: 'Elige si el área es inalámbrica o de fibra.' }),
	geojson: z.string().trim().min(1, 'Pega el GeoJSON del área.')
});

/** A zone (RB) as the admin form sends it, already split into lists. */
export const zoneSchema = z
	.object({
		id: uuidSchema.optional(),
		name: z
			.string({ error: 'Escribe el nombre de la zona.' })
			.trim()
			.min(2, 'Escribe el nombre de la zona, por ejemplo «RB3 ZONA SUR DÍA 28».')
			.max(120),
		routerName: z.string().trim().max(80).optional().default(''),
		routerHost: z.string().trim().max(120).optional().default(''),
		paymentDay: day('Día de pago'),
		cutoffDay: optionalNumber(day('Día de corte')),
		graceDays: optionalNumber(
			z.coerce
				.number()
				.int('Días de gracia: escribe un número entero.')
				.min(0, 'Los días de gracia no pueden ser negativos.')
				.max(60, 'Como máximo 60 días de gracia.')
		),
		invoiceDay: optionalNumber(day('Día de factura')),
		billingMode: z.enum(['prepago', 'pospago'], { error: 'Elige prepago o pospago.' }),
		pools: z.array(z.string().trim().min(1)).max(50),
		reserved: z.array(z.string().trim().min(1)).max(500),
		technicianIds: z.array(uuidSchema).max(100),
		areas: z.array(coverageAreaSchema).max(50)
	})
	.refine((z) => z.cutoffDay == null || z.graceDays == null, {
		message: 'Usa día de corte o días de gracia, no los dos.',
		path: ['graceDays']
	});

export type ZoneInput = z.infer<typeof zoneSchema>;

const lines = (text: string | undefined) =>
	(text ?? '')
		.split(/[\n,;\s]+/)
		.map((s) => s.trim())
		.filter(Boolean);

/** Turns the flat form (textareas, tech_<id> checkboxes, area_<n>_* groups) into zoneSchema's shape. */
export function zoneFromForm(values: Record<string, string>) {
	const areas: { name: string; serviceType: string; geojson: string }[] = [];
	for (let i = 0; i < 50; i++) {
		const name = values[`area_${i}_name`];
		const geojson = values[`area_${i}_geojson`];
		if (name === undefined && geojson === undefined) continue;
		if (!name?.trim() && !geojson?.trim()) continue; // the empty "add another" slot
		areas.push({ name: name ?? '', serviceType: values[`area_${i}_type`] ?? '', geojson: geojson ?? '' });
	}
	return {
		id: values.id || undefined,
		name: values.name,
		routerName: values.routerName,
		routerHost: values.routerHost,
		paymentDay: values.paymentDay,
		cutoffDay: values.cutoffDay,
		graceDays: values.graceDays,
		invoiceDay: values.invoiceDay,
		billingMode: values.billingMode,
		pools: lines(values.pools),
		reserved: lines(values.reserved),
		technicianIds: Object.keys(values)
			.filter((k) => k.startsWith('tech_') && values[k])
			.map((k) => k.slice(5)),
		areas
	};
}
