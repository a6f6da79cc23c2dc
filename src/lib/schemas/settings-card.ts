import { z } from 'zod';
import { OPEN_STAGES } from '$lib/domain/stages';
import { MAX_CANCEL_REASONS, reasonKeyFor } from '$lib/domain/cancel-reasons';
import { cancelReasonsSchema } from './settings';

const lines = (label: string, max: number) =>
	z
		.string({ error: `Escribe ${label}.` })
		.transform((v) => [
			...new Set(
				v
					.split(/\r?\n/)
					.map((l) => l.replace(/\s+/g, ' ').trim())
					.filter(Boolean)
			)
		])
		.pipe(
			z
				.array(z.string().max(60, 'Cada opción debe tener como máximo 60 caracteres.'))
				.min(1, `Escribe al menos una opción en ${label}.`)
				.max(max, `Como máximo ${max} opciones.`)
		);

/** Ajustes → Llamada y datos. Objection rows come as objTitle_0/objText_0, objTitle_1/…; blank rows are dropped. */
export const callSettingsSchema = z
	.looseObject({ cities: lines('las ciudades', 50), howHeard: lines('«¿Cómo se enteró?»', 50) })
	.transform((raw, ctx) => {
		const rec = raw as Record<string, unknown>;
		const snippets: { title: string; text: string }[] = [];
		for (let i = 0; i < 30; i++) {
			const title = String(rec[`objTitle_${i}`] ?? '').trim();
			const text = String(rec[`objText_${i}`] ?? '').trim();
			if (!title && !text) continue;
			if (!title || title.length > 80)
				ctx.addIssue({ code: 'custom', path: [`objTitle_${i}`], message: 'Escribe un título de hasta 80 caracteres.' });
			if (!text || text.length > 600)
				ctx.addIssue({ code: 'custom', path: [`objText_${i}`], message: 'Escribe la respuesta (hasta 600 caracteres).' });
			snippets.push({ title, text });
		}
		return { cities: raw.cities, howHeard: raw.howHeard, objectionSnippets: snippets };
	});

const hours = z.coerce
	.number({ error: 'Escribe un número de horas.' })
	.int('Escribe horas enteras.')
	.min(1, 'Al menos 1 hora.')
	.max(24 * 180, 'Como máximo 4320 horas.');
const wip = z
	.string()
	.optional()
	.transform((v) => (v ?? '').trim())
	.pipe(
		z.union([
			z.literal('').transform(() => null),
			z.coerce.number<string>({ error: 'Escribe un número.' }).int('Escribe un número entero.').min(1, 'Al menos 1.').max(10_000)
		])
	);

/** Ajustes → Etapas: fields sla_<stage>_warn, sla_<stage>_late, wip_<stage>. */
export const stageSettingsSchema = z
	.object(
		Object.fromEntries(
			OPEN_STAGES.flatMap((s) => [
				[`sla_${s}_warn`, hours],
				[`sla_${s}_late`, hours],
				[`wip_${s}`, wip]
			])
		) as Record<string, z.ZodType>
	)
	.superRefine((v, ctx) => {
		for (const s of OPEN_STAGES) {
			if ((v[`sla_${s}_late`] as number) <= (v[`sla_${s}_warn`] as number)) {
				ctx.addIssue({ code: 'custom', path: [`sla_${s}_late`], message: '«Atrasada» debe ser mayor que «aviso».' });
			}
		}
	})
	.transform((v) => ({
		sla: Object.fromEntries(
			OPEN_STAGES.map((s) => [s, { warnHours: v[`sla_${s}_warn`] as number, lateHours: v[`sla_${s}_late`] as number }])
		),
		wipLimits: Object.fromEntries(OPEN_STAGES.map((s) => [s, v[`wip_${s}`] as number | null]))
	}));

/**
 * Ajustes → Motivos de cancelación. Rows come in order as key_0/label_0, key_1/…: a row with a key
 * keeps it (renaming keeps old cancellations' reason), a row without one is a new reason, and a
 * blank name takes the reason off the list.
 */
export const cancelReasonsFormSchema = z
	.looseObject({})
	.transform((raw) => {
		const rec = raw as Record<string, unknown>;
		const rows: { key: string; label: string }[] = [];
		for (let i = 0; i < MAX_CANCEL_REASONS + 5; i++) {
			const label = String(rec[`label_${i}`] ?? '')
				.replace(/\s+/g, ' ')
				.trim();
			if (label) rows.push({ key: String(rec[`key_${i}`] ?? '').trim(), label });
		}
		const taken = rows.map((r) => r.key).filter(Boolean);
		return rows.map((r) => {
			if (r.key) return r;
			const key = reasonKeyFor(r.label, taken);
			taken.push(key);
			return { key, label: r.label };
		});
	})
	.pipe(cancelReasonsSchema);
