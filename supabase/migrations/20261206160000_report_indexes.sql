-- Issue 21 (reports): indexes for the reports' reads of a period (db/reports-*.ts), so a 90-day
-- report reads that stretch of history instead of all of it.

-- Cards entered in a period (the funnel's, the sources' and the agents' cohorts).
create index installations_created_idx on public.installations using btree (org_id, created_at);
-- Moves made in a period (the stays that end or begin in it) and first activations in a period.
create index stage_history_created_idx on public.stage_history using btree (org_id, created_at);
create index stage_history_to_stage_idx on public.stage_history using btree (org_id, to_stage, created_at, installation_id);
-- Cards whose history has its creation row (nearly all): the rest start at created_at.
create index stage_history_creation_idx on public.stage_history using btree (installation_id) where from_stage is null;
-- Calls and cancellations made in a period.
create index lead_calls_created_idx on public.lead_calls using btree (org_id, created_at);
create index cancellations_cancelled_idx on public.cancellations using btree (org_id, cancelled_at);
