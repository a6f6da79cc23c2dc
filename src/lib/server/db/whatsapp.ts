import type { RawRunner } from './client';

type Runner = Pick<RawRunner, 'query'>;

/** The stored connection; the token and the app secret only sealed (secret-box.ts), the verify token only hashed. */
export interface CloudConnectionRow {
	orgId: string;
	enabled: boolean;
	phoneNumberId: string | null;
	accessTokenSealed: string | null;
	accessTokenLast4: string | null;
	appSecretSealed: string | null;
	verifyTokenHash: string | null;
	updatedAt: string;
}

const COLUMNS = `org_id as "orgId", enabled, phone_number_id as "phoneNumberId", access_token_sealed as "accessTokenSealed",
	access_token_last4 as "accessTokenLast4", app_secret_sealed as "appSecretSealed", verify_token_hash as "verifyTokenHash",
	updated_at::text as "updatedAt"`;

export async function connectionOf(db: Runner, orgId: string): Promise<CloudConnectionRow | null> {
	const [row] = await db.query<CloudConnectionRow>(`select ${COLUMNS} from whatsapp_connections where org_id = $1`, [orgId]);
	return row ?? null;
}

/** The connections a webhook may belong to: by the phone-number ids it names (all enabled ones when it names none). */
export async function connectionsForWebhook(db: Runner, phoneNumberIds: string[]): Promise<CloudConnectionRow[]> {
	return db.query<CloudConnectionRow>(
		`select ${COLUMNS} from whatsapp_connections
		  where enabled and app_secret_sealed is not null and (cardinality($1::text[]) = 0 or phone_number_id = any($1::text[]))`,
		[phoneNumberIds]
	);
}

/** Whether an enabled connection has this verify-token hash (Meta's subscription check). */
export async function verifyTokenKnown(db: Runner, hash: string): Promise<boolean> {
	const rows = await db.query(`select 1 from whatsapp_connections where enabled and verify_token_hash = $1`, [hash]);
	return rows.length > 0;
}

/** Secrets left undefined keep the stored ones. False when another provider already uses that phone-number id. */
export async function saveConnection(
	db: Runner,
	orgId: string,
	c: {
		enabled: boolean;
		phoneNumberId: string | null;
		accessToken?: { sealed: string; last4: string };
		appSecretSealed?: string;
		verifyTokenHash?: string;
		userId: string;
	}
): Promise<boolean> {
	const taken = await db.query(`select 1 from whatsapp_connections where phone_number_id = $1 and org_id <> $2`, [c.phoneNumberId, orgId]);
	if (taken.length) return false;
	await db.query(
		`insert into whatsapp_connections (org_id, enabled, phone_number_id, access_token_sealed, access_token_last4, app_secret_sealed, verify_token_hash, updated_by)
		 values ($1, $2, $3, $4, $5, $6, $7, $8)
		 on conflict (org_id) do update set enabled = excluded.enabled, phone_number_id = excluded.phone_number_id,
		   access_token_sealed = coalesce($4, whatsapp_connections.access_token_sealed),
		   access_token_last4 = coalesce($5, whatsapp_connections.access_token_last4),
		   app_secret_sealed = coalesce($6, whatsapp_connections.app_secret_sealed),
		   verify_token_hash = coalesce($7, whatsapp_connections.verify_token_hash),
		   updated_by = excluded.updated_by, updated_at = now()`,
		[
			orgId,
			c.enabled,
			c.phoneNumberId,
			c.accessToken?.sealed ?? null,
			c.accessToken?.last4 ?? null,
			c.appSecretSealed ?? null,
			c.verifyTokenHash ?? null,
			c.userId
		]
	);
	return true;
}
