/** A card's documents (contract, installation sheet), their signing links, and its files. */
import type { z } from 'zod';
import type { documentsState, contentToSign } from '$lib/server/services/documents';
import type { createLink, revokeLinks, signInPerson } from '$lib/server/services/signing';
import type { generatePdf } from '$lib/server/services/contracts';
import type { listFiles, uploadFile } from '$lib/server/services/files';
import type { DocumentKind, contractDataSchema } from '$lib/schemas/documents';
import type { inPersonSignSchema } from '$lib/schemas/signing';
import type { UploadCategory } from '$lib/schemas/files';
import { ApiError, cardUrl, FAILED_MESSAGE, NETWORK_MESSAGE, readResult, request, type ApiResult } from './client';

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export const documents = {
	state: (cardId: string) => request<Result<typeof documentsState>>('GET', cardUrl(cardId, 'documentos')),
	/** The exact text the signer sees, with the hash the signature must carry. */
	content: (cardId: string, kind: DocumentKind) =>
		request<Result<typeof contentToSign>>('GET', cardUrl(cardId, `documentos/contenido?kind=${encodeURIComponent(kind)}`)),
	sign: (cardId: string, input: z.input<typeof inPersonSignSchema>) =>
		request<Result<typeof signInPerson>>('POST', cardUrl(cardId, 'documentos/firmar'), input),
	saveContract: (cardId: string, input: z.input<typeof contractDataSchema>) =>
		request<unknown>('POST', cardUrl(cardId, 'documentos/contrato'), input),
	/** A 409 means a PDF exists already; `confirm: true` makes a new one. */
	makePdf: (cardId: string, input: { kind: DocumentKind; confirm?: boolean }) =>
		request<Result<typeof generatePdf>>('POST', cardUrl(cardId, 'documentos/pdf'), input),
	createLink: (cardId: string, kind: DocumentKind) =>
		request<Result<typeof createLink>>('POST', cardUrl(cardId, 'documentos/enlace'), { kind }),
	revokeLinks: (cardId: string, kind: DocumentKind) =>
		request<Result<typeof revokeLinks>>('DELETE', cardUrl(cardId, 'documentos/enlace'), { kind })
};

export interface UploadInput {
	category: UploadCategory;
	name?: string;
	file: File;
}

export const files = {
	list: (cardId: string) => request<Result<typeof listFiles>>('GET', cardUrl(cardId, 'archivos')),
	/**
	 * One file per request. XHR rather than fetch: only XHR reports upload progress. The answer is
	 * read by the same readResult as every other call, so refusals have the same shape.
	 */
	upload(cardId: string, input: UploadInput, onProgress?: (percent: number) => void): Promise<ApiResult<Result<typeof uploadFile>>> {
		const body = new FormData();
		body.set('category', input.category);
		body.set('name', input.name ?? '');
		body.set('file', input.file);
		return new Promise((resolve) => {
			const xhr = new XMLHttpRequest();
			xhr.open('POST', cardUrl(cardId, 'archivos'));
			xhr.setRequestHeader('accept', 'application/json');
			xhr.upload.onprogress = (e) => {
				if (e.lengthComputable) onProgress?.(Math.round((e.loaded / e.total) * 100));
			};
			xhr.onload = () => {
				const res = new Response(xhr.status === 204 ? null : xhr.responseText, {
					status: xhr.status,
					headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'text/plain' }
				});
				void readResult<Result<typeof uploadFile>>(res).then(resolve);
			};
			xhr.onerror = () => resolve({ ok: false, error: new ApiError(0, NETWORK_MESSAGE) });
			xhr.onabort = () => resolve({ ok: false, error: new ApiError(0, FAILED_MESSAGE) });
			xhr.send(body);
		});
	}
};
