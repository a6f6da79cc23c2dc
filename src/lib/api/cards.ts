/** The card panel's own endpoints: its data, field autosave, moves, the call script, checklists, coverage, history. */
import type { z } from 'zod';
import type { CardPanelData } from '$lib/server/services/cards';
import type { FieldEditResult } from '$lib/server/services/card-edit';
import type { CoverageCheck, confirmCoverage } from '$lib/server/services/coverage';
import type { HistoryEntry } from '$lib/types/card';
import type { MoveResult } from '$lib/types/board';
import type { FieldEdit } from '$lib/schemas/card';
import type { moveSchema } from '$lib/schemas/board';
import type { scriptTickSchema } from '$lib/schemas/call-script';
import type { reopenSchema } from '$lib/schemas/cancel';
import type { CancellationView, ReopenResult } from '$lib/types/cancellation';
import type { DuplicateActionInput } from '$lib/schemas/duplicates';
import type { DuplicateResult } from '$lib/server/services/duplicates';
import type { EraseResult } from '$lib/server/services/arco';
import type { EraseInput } from '$lib/schemas/arco';
import { cardUrl, query, request } from './client';

type Ok = { ok: true };

export const panel = (cardId: string) => request<CardPanelData>('GET', cardUrl(cardId, 'tarjeta'));

/** A 409 answers with `error.body.conflict` = { field, mine, theirs, version }. */
export const saveField = (cardId: string, edit: FieldEdit) => request<FieldEditResult>('PATCH', cardUrl(cardId, 'campo'), edit);

/** The panel's «Avanzar a …»; a refused move says why in `error.body.reasons`. */
export const move = (cardId: string, input: Omit<z.input<typeof moveSchema>, 'cardId'>) =>
	request<MoveResult>('POST', cardUrl(cardId, 'mover'), input);

export const tickScript = (cardId: string, input: z.input<typeof scriptTickSchema>) => request<Ok>('POST', cardUrl(cardId, 'guion'), input);

export const toggleChecklist = (cardId: string, input: { templateId: string; done: boolean }) =>
	request<Ok>('POST', cardUrl(cardId, 'checklist'), input);

export const coverage = {
	suggest: (cardId: string, coordinates: string) =>
		request<CoverageCheck>('POST', cardUrl(cardId, 'cobertura'), { action: 'sugerir', coordinates }),
	confirm: (cardId: string, input: { coordinates: string; zoneId: string; serviceType: string }) =>
		request<Awaited<ReturnType<typeof confirmCoverage>>>('POST', cardUrl(cardId, 'cobertura'), { action: 'confirmar', ...input }),
	none: (cardId: string) => request<Ok>('POST', cardUrl(cardId, 'cobertura'), { action: 'sin_cobertura' })
};

export interface HistoryFilters {
	kind?: string;
	user?: string;
	desde?: string;
	hasta?: string;
}

export const history = (cardId: string, filters: HistoryFilters = {}) =>
	request<HistoryEntry[]>('GET', cardUrl(cardId, 'historial') + query({ ...filters }));

/** A cancelled card's cancellation and where reopening takes it; `cancellation` is null for a card not cancelled. */
export const cancellation = (cardId: string) => request<{ cancellation: CancellationView | null }>('GET', cardUrl(cardId, 'cancelacion'));

/** «Reabrir»: a refused guard answers `error.body.reasons` and `error.body.overridable`. */
export const reopen = (cardId: string, input: z.input<typeof reopenSchema>) =>
	request<Extract<ReopenResult, { ok: true }>>('POST', cardUrl(cardId, 'reabrir'), input);
/** The duplicate banner's «Fusionar» / «No es duplicado»; a 409 says who resolved the pair first. */
export const resolveDuplicate = (cardId: string, input: DuplicateActionInput) =>
	request<DuplicateResult>('POST', cardUrl(cardId, 'duplicados'), input);

/** The zip of everything held about the card's customer (ARCO access); admins only. */
export const personalDataUrl = (cardId: string) => cardUrl(cardId, 'arco');

/** ARCO cancellation: a 400 names the confirmation the admin has to type. */
export const erasePersonalData = (cardId: string, input: EraseInput) => request<EraseResult>('POST', cardUrl(cardId, 'arco'), input);
