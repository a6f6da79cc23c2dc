import { getDb } from '$lib/server/db';
import { calendarView, rescheduleFromCalendar } from '$lib/server/services/calendar';
import { toFail, toHttpError } from '$lib/server/forms';
import { formToObject } from '$lib/server/validation';

export async function load({ locals, url }) {
	try {
		const q = url.searchParams;
		return { cal: await calendarView(await getDb(), locals.user!, { vista: q.get('vista'), fecha: q.get('fecha') }) };
	} catch (err) {
		toHttpError(err);
	}
}

export const actions = {
	reschedule: async ({ request, locals }) => {
		const values = formToObject(await request.formData());
		try {
			return { moved: await rescheduleFromCalendar(await getDb(), locals.user!, values) };
		} catch (err) {
			return toFail(err, values);
		}
	}
};
