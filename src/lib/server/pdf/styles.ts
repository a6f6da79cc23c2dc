export { DOCUMENT_CSS } from '$lib/documents/document-css';
