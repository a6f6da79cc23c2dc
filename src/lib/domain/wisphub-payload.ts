import { composeAddress, type AddressParts } from './address';
import { surname } from './names';

/** What process 4 steps 4–5 type into WispHub by hand, read off the card. */
export interface SyncCard {
	fullName: string;
	email: string | null;
	phone: string | null;
	phoneAlt: string | null;
	address: AddressParts;
	lat: number | null;
	lng: number | null;
	comments: string | null;
	installationCostCents: number | null;
	freeInstallation: boolean;
	installationDate: string | null;
	pppoeUser: string | null;
	pppoePassword: string | null;
	wifiPassword: string | null;
	ip: string | null;
	zoneId: string | null;
	planId: string | null;
	technicianId: string | null;
}

/** The board's ids → WispHub's, from the confirmed mapping. */
export interface SyncMapping {
	zona: Map<string, string>;
	plan: Map<string, string>;
	tecnico: Map<string, string>;
}

export type PayloadResult = { ok: true; zona: string; body: Record<string, string | number> } | { ok: false; missing: string[] };

/** "Juan de la Cruz López" → nombre "Juan", apellidos "de la Cruz López" (surnames as names.ts reads them). */
export function splitName(fullName: string): { nombre: string; apellidos: string } {
	const full = fullName.trim().replace(/\s+/g, ' ');
	const paternal = surname(full);
	const at = paternal ? full.lastIndexOf(paternal) : -1;
	if (at <= 0) return { nombre: full, apellidos: '' };
	return { nombre: full.slice(0, at).trim(), apellidos: full.slice(at).trim() };
}

/** The fields WispHub holds that a later edit on the board would make stale. */
export const SYNCED_FIELDS = ['telefono', 'direccion', 'plan_internet', 'ip'] as const;

/**
 * The body of `POST clientes/agregar-cliente/{zona}/?instalacion`, or what the card still lacks
 * (in Spanish) for WispHub to accept it: its three required fields and a mapped zone.
 */
export function installationPayload(card: SyncCard, mapping: SyncMapping): PayloadResult {
	const missing: string[] = [];
	const zona = card.zoneId ? mapping.zona.get(card.zoneId) : undefined;
	const plan = card.planId ? mapping.plan.get(card.planId) : undefined;
	if (!card.zoneId) missing.push('la zona de la tarjeta');
	else if (!zona) missing.push('la zona de la tarjeta enlazada con una zona de WispHub');
	if (!card.planId) missing.push('el plan de internet');
	else if (!plan) missing.push('el plan enlazado con un plan de WispHub');
	if (!card.pppoeUser) missing.push('el usuario PPPoE');
	if (!card.ip) missing.push('la IP');
	if (missing.length || !zona || !plan) return { ok: false, missing };

	const { nombre, apellidos } = splitName(card.fullName);
	const body: Record<string, string | number> = { usuario_rb: card.pppoeUser!, ip: card.ip!, plan_internet: Number(plan) || plan, nombre };
	const optional: Record<string, string | number | null | undefined> = {
		apellidos,
		email: card.email,
		direccion: composeAddress(card.address),
		localidad: card.address.colonia,
		ciudad: card.address.city,
		telefono: [card.phone, card.phoneAlt].filter(Boolean).join(', '),
		coordenadas: card.lat !== null && card.lng !== null ? `${card.lat},${card.lng}` : null,
		comentarios: card.comments,
		password_servicio: card.pppoePassword,
		password_router_wifi: card.wifiPassword,
		costo_instalacion: card.freeInstallation ? 0 : card.installationCostCents === null ? null : card.installationCostCents / 100,
		fecha_instalacion: card.installationDate,
		tecnico: card.technicianId ? (mapping.tecnico.get(card.technicianId) ?? null) : null,
		// 1 = nueva (WISPHUB.md); the technician has not installed yet.
		estado_instalacion: 1
	};
	for (const [key, value] of Object.entries(optional)) {
		if (value === null || value === undefined || value === '') continue;
		body[key] = key === 'tecnico' ? Number(value) || value : value;
	}
	return { ok: true, zona, body };
}

/** Which synced fields differ between what was sent and the card now (for «cambió después de sincronizar»). */
export function changedSinceSync(sent: Record<string, unknown> | null, now: Record<string, unknown>): (typeof SYNCED_FIELDS)[number][] {
	if (!sent) return [];
	return SYNCED_FIELDS.filter((f) => String(sent[f] ?? '') !== String(now[f] ?? ''));
}
