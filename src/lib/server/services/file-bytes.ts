import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { ServiceError } from './errors';

/** What we accept, decided from the bytes; the extension and the browser's type are ignored. */
const ACCEPTED: Record<string, { ext: string; image: boolean }> = {
	'image/jpeg': { ext: 'jpg', image: true },
	'image/png': { ext: 'png', image: true },
	'image/webp': { ext: 'webp', image: true },
	'image/heic': { ext: 'heic', image: true },
	'image/heif': { ext: 'heic', image: true },
	'application/pdf': { ext: 'pdf', image: false }
};

const MAX_SIDE = 2000;
const THUMB_SIDE = 320;

export interface PreparedFile {
	mime: string;
	ext: string;
	bytes: Uint8Array;
	thumbnail: Uint8Array | null;
}

/** Checks the size and the real type, then re-encodes images (which drops EXIF/GPS) and makes a thumbnail. */
export async function prepareUpload(bytes: Uint8Array, fileName: string, maxMb: number): Promise<PreparedFile> {
	const shown = fileName || 'el archivo';
	if (bytes.byteLength === 0) throw new ServiceError(400, `«${shown}» está vacío (0 bytes). Vuelve a tomar la foto o elige otro archivo.`);
	if (bytes.byteLength > maxMb * 1024 * 1024)
		throw new ServiceError(
			413,
			`«${shown}» pesa más de ${maxMb} MB, el máximo permitido. Toma la foto con menos resolución o comprime el PDF.`
		);
	const detected = await fileTypeFromBuffer(bytes);
	const accepted = detected && ACCEPTED[detected.mime];
	if (!detected || !accepted) {
		const claims = /\.(jpe?g|png|webp|heic|heif|pdf)$/i.exec(fileName)?.[1];
		throw new ServiceError(
			415,
			claims
				? `«${shown}» dice ser ${claims.toUpperCase()} pero su contenido no lo es. Sube la foto o el PDF original.`
				: `No reconocemos el tipo de «${shown}». Sube una foto (JPG, PNG, WebP) o un PDF.`
		);
	}
	if (!accepted.image) return { mime: detected.mime, ext: accepted.ext, bytes, thumbnail: null };
	try {
		// rotate() applies the EXIF orientation before the metadata is dropped by re-encoding.
		const base = sharp(bytes, { failOn: 'error', limitInputPixels: 100_000_000 }).rotate();
		const resized = base.clone().resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
		const out =
			detected.mime === 'image/png'
				? { mime: 'image/png', ext: 'png', bytes: await resized.png({ compressionLevel: 9 }).toBuffer() }
				: detected.mime === 'image/webp'
					? { mime: 'image/webp', ext: 'webp', bytes: await resized.webp({ quality: 82 }).toBuffer() }
					: { mime: 'image/jpeg', ext: 'jpg', bytes: await resized.jpeg({ quality: 82, mozjpeg: true }).toBuffer() };
		const thumbnail = await base.clone().resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: 'inside' }).webp({ quality: 70 }).toBuffer();
		return { ...out, bytes: new Uint8Array(out.bytes), thumbnail: new Uint8Array(thumbnail) };
	} catch {
		throw new ServiceError(
			400,
			detected.mime.includes('hei')
				? `No podemos leer la foto HEIC «${shown}». En el iPhone elige «Más compatible» en Ajustes › Cámara › Formatos, o envía la foto como JPG.`
				: `La imagen «${shown}» está dañada o incompleta. Vuelve a tomarla o elige otra.`
		);
	}
}
