-- Current definition, written by `npm run db:schemas` from a database migrated with supabase/migrations.
-- Change the schema with a new migration and run it again; a test compares both.

set check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.board_position_between(p_before double precision, p_after double precision, p_gap double precision, p_min_gap double precision)
 RETURNS double precision
 LANGUAGE plpgsql
 IMMUTABLE
AS $function$
declare
	v_low double precision;
	v_high double precision;
	v_mid double precision;
begin
	if p_before = 'Infinity' or p_before = '-Infinity' or p_before = 'NaN'
		or p_after = 'Infinity' or p_after = '-Infinity' or p_after = 'NaN' then
		return null;
	end if;
	if p_before is null then
		if p_after is null then
			return p_gap;
		end if;
		-- Halving towards zero keeps positions positive, with zero as the floor.
		if p_after > 0 then
			v_low := 0;
		else
			v_low := p_after - 2 * p_gap;
		end if;
		v_high := p_after;
	elsif p_after is null then
		if p_before + p_gap > p_before then
			return p_before + p_gap;
		end if;
		return null;
	else
		v_low := p_before;
		v_high := p_after;
	end if;
	if not (v_high - v_low >= p_min_gap) then
		return null;
	end if;
	v_mid := v_low + (v_high - v_low) / 2;
	if v_low < v_mid and v_mid < v_high then
		return v_mid;
	end if;
	return null;
end;
$function$;
