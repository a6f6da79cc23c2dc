import { z } from 'zod';

/** Categories a person uploads; generated PDFs (contrato_pdf, hoja_instalacion_pdf) are made by the app. */
export const UPLOAD_CATEGORIES = [
	'ine_frontal',
	'ine_atras',
	'comprobante_domicilio',
	'confirmacion_12_meses',
	'foto_instalacion',
	'otro'
] as const;
export type UploadCategory = (typeof UPLOAD_CATEGORIES)[number];

/** The fixed names from process 4 step 8.4; "otro" takes the name the user writes. */
export const CATEGORY_NAMES: Record<string, string> = {
	ine_frontal: 'INE frontal',
	ine_atras: 'INE atrás',
	comprobante_domicilio: 'Comprobante de domicilio',
	confirmacion_12_meses: 'Confirmación contrato a 12 meses',
	foto_instalacion: 'Foto de la instalación',
	otro: 'Otro',
	contrato_pdf: 'Contrato firmado',
	hoja_instalacion_pdf: 'Hoja de instalación firmada'
};

/** Categories that hold one current file; a new upload replaces (and keeps) the previous one. */
export const SINGLE_CATEGORIES = new Set([
	'ine_frontal',
	'ine_atras',
	'comprobante_domicilio',
	'confirmacion_12_meses',
	'contrato_pdf',
	'hoja_instalacion_pdf'
]);

export const uploadMetaSchema = z
	.object({
		category: z.enum(UPLOAD_CATEGORIES, { error: 'Elige qué documento es (INE frontal, INE atrás, comprobante…).' }),
		name: z.string().trim().max(120, 'El nombre es demasiado largo (máximo 120 caracteres).').optional().default('')
	})
	.refine((v) => v.category !== 'otro' || v.name.length >= 2, {
		path: ['name'],
		message: 'Escribe un nombre para el archivo "Otro" (por ejemplo "Recibo de luz").'
	});
export type UploadMeta = z.output<typeof uploadMetaSchema>;

export interface FileView {
	id: string;
	category: string;
	name: string;
	mime: string;
	sizeBytes: number;
	hasThumbnail: boolean;
	createdAt: string;
	uploadedByName: string | null;
	supersededAt: string | null;
}
