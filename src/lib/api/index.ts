/**
 * `$lib/api`: every call the browser makes to our endpoints, one function per endpoint, each
 * answering an ApiResult (see client.ts). Components import this and never call fetch themselves.
 */
export { ApiError, orThrow, type ApiResult } from './client';
export * as cards from './cards';
export { billing, connection, assignment, services, type BillingAction, type ServicesAction, type BillingView } from './sections';
export { documents, files, type UploadInput } from './documents';
export { dismissLoginFailures, reschedule } from './account';
export { payments } from './payments';
export { messages, openWhatsApp } from './messages';
export { whatsapp } from './whatsapp';
export { notifications } from './notifications';
export { technician } from './technician';
export { calls } from './lead-calls';
export * as display from './display';
