import type { Database } from '../db';
import type { SessionUser } from '../auth';
import * as wisphub from '../db/wisphub';
import * as jobs from '../db/wisphub-jobs';
import { listAll, normalizeBaseUrl, WispHubError, type WispHubConfig } from '../wisphub/client';
import { hasAppSecret, MissingAppSecret, open, seal, UnreadableSecret } from '../secret-box';
import { parseInput } from '../validation';
import {
	wisphubJobFilterSchema,
	wisphubMapSchema,
	wisphubRetrySchema,
	wisphubSettingsSchema,
	wisphubTestSchema
} from '$lib/schemas/wisphub';
import { changedSinceSync, installationPayload, SYNCED_FIELDS } from '$lib/domain/wisphub-payload';
import { ServiceError, forbidden, notFound } from './errors';
import { suggestMatch } from './wisphub-match';
import type { WispHubSettingsView } from '$lib/types/wisphub';

const PURPOSE = 'wisphub-api-key';

function adminOnly(actor: SessionUser) {
	if (actor.role !== 'admin') throw forbidden('Solo un administrador puede configurar la integración con WispHub.');
}

/** From the environment, for deployments configured that way (WISPHUB_API_URL, WISPHUB_API_KEY). */
function envConfig(): WispHubConfig | null {
	const url = process.env.WISPHUB_API_URL;
	const key = process.env.WISPHUB_API_KEY;
	if (!url || !key) return null;
	const normalized = normalizeBaseUrl(url);
	return normalized.ok ? { baseUrl: normalized.url, apiKey: key } : null;
}

/** The configuration the worker and the buttons use; a Spanish ServiceError when there is none. */
export async function configOf(db: Database, orgId: string): Promise<WispHubConfig> {
	const row = await wisphub.connectionOf(db, orgId);
	if (row?.baseUrl && row.apiKeySealed) {
		try {
			return { baseUrl: row.baseUrl, apiKey: open(row.apiKeySealed, PURPOSE) };
		} catch (err) {
			if (err instanceof MissingAppSecret || err instanceof UnreadableSecret) throw new ServiceError(409, err.message);
			throw err;
		}
	}
	const env = envConfig();
	if (env) return env;
	throw new ServiceError(409, 'Falta configurar la conexión con WispHub: escribe la URL de la API y la clave en Ajustes → Integraciones.');
}

export async function settingsView(db: Database, actor: SessionUser): Promise<WispHubSettingsView> {
	adminOnly(actor);
	const [row, mappings, options] = await Promise.all([
		wisphub.connectionOf(db, actor.orgId),
		wisphub.mappings(db, actor.orgId),
		wisphub.localOptions(db, actor.orgId)
	]);
	const env = envConfig();
	const names = new Map(Object.values(options).flatMap((list) => list.map((o) => [o.id, o.name] as const)));
	return {
		enabled: row?.enabled ?? false,
		baseUrl: row?.baseUrl ?? env?.baseUrl ?? '',
		keyLast4: row?.apiKeyLast4 ?? (env ? env.apiKey.slice(-4) : null),
		triggerStage: row?.triggerStage ?? 'asignada',
		fromEnv: !row?.apiKeySealed && !!env,
		appSecretSet: hasAppSecret(),
		mappings: mappings.map((m) => ({ ...m, localName: m.localId ? (names.get(m.localId) ?? null) : null })),
		options,
		unmapped: mappings.filter((m) => !m.confirmed).length
	};
}

export async function saveSettings(db: Database, actor: SessionUser, input: unknown): Promise<void> {
	adminOnly(actor);
	const v = parseInput(wisphubSettingsSchema, input);
	const url = v.baseUrl ? normalizeBaseUrl(v.baseUrl) : null;
	if (url && !url.ok) throw new ServiceError(400, url.message, { baseUrl: [url.message] });
	let apiKey: { sealed: string; last4: string } | undefined;
	if (v.apiKey) {
		try {
			apiKey = { sealed: seal(v.apiKey, PURPOSE), last4: v.apiKey.slice(-4) };
		} catch (err) {
			if (err instanceof MissingAppSecret) throw new ServiceError(400, err.message, { apiKey: [err.message] });
			throw err;
		}
	}
	const stored = await wisphub.connectionOf(db, actor.orgId);
	if (v.enabled && !((url || stored?.baseUrl) && (apiKey || stored?.apiKeySealed)) && !envConfig()) {
		throw new ServiceError(400, 'Para activar la integración escribe la URL de la API y la clave de WispHub.');
	}
	await wisphub.saveConnection(db, actor.orgId, {
		enabled: v.enabled,
		baseUrl: url?.ok ? url.url : (stored?.baseUrl ?? null),
		apiKey,
		triggerStage: v.triggerStage,
		userId: actor.id
	});
}

/** «Probar conexión»: reads the zones with what is typed (or what is stored) and says what happened. */
export async function testConnection(db: Database, actor: SessionUser, input: unknown): Promise<{ message: string }> {
	adminOnly(actor);
	const v = parseInput(wisphubTestSchema, input);
	const url = v.baseUrl ? normalizeBaseUrl(v.baseUrl) : null;
	if (url && !url.ok) throw new ServiceError(400, url.message, { baseUrl: [url.message] });
	const typedUrl = url?.ok ? url.url : null;
	let config: WispHubConfig;
	if (typedUrl && v.apiKey) config = { baseUrl: typedUrl, apiKey: v.apiKey };
	else {
		const stored = await configOf(db, actor.orgId);
		config = { baseUrl: typedUrl ?? stored.baseUrl, apiKey: v.apiKey || stored.apiKey };
	}
	try {
		const zones = await listAll(config, 'zonas/', 5);
		return { message: `Conexión correcta: WispHub respondió con ${zones.length} ${zones.length === 1 ? 'zona' : 'zonas'}.` };
	} catch (err) {
		if (err instanceof WispHubError) throw new ServiceError(400, err.message);
		throw err;
	}
}

const name = (item: Record<string, unknown>) => String(item.nombre ?? item.name ?? item.usuario ?? item.id ?? '').trim();
const remoteIdOf = (item: Record<string, unknown>) => String(item.id ?? item.id_zona ?? item.id_plan ?? '');

/** Imports zones, internet plans and staff; safe to repeat (no duplicates) and says what changed. */
export async function importCatalogs(db: Database, actor: SessionUser): Promise<{ message: string }> {
	adminOnly(actor);
	const config = await configOf(db, actor.orgId);
	let remote: Record<wisphub.MappingKind, Record<string, unknown>[]>;
	try {
		const [zona, plan, tecnico] = await Promise.all([
			listAll(config, 'zonas/'),
			listAll(config, 'plan-internet/'),
			listAll(config, 'staff/')
		]);
		remote = { zona, plan, tecnico };
	} catch (err) {
		if (err instanceof WispHubError) throw new ServiceError(400, err.message);
		throw err;
	}
	const options = await wisphub.localOptions(db, actor.orgId);
	const items = (Object.keys(remote) as wisphub.MappingKind[]).flatMap((kind) =>
		remote[kind]
			.filter((item) => remoteIdOf(item) && name(item))
			.map((item) => ({
				kind,
				remoteId: remoteIdOf(item),
				remoteName: name(item).slice(0, 200),
				suggestion: suggestMatch(name(item), options[kind])
			}))
	);
	const { added, renamed } = await wisphub.upsertImported(db, actor.orgId, items);
	const count = (k: wisphub.MappingKind) => remote[k].length;
	return {
		message:
			`Importado de WispHub: ${count('zona')} zonas, ${count('plan')} planes y ${count('tecnico')} personas del staff. ` +
			(added || renamed ? `${added} nuevos, ${renamed} con nombre cambiado.` : 'Nada cambió desde la última importación.')
	};
}

export async function mapItem(db: Database, actor: SessionUser, input: unknown): Promise<void> {
	adminOnly(actor);
	const v = parseInput(wisphubMapSchema, input);
	if (v.localId) {
		const options = await wisphub.localOptions(db, actor.orgId);
		if (!options[v.kind].some((o) => o.id === v.localId)) throw new ServiceError(400, 'Elige una opción de la lista.');
	}
	if (!(await wisphub.confirm(db, actor.orgId, v.kind, v.remoteId, v.localId)))
		throw notFound('Ese elemento de WispHub no está importado.');
}

export async function jobList(db: Database, actor: SessionUser, input: unknown) {
	adminOnly(actor);
	const filter = parseInput(wisphubJobFilterSchema, input);
	return { filter, jobs: await jobs.list(db, actor.orgId, filter) };
}

export async function retryJob(db: Database, actor: SessionUser, input: unknown): Promise<void> {
	adminOnly(actor);
	const { id } = parseInput(wisphubRetrySchema, input);
	if (!(await jobs.retryNow(db, actor.orgId, id)))
		throw new ServiceError(409, 'Ese envío no terminó con una falla: no hay nada que reintentar.');
}

const FIELD_LABELS: Record<(typeof SYNCED_FIELDS)[number], string> = {
	telefono: 'teléfono',
	direccion: 'dirección',
	plan_internet: 'plan',
	ip: 'IP'
};

/**
 * What the card panel shows: the sync state and, for a synced card, which of the fields WispHub
 * holds changed since (WISPHUB.md knows no endpoint to update an installation, so it is flagged).
 */
export async function cardStatus(db: Database, cardId: string, orgId: string): Promise<{ changed: string[] } | null> {
	const sent = await jobs.sentPayload(db, cardId);
	if (!sent) return null;
	const card = await jobs.cardForSync(db, cardId);
	if (!card) return null;
	const map = await wisphub.confirmedMap(db, orgId);
	const now = installationPayload(card, map);
	const current = now.ok ? now.body : {};
	return { changed: changedSinceSync(sent, current).map((f) => FIELD_LABELS[f]) };
}
