import { sql } from 'drizzle-orm';
import { firstOf, rowsOf, type Executor } from './card-tx';
import type { Stage } from '$lib/domain/stages';

/** What a RouterOS PPPoE secret is made from. */
export interface SecretRow {
	folio: number;
	fullName: string;
	pppoeUser: string | null;
	pppoePassword: string | null;
	profile: string | null;
	ip: string | null;
	zoneName: string | null;
}

const SECRET_SELECT = sql`select i.folio::int as folio, i.full_name as "fullName", i.pppoe_user as "pppoeUser",
	i.pppoe_password as "pppoePassword", p.routeros_profile as profile, host(i.ip) as ip, z.name as "zoneName"
	from installations i left join plans p on p.id = i.plan_id left join zones z on z.id = i.zone_id`;

export async function secretOf(exec: Executor, orgId: string, id: string): Promise<SecretRow | null> {
	return firstOf<SecretRow>(exec, sql`${SECRET_SELECT} where i.org_id = ${orgId} and i.id = ${id}`);
}

/** A zone's pending activations: scheduled, assigned or signed cards that have PPPoE data. */
export async function pendingSecrets(exec: Executor, orgId: string, zoneId: string): Promise<SecretRow[]> {
	return rowsOf<SecretRow>(
		exec,
		sql`${SECRET_SELECT} where i.org_id = ${orgId} and i.zone_id = ${zoneId}
			and i.stage in ('agendada', 'asignada', 'firmada') and i.pppoe_user is not null and i.pppoe_password is not null
			order by i.installation_date nulls last, i.folio`
	);
}

/** One line of the installations CSV. */
export interface CsvRow {
	folio: number;
	fullName: string;
	stage: Stage;
	phone: string | null;
	email: string | null;
	address: string;
	city: string | null;
	zoneName: string | null;
	planName: string | null;
	contractType: string | null;
	registeredOn: string;
	installationDate: string | null;
	technicianName: string | null;
	pppoeUser: string | null;
	ip: string | null;
}

/** Installations whose installation date (or, without one, registration date) is between two dates. */
export async function installationsBetween(exec: Executor, orgId: string, from: string, to: string): Promise<CsvRow[]> {
	return rowsOf<CsvRow>(
		exec,
		sql`select i.folio::int as folio, i.full_name as "fullName", i.stage, i.phone, i.email,
			concat_ws(', ', 'SM ' || i.addr_sm, 'MZ ' || i.addr_mz, 'LT ' || i.addr_lt, '#' || i.addr_ext, i.addr_street, i.addr_colonia) as address,
			i.addr_city as city, z.name as "zoneName", p.name as "planName", i.contract_type as "contractType",
			i.registered_on::text as "registeredOn", i.installation_date::text as "installationDate", u.name as "technicianName",
			i.pppoe_user as "pppoeUser", host(i.ip) as ip
		 from installations i left join zones z on z.id = i.zone_id left join plans p on p.id = i.plan_id
		 left join users u on u.id = i.technician_id
		 where i.org_id = ${orgId} and coalesce(i.installation_date, i.registered_on) between ${from}::date and ${to}::date
		 order by coalesce(i.installation_date, i.registered_on), i.folio`
	);
}
