/** The office TV's calls: its summary slide, read again at each rotation. */
import type { DisplaySummary } from '$lib/schemas/displays';
import { request, type ApiResult } from './client';

export const displaySummary = (token: string): Promise<ApiResult<DisplaySummary>> =>
	request<DisplaySummary>('GET', `/pantalla/${encodeURIComponent(token)}/resumen`);
