-- Issue 20, the welcome message (Wi-Fi name and password after «activa»): the name of the customer's
-- Wi-Fi network as set on their router, beside its password (installations.wifi_password). Edited in
-- the card's connection section; its length is checked there (WPA allows up to 32 bytes).
alter table public.installations add column wifi_name text;
