/** Messages to customers (customer_messages) and the card data their texts are filled from. */
import { sql } from 'drizzle-orm';
import { firstOf, rowsOf, type Executor } from './card-tx';
import type { MessageChannel, MessageStatus, SentMessage } from '$lib/types/messages';

/** What the message variables read from a card (domain/message-templates.ts). */
export interface MessageCard {
	id: string;
	folio: number;
	stage: string;
	fullName: string;
	phone: string | null;
	phoneAlt: string | null;
	email: string | null;
	howHeard: string | null;
	houseOwnership: string | null;
	lat: number | null;
	lng: number | null;
	installationDate: string | null;
	installationTime: string | null;
	technicianId: string | null;
	technicianName: string | null;
	contractType: string | null;
	contractSignedAt: string | null;
	sheetSignedAt: string | null;
	wifiName: string | null;
	wifiPassword: string | null;
	fileCategories: string[];
}

const CARD = sql`select i.id, i.folio::int as folio, i.stage, i.full_name as "fullName", i.phone, i.phone_alt as "phoneAlt", i.email,
	i.how_heard as "howHeard", i.house_ownership as "houseOwnership", i.lat::float8 as lat, i.lng::float8 as lng,
	i.installation_date::text as "installationDate", i.installation_time as "installationTime",
	i.technician_id as "technicianId", u.name as "technicianName", i.contract_type as "contractType",
	i.contract_signed_at::text as "contractSignedAt", i.sheet_signed_at::text as "sheetSignedAt",
	i.wifi_name as "wifiName", i.wifi_password as "wifiPassword",
	coalesce((select array_agg(distinct f.category) from files f
		where f.installation_id = i.id and f.superseded_at is null), '{}') as "fileCategories"
	from installations i left join users u on u.id = i.technician_id`;

export function card(exec: Executor, orgId: string, id: string): Promise<MessageCard | null> {
	return firstOf<MessageCard>(exec, sql`${CARD} where i.org_id = ${orgId} and i.id = ${id}`);
}

/** The open cards installed on `date` (the «Para mañana» list), by time slot then folio. */
export function scheduledOn(exec: Executor, orgId: string, date: string): Promise<MessageCard[]> {
	return rowsOf<MessageCard>(
		exec,
		sql`${CARD} where i.org_id = ${orgId} and i.installation_date = ${date}::date and i.stage not in ('activa', 'cancelada')
			order by i.installation_time nulls last, i.folio`
	);
}

export interface MessageInsert {
	orgId: string;
	installationId: string;
	templateKey: string;
	channel: MessageChannel;
	phone: string;
	body: string;
	status: MessageStatus;
	sentBy: string | null;
}

export async function insert(exec: Executor, m: MessageInsert): Promise<{ id: string; createdAt: string }> {
	return (await firstOf<{ id: string; createdAt: string }>(
		exec,
		sql`insert into customer_messages (org_id, installation_id, template_key, channel, phone, body, status, sent_by)
			values (${m.orgId}, ${m.installationId}, ${m.templateKey}, ${m.channel}, ${m.phone}, ${m.body}, ${m.status}, ${m.sentBy})
			returning id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt"`
	))!;
}

const SENT = sql`select m.id, m.installation_id as "installationId", m.template_key as "templateKey", m.channel, m.phone, m.body,
	m.status, u.name as "sentBy", to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt"
	from customer_messages m left join users u on u.id = m.sent_by`;

/** A card's messages, newest first. */
export function forCard(exec: Executor, orgId: string, installationId: string, limit = 50): Promise<SentMessage[]> {
	return rowsOf<SentMessage>(
		exec,
		sql`${SENT} where m.org_id = ${orgId} and m.installation_id = ${installationId} order by m.created_at desc, m.id limit ${limit}`
	);
}

/** The newest message of `templateKey` to each of the cards since the start of `day` in `timeZone`. */
export function latestSince(
	exec: Executor,
	orgId: string,
	installationIds: string[],
	templateKey: string,
	day: string,
	timeZone: string
): Promise<SentMessage[]> {
	if (!installationIds.length) return Promise.resolve([]);
	return rowsOf<SentMessage>(
		exec,
		sql`select distinct on (x."installationId") x.* from (${SENT}
			where m.org_id = ${orgId} and m.installation_id = any(${`{${installationIds.join(',')}}`}::uuid[])
			  and m.template_key = ${templateKey} and m.created_at >= (${day}::date::timestamp at time zone ${timeZone})) x
			order by x."installationId", x."createdAt" desc`
	);
}
