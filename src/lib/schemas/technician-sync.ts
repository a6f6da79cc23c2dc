import { z } from 'zod';
import { uuidSchema } from './common';
import { jobFieldsSchema, JOB_FIELD_NAMES, type JobFieldName } from './technician';
import type { FieldConflict } from '$lib/domain/field-merge';
import type { CompleteResult } from './technician';

const keySchema = uuidSchema;

/** What the phone loaded for each field it sends (the base of the three-way merge), unvalidated text. */
const baseSchema = z.object(
	Object.fromEntries(JOB_FIELD_NAMES.map((k) => [k, z.string().max(1000).nullable().optional()])) as Record<
		JobFieldName,
		z.ZodOptional<z.ZodNullable<z.ZodString>>
	>
);

const coordsSchema = z.object({
	lat: z.number().min(-90).max(90),
	lng: z.number().min(-180).max(180)
});

/** One action queued on the technician's phone, replayed in order when the connection returns. */
export const queuedActionSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('campos'), key: keySchema, fields: jobFieldsSchema, base: baseSchema }),
	z.object({
		kind: z.literal('llegada'),
		key: keySchema,
		/** When the technician pressed «Llegué» on the phone, maybe long before the phone had signal. */
		at: z.iso.datetime({ offset: true, message: 'La hora de llegada no es válida.' }),
		coords: coordsSchema.nullable()
	}),
	z.object({ kind: z.literal('completar'), key: keySchema })
]);
export type QueuedActionInput = z.input<typeof queuedActionSchema>;

export const idempotencyKeySchema = z.string({ message: 'Falta la clave del envío: recarga la página.' }).pipe(keySchema);

export type QueuedFieldsResult = { kind: 'campos'; version: number; conflicts: FieldConflict<JobFieldName>[] };
export type QueuedArrivalResult = { kind: 'llegada'; arrivedAt: string };
export type QueuedCompleteResult = { kind: 'completar' } & CompleteResult;
export type QueuedPhotoResult = { kind: 'foto'; id: string; sizeBytes: number };
export type QueuedResult = QueuedFieldsResult | QueuedArrivalResult | QueuedCompleteResult | QueuedPhotoResult;
