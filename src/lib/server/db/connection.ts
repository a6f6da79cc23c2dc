import { sql } from 'drizzle-orm';
import { firstOf, pgError, rowsOf, run, type Executor } from './card-tx';

/** A card's connection data with its zone's router, as the connection section shows it. */
export interface ConnectionRow {
	id: string;
	folio: number;
	fullName: string;
	phone: string | null;
	stage: string;
	zoneId: string | null;
	zoneName: string | null;
	routerName: string | null;
	planId: string | null;
	pppoeUser: string | null;
	pppoePassword: string | null;
	wifiPassword: string | null;
	wifiName: string | null;
	externalId: string | null;
	ip: string | null;
	version: number;
}

export async function of(exec: Executor, orgId: string, id: string): Promise<ConnectionRow | null> {
	return firstOf<ConnectionRow>(
		exec,
		sql`select i.id, i.folio::int as folio, i.full_name as "fullName", i.phone, i.stage, i.zone_id as "zoneId", z.name as "zoneName",
			z.router_name as "routerName", i.plan_id as "planId", i.pppoe_user as "pppoeUser", i.pppoe_password as "pppoePassword",
			i.wifi_password as "wifiPassword", i.wifi_name as "wifiName", i.external_id as "externalId", host(i.ip) as ip, i.version
		 from installations i left join zones z on z.id = i.zone_id where i.org_id = ${orgId} and i.id = ${id}`
	);
}

export interface InternetPlanRow {
	id: string;
	name: string;
	priceCents: number;
	speedMbps: number | null;
}

/** Active internet plans, plus `keepId` (the card's own plan) even if it was retired. */
export async function internetPlans(exec: Executor, orgId: string, keepId: string | null): Promise<InternetPlanRow[]> {
	return rowsOf<InternetPlanRow>(
		exec,
		sql`select id, name, price_cents as "priceCents", speed_mbps as "speedMbps" from plans
			where org_id = ${orgId} and kind = 'internet' and (active or id = ${keepId}) order by sort_order, name`
	);
}

export async function isInternetPlan(exec: Executor, orgId: string, planId: string): Promise<boolean> {
	return !!(await firstOf(exec, sql`select 1 from plans where org_id = ${orgId} and id = ${planId} and kind = 'internet'`));
}

/** The card that holds a PPPoE user, other than `exceptId`. */
export async function pppoeOwner(
	exec: Executor,
	orgId: string,
	user: string,
	exceptId: string | null = null
): Promise<{ folio: number; fullName: string } | null> {
	return firstOf<{ folio: number; fullName: string }>(
		exec,
		exceptId
			? sql`select folio::int as folio, full_name as "fullName" from installations
				where org_id = ${orgId} and pppoe_user = ${user} and id <> ${exceptId}`
			: sql`select folio::int as folio, full_name as "fullName" from installations where org_id = ${orgId} and pppoe_user = ${user}`
	);
}

/** The editable connection columns, keyed by column name (history records them so). */
export interface CredentialsRow {
	pppoe_user: string | null;
	pppoe_password: string | null;
	wifi_password: string | null;
	wifi_name: string | null;
	external_id: string | null;
	plan_id: string | null;
}

export async function credentialsOf(exec: Executor, id: string): Promise<CredentialsRow | null> {
	return firstOf<CredentialsRow>(
		exec,
		sql`select pppoe_user, pppoe_password, wifi_password, wifi_name, external_id, plan_id from installations where id = ${id}`
	);
}

/** Another card took the PPPoE user first (the unique index decided between two saves at once). */
export class PppoeUserTaken extends Error {
	constructor(readonly user: string | null) {
		super('installations_org_pppoe_user_key');
		this.name = 'PppoeUserTaken';
	}
}

export async function setCredentials(exec: Executor, id: string, c: CredentialsRow): Promise<void> {
	try {
		await run(
			exec,
			sql`update installations set pppoe_user = ${c.pppoe_user}, pppoe_password = ${c.pppoe_password},
				wifi_password = ${c.wifi_password}, wifi_name = ${c.wifi_name}, external_id = ${c.external_id}, plan_id = ${c.plan_id}
				where id = ${id}`
		);
	} catch (err) {
		if (pgError(err).constraint === 'installations_org_pppoe_user_key') throw new PppoeUserTaken(c.pppoe_user);
		throw err;
	}
}
