/** What the installer typed, kept on the phone until the server accepts it (weak mobile signal). */
export interface Draft {
	dni: string;
	cpeMac: string;
	onuSerial: string;
	routerModel: string;
	signalNotes: string;
}

const key = (jobId: string) => `tecnico:borrador:${jobId}`;

export function readDraft(jobId: string): Partial<Draft> | null {
	try {
		const raw = localStorage.getItem(key(jobId));
		const parsed = raw ? JSON.parse(raw) : null;
		return parsed && typeof parsed === 'object' ? (parsed as Partial<Draft>) : null;
	} catch {
		return null;
	}
}

export function writeDraft(jobId: string, draft: Draft): void {
	try {
		localStorage.setItem(key(jobId), JSON.stringify(draft));
	} catch {
		// Storage full or disabled (private mode): the form still works online.
	}
}

export function clearDraft(jobId: string): void {
	try {
		localStorage.removeItem(key(jobId));
	} catch {
		/* nothing to clear */
	}
}
