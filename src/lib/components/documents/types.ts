export type DocKind = 'contrato' | 'hoja_instalacion';

export interface DocState {
	status: 'borrador' | 'firmado';
	startDate: string | null;
	endDate: string | null;
	signedAt: string | null;
	signerName: string | null;
	fileId: string | null;
	versions: number;
	activeLink: { expiresAt: string } | null;
}

export interface DocsState {
	card: { id: string; fullName: string; phone: string | null; contractType: string | null };
	provider: string;
	uploadMaxMb: number;
	contrato: DocState;
	hoja_instalacion: DocState;
}
