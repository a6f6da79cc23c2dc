-- Counters of the rate limits (sign-in failures and lockouts, the public request form, signing
-- links, socket handshakes), kept in the database so every instance counts the same hits and a
-- restart forgets nothing. One row per limit and key: `key` is '<limit>:<client key>', `points`
-- the hits in the current window, `expire` when the window ends (milliseconds since 1970, as
-- rate-limiter-flexible writes it). Rows past their window are deleted by the app now and then.
create table rate_limits (
	key text primary key,
	points integer not null default 0,
	expire bigint
);
create index rate_limits_expire_idx on rate_limits (expire);

alter table rate_limits enable row level security;
