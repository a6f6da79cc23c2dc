/**
 * A phone photo made small before it is queued or sent: the longest side at most 2000 px, JPEG at
 * 0.8, turned upright from its EXIF orientation (the canvas drops the EXIF, so the pixels must be).
 * The server still checks and re-encodes whatever arrives.
 */
export const MAX_SIDE = 2000;
export const QUALITY = 0.8;

export function fitInside(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
	const scale = Math.min(1, max / Math.max(width, height));
	return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export interface ResizedPhoto {
	blob: Blob;
	width: number;
	height: number;
}

export async function resizePhoto(file: Blob): Promise<ResizedPhoto> {
	const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	try {
		const { width, height } = fitInside(bitmap.width, bitmap.height);
		if (typeof OffscreenCanvas !== 'undefined') {
			const canvas = new OffscreenCanvas(width, height);
			const ctx = canvas.getContext('2d')!;
			ctx.drawImage(bitmap, 0, 0, width, height);
			return { blob: await canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY }), width, height };
		}
		const canvas = document.createElement('canvas');
		canvas.width = width;
		canvas.height = height;
		canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
		const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
		if (!blob) throw new Error('canvas.toBlob');
		return { blob, width, height };
	} finally {
		bitmap.close();
	}
}
