import { fieldSchema, sameValue, type CardField, type FieldContext, type FieldValue } from '$lib/schemas/card';
import { m } from '$lib/paraglide/messages.js';
import { cards } from '$lib/api';

export const AUTOSAVE_MS = 600;

export interface Conflict {
	mine: FieldValue;
	theirs: FieldValue;
}

/**
 * Per-field autosave for one open card. Each field keeps the value it was loaded with (`base`);
 * a save sends it so the server can tell "someone else changed this same field" (409, both
 * values shown) from "the card changed elsewhere" (merged). Live updates never overwrite a field
 * with unsaved typing.
 */
export class CardEditor {
	base = $state<Record<string, FieldValue>>({});
	draft = $state<Record<string, FieldValue>>({});
	status = $state<Record<string, 'saving' | 'saved' | undefined>>({});
	errors = $state<Record<string, string | undefined>>({});
	conflicts = $state<Record<string, Conflict | undefined>>({});
	#version = 0;
	#timers = new Map<string, ReturnType<typeof setTimeout>>();

	constructor(
		readonly cardId: string,
		values: Record<string, FieldValue>,
		version: number,
		private ctx: () => FieldContext,
		private onSaved: () => void
	) {
		this.base = { ...values };
		this.draft = { ...values };
		this.#version = version;
	}

	dirty(field: string): boolean {
		return this.#timers.has(field) || this.status[field] === 'saving' || !!this.conflicts[field] || !!this.errors[field];
	}

	/** New server values (after a save or someone else's change); fields being edited are left alone. */
	sync(values: Record<string, FieldValue>, version: number) {
		this.#version = version;
		for (const [k, v] of Object.entries(values)) {
			if (this.dirty(k) && !sameValue(this.draft[k], v)) continue;
			this.base[k] = v;
			this.draft[k] = v;
		}
	}

	set(field: CardField, value: FieldValue, delay = AUTOSAVE_MS) {
		this.draft[field] = value;
		this.status[field] = undefined;
		const parsed = fieldSchema(field, this.ctx()).safeParse(value);
		clearTimeout(this.#timers.get(field));
		this.#timers.delete(field);
		if (!parsed.success) {
			this.errors[field] = parsed.error.issues[0]?.message;
			return;
		}
		this.errors[field] = undefined;
		this.#timers.set(
			field,
			setTimeout(() => void this.save(field), delay)
		);
	}

	async save(field: CardField, force = false) {
		clearTimeout(this.#timers.get(field));
		this.#timers.delete(field);
		const value = this.draft[field];
		this.status[field] = 'saving';
		const r = await cards.saveField(this.cardId, { field, value, baseVersion: this.#version, baseValue: this.base[field], force });
		if (!r.ok) {
			const conflict = r.error.status === 409 ? (r.error.body.conflict as { theirs: FieldValue } | undefined) : undefined;
			if (conflict) this.conflicts[field] = { mine: value, theirs: conflict.theirs };
			else this.errors[field] = r.error.status === 0 ? m.card_error_network() : r.error.message;
			this.status[field] = undefined;
			return;
		}
		this.base[field] = r.data.value;
		if (sameValue(this.draft[field], value)) this.draft[field] = r.data.value;
		this.#version = r.data.version;
		this.errors[field] = undefined;
		this.status[field] = 'saved';
		this.onSaved();
	}

	keepMine(field: CardField) {
		const c = this.conflicts[field];
		if (!c) return;
		this.conflicts[field] = undefined;
		this.base[field] = c.theirs;
		this.draft[field] = c.mine;
		void this.save(field, true);
	}

	takeTheirs(field: CardField) {
		const c = this.conflicts[field];
		if (!c) return;
		this.conflicts[field] = undefined;
		this.base[field] = c.theirs;
		this.draft[field] = c.theirs;
	}

	/** Saves whatever is still waiting for its debounce (closing the panel, leaving the page). */
	flush() {
		for (const field of [...this.#timers.keys()]) void this.save(field as CardField);
	}
}
