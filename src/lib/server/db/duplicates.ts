import type { RawRunner } from './client';
import type { DuplicateMatch, DuplicateView } from '$lib/types/duplicates';

type Runner = Pick<RawRunner, 'query'>;

export interface DuplicatePairRow {
	id: string;
	olderId: string;
	newerId: string;
	status: 'open' | 'dismissed' | 'merged';
	resolvedBy: string | null;
}

/**
 * The cards of the provider that share a phone (main or additional, either side) or the email
 * (any case) with this card: open ones, and closed ones (activa, cancelada) closed in the last
 * `recentDays` days. A card cancelled as a duplicate is already merged away and attracts nothing.
 */
export async function matchesOf(db: Runner, orgId: string, cardId: string, recentDays: number): Promise<DuplicateMatch[]> {
	return db.query<DuplicateMatch>(
		`with me as (select phone, phone_alt, lower(email) as email from installations where org_id = $1 and id = $2)
		select o.id, o.folio::int as folio,
			array_remove(array[
				case when o.phone in (me.phone, me.phone_alt) or o.phone_alt in (me.phone, me.phone_alt) then 'phone' end,
				case when lower(o.email) = me.email then 'email' end], null) as "matchedOn"
		from installations o, me
		where o.org_id = $1 and o.id <> $2
			and (o.phone in (me.phone, me.phone_alt) or o.phone_alt in (me.phone, me.phone_alt) or lower(o.email) = me.email)
			and (o.stage not in ('activa', 'cancelada') or o.stage_changed_at > now() - make_interval(days => $3))
			and o.cancel_reason is distinct from 'duplicado'
		order by o.created_at, o.folio`,
		[orgId, cardId, recentDays]
	);
}

/** A card an imported row would duplicate: its phones and email, to tell which rows it matches. */
export interface ExistingContact {
	folio: number;
	fullName: string;
	phone: string | null;
	phoneAlt: string | null;
	email: string | null;
}

/**
 * The same rule as `matchesOf`, for phones and emails not yet on a card (an import's rows): the
 * provider's open or recently closed cards sharing any of them, not cancelled as duplicates.
 */
export async function matchingContacts(
	db: Runner,
	orgId: string,
	phones: string[],
	emails: string[],
	recentDays: number
): Promise<ExistingContact[]> {
	if (phones.length === 0 && emails.length === 0) return [];
	return db.query<ExistingContact>(
		`select o.folio::int as folio, o.full_name as "fullName", o.phone, o.phone_alt as "phoneAlt", lower(o.email) as email
		from installations o
		where o.org_id = $1
			and (o.phone = any($2::text[]) or o.phone_alt = any($2::text[]) or lower(o.email) = any($3::text[]))
			and (o.stage not in ('activa', 'cancelada') or o.stage_changed_at > now() - make_interval(days => $4))
			and o.cancel_reason is distinct from 'duplicado'
		order by o.created_at, o.folio`,
		[orgId, phones, emails, recentDays]
	);
}

/** Stores a pair once: a pair already resolved either way stays as it is. */
export async function flag(db: Runner, p: { orgId: string; olderId: string; newerId: string; matchedOn: string[] }): Promise<boolean> {
	const rows = await db.query(
		`insert into duplicate_pairs (org_id, older_id, newer_id, matched_on) values ($1, $2, $3, $4::text[])
		 on conflict (org_id, older_id, newer_id) do nothing returning id`,
		[p.orgId, p.olderId, p.newerId, p.matchedOn]
	);
	return rows.length > 0;
}

/** One pair of a card of this provider (without lock: to learn which cards to lock first). */
export async function pairOf(db: Runner, orgId: string, pairId: string, lock = false): Promise<DuplicatePairRow | null> {
	const [row] = await db.query<DuplicatePairRow>(
		`select id, older_id as "olderId", newer_id as "newerId", status, resolved_by as "resolvedBy"
		 from duplicate_pairs where org_id = $1 and id = $2 ${lock ? 'for update' : ''}`,
		[orgId, pairId]
	);
	return row ?? null;
}

/** The open pairs of one card, as its panel shows them (the other card of each). */
export async function openFor(db: Runner, orgId: string, cardId: string): Promise<DuplicateView[]> {
	return db.query<DuplicateView>(
		`select d.id as "pairId", o.id as "otherId", o.folio::int as "otherFolio", o.full_name as "otherName", o.stage as "otherStage",
			(d.older_id = o.id) as "otherIsOlder", d.matched_on as "matchedOn"
		from duplicate_pairs d
		join installations o on o.id = case when d.older_id = $2 then d.newer_id else d.older_id end
		where d.org_id = $1 and d.status = 'open' and (d.older_id = $2 or d.newer_id = $2)
		order by o.folio`,
		[orgId, cardId]
	);
}

export async function resolve(db: Runner, pairId: string, status: 'dismissed' | 'merged', userId: string): Promise<void> {
	await db.query(`update duplicate_pairs set status = $2, resolved_at = now(), resolved_by = $3 where id = $1`, [pairId, status, userId]);
}

/** The name of who resolved a pair, for the 409 of the one who came second. */
export async function userName(db: Runner, userId: string | null): Promise<string | null> {
	if (!userId) return null;
	const [row] = await db.query<{ name: string }>('select name from users where id = $1', [userId]);
	return row?.name ?? null;
}
