/** The scheduling sections of the card: billing and dates, connection and IP, technician, add-ons and products. */
import type { z } from 'zod';
import type { billingView } from '$lib/server/services/billing';
import type { updateScheduling } from '$lib/server/services/calendar';
import type { connectionView, saveConnection } from '$lib/server/services/connection';
import type { allocateIp, freeIp } from '$lib/server/services/ip-allocation';
import type { assignmentOptions, assignTechnician } from '$lib/server/services/assignment';
import type { servicesView } from '$lib/server/services/addons';
import type { connectionSchema } from '$lib/schemas/connection';
import type { addAddonSchema, updateAddonSchema, removeAddonSchema } from '$lib/schemas/addons';
import type { attachProductSchema, detachProductSchema, refundChecklistSchema } from '$lib/schemas/products';
import { cardUrl, query, request } from './client';

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
type Input<S extends z.ZodType> = Omit<z.input<S>, 'installationId'>;

export type BillingView = Result<typeof billingView> & {
	zones: { id: string; name: string; paymentDay: number }[];
	refund: Record<string, boolean>;
};

export interface ScheduleInput {
	zoneId?: string | null;
	installationDate?: string | null;
	installationTime?: string;
	technicianId?: string | null;
	version?: number;
}

export type BillingAction = ({ action: 'agendar' } & ScheduleInput) | ({ action: 'devolucion' } & Input<typeof refundChecklistSchema>);

export const billing = {
	view: (cardId: string) => request<BillingView>('GET', cardUrl(cardId, 'cobros')),
	/** Dates and zone ({action: 'agendar'}) or a refund condition ({action: 'devolucion'}). */
	act: (cardId: string, body: BillingAction) => request<Result<typeof updateScheduling> | unknown>('POST', cardUrl(cardId, 'cobros'), body)
};

export const connection = {
	view: (cardId: string) => request<Result<typeof connectionView>>('GET', cardUrl(cardId, 'conexion')),
	save: (cardId: string, input: Input<typeof connectionSchema>) =>
		request<Result<typeof saveConnection>>('POST', cardUrl(cardId, 'conexion'), { action: 'guardar', ...input }),
	/** Without an address the next free one of the zone's pool. */
	claimIp: (cardId: string, ip?: string) => request<Result<typeof allocateIp>>('POST', cardUrl(cardId, 'conexion'), { action: 'ip', ip }),
	releaseIp: (cardId: string) => request<Result<typeof freeIp>>('POST', cardUrl(cardId, 'conexion'), { action: 'liberar' })
};

export const assignment = {
	options: (cardId: string, fecha?: string) =>
		request<Result<typeof assignmentOptions>>('GET', cardUrl(cardId, 'asignacion') + query({ fecha })),
	/** A 409 is the technician's clash that `confirm: true` overrides. */
	assign: (cardId: string, input: { technicianId: string | null; confirm?: boolean }) =>
		request<Result<typeof assignTechnician>>('POST', cardUrl(cardId, 'asignacion'), { action: 'asignar', ...input })
};

export type ServicesAction =
	| ({ action: 'agregar' } & Input<typeof addAddonSchema>)
	| ({ action: 'editar' } & z.input<typeof updateAddonSchema>)
	| ({ action: 'quitar' } & z.input<typeof removeAddonSchema>)
	| ({ action: 'producto' } & Input<typeof attachProductSchema>)
	| ({ action: 'quitar-producto' } & z.input<typeof detachProductSchema>);

export const services = {
	view: (cardId: string) => request<Result<typeof servicesView>>('GET', cardUrl(cardId, 'servicios')),
	act: (cardId: string, body: ServicesAction) => request<unknown>('POST', cardUrl(cardId, 'servicios'), body)
};
