/** What a form action answered (the project's shape: `saveAction` and friends in $lib/server/forms). */
type ActionData =
	| { errors?: Record<string, string[]> | null; values?: Record<string, unknown> | null; message?: string; saved?: unknown }
	| null
	| undefined;

export interface FormState {
	errors: Record<string, string[]> | null;
	message: string | null;
	saved: boolean;
	/** What the person typed when the action refused it, else the stored value. */
	value(name: string, stored: string | number | null | undefined): string;
	/** For aria-invalid: "true" when the field has an error. */
	invalid(name: string): 'true' | undefined;
}

/** Reads a form action's answer the same way on every settings page. */
export function formState(form: ActionData | object): FormState {
	const f = (form ?? {}) as NonNullable<ActionData>;
	const errors = f.errors ?? null;
	const typed = (f.values ?? {}) as Record<string, unknown>;
	return {
		errors,
		message: f.message || null,
		saved: 'saved' in f,
		value: (name, stored) => {
			const v = typed[name];
			return typeof v === 'string' ? v : stored == null ? '' : String(stored);
		},
		invalid: (name) => (errors?.[name]?.length ? 'true' : undefined)
	};
}
