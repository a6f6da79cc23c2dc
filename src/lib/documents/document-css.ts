/** Shared by the PDF and the on-screen views; the font is named so Chromium never drops the text. */
export const DOCUMENT_CSS = `
.doc, .sig { font-family: 'DejaVu Sans', 'Liberation Sans', sans-serif; color: #111; font-size: 10.5px; line-height: 1.45; }
.doc-head { border-bottom: 2px solid #1d4ed8; margin-bottom: 10px; padding-bottom: 6px; }
.doc-provider { font-weight: bold; font-size: 12px; color: #1d4ed8; }
.doc h1 { font-size: 16px; margin: 4px 0; }
.doc-folio { font-size: 10px; color: #444; }
.doc-text { white-space: pre-wrap; margin: 10px 0 14px; text-align: justify; }
.doc h2 { font-size: 11.5px; margin: 10px 0 4px; border-bottom: 1px solid #bbb; }
.doc table { width: 100%; border-collapse: collapse; }
.doc th { text-align: left; font-weight: normal; color: #444; width: 38%; padding: 2px 6px 2px 0; vertical-align: top; }
.doc td { padding: 2px 0; overflow-wrap: anywhere; }
/* A long table (many add-ons) may continue on the next page, row by row; a clause never splits. */
.doc tr, .doc .clause, .doc .fill { break-inside: avoid; page-break-inside: avoid; }
.doc h2, .doc h3 { break-after: avoid; page-break-after: avoid; }
.doc .clause h3 { font-size: 10.5px; margin: 9px 0 2px; }
.doc .clause p { margin: 0; text-align: justify; white-space: pre-wrap; }
.doc .fill th, .doc .fill td { height: 26px; vertical-align: bottom; padding: 0 6px 1px 0; }
.doc .fill td { border-bottom: 1px solid #555; }
/* The last clause or section and the signature share a page: a signature is never alone on one. */
.doc-end { break-inside: avoid; page-break-inside: avoid; }
.sig { margin-top: 22px; text-align: center; break-inside: avoid; page-break-inside: avoid; }
.sig-img { max-width: 260px; max-height: 110px; display: block; margin: 0 auto; }
.sig-blank { height: 70px; }
.sig-line { border-top: 1px solid #111; width: 280px; margin: 2px auto 0; padding-top: 3px; }
.sig-caption { font-size: 9px; color: #444; }
.sig-evidence { font-size: 8px; color: #444; margin-top: 6px; overflow-wrap: anywhere; }
`;
