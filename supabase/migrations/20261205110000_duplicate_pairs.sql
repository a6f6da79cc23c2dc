-- Possible duplicates (issue 18, item 2): a new lead whose phone (main or additional) or email
-- matches another open or recently closed card of the same provider is stored here as a pair, and
-- both cards show it. The pair is resolved once, by a merge or by «No es duplicado»; a resolved
-- pair is never flagged again (the unique key).
create table duplicate_pairs (
	id uuid primary key default gen_random_uuid(),
	org_id uuid not null references organizations (id) on delete cascade,
	-- The card registered first (kept by a merge) and the one that arrived later.
	older_id uuid not null references installations (id) on delete cascade,
	newer_id uuid not null references installations (id) on delete cascade,
	matched_on text[] not null,
	status text not null default 'open',
	created_at timestamptz not null default now(),
	resolved_at timestamptz,
	resolved_by uuid references users (id) on delete set null,
	constraint duplicate_pairs_distinct check (older_id <> newer_id),
	constraint duplicate_pairs_matched_on_check check (cardinality(matched_on) > 0 and matched_on <@ array['phone', 'email']::text[]),
	constraint duplicate_pairs_status_check check (status in ('open', 'dismissed', 'merged')),
	constraint duplicate_pairs_org_pair_key unique (org_id, older_id, newer_id)
);
comment on table duplicate_pairs is 'Possible duplicate cards (same phone or email), flagged when a lead is created; resolved by a merge or a dismissal.';

-- A card's open pairs are read for every board card: both sides, open ones only.
create index duplicate_pairs_older_open_idx on duplicate_pairs (older_id) where status = 'open';
create index duplicate_pairs_newer_open_idx on duplicate_pairs (newer_id) where status = 'open';
create index duplicate_pairs_newer_idx on duplicate_pairs (org_id, newer_id);

-- Detection looks a new lead's phone up in both phone columns and its email case-insensitively.
create index installations_phone_alt_idx on installations (org_id, phone_alt) where phone_alt is not null;
create index installations_email_idx on installations (org_id, lower(email)) where email is not null;

alter table duplicate_pairs enable row level security;

-- What a card shows changes its version: the board's duplicate badge comes from this table.
create function duplicate_pairs_touch_cards() returns trigger
language plpgsql as $$
begin
	update installations set version = version + 1
	 where id in (coalesce(new.older_id, old.older_id), coalesce(new.newer_id, old.newer_id),
		old.older_id, old.newer_id);
	return null;
end;
$$;

create trigger duplicate_pairs_touch_cards after insert or delete or update of status, older_id, newer_id on duplicate_pairs
	for each row execute function duplicate_pairs_touch_cards();
