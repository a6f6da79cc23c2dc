import type { ActionReturn } from 'svelte/action';
import type { DndEvent, Options } from 'svelte-dnd-action';

type Dnd = typeof import('svelte-dnd-action');
type ZoneAttributes<T> = {
	onconsider?: (e: CustomEvent<DndEvent<T>>) => void;
	onfinalize?: (e: CustomEvent<DndEvent<T>>) => void;
};

/**
 * The drag library (svelte-dnd-action, about 10 KB compressed) is not part of the board's first load:
 * it comes with the first sign that someone may drag (the pointer over the columns, a touch, the
 * keyboard on a card) and every column becomes a drop zone as soon as it is in. Until then the board
 * works without it: cards open and «Mover a…» moves them. A phone that only looks downloads none of it.
 */

/** dnd-action's event values the board reads, without importing the library for them. */
export const DRAG_STOPPED = 'dragStopped';
export const FROM_POINTER = 'pointer';

let configure: ((dnd: Dnd) => void) | undefined;
let loading: Promise<Dnd> | undefined;
let resolveLoaded: (dnd: Dnd) => void = () => {};
const loaded = new Promise<Dnd>((resolve) => (resolveLoaded = resolve));

/** What to set on the library (keys, spoken strings) when it arrives, before any zone. */
export function configureDnd(fn: (dnd: Dnd) => void): void {
	configure = fn;
}

/** Loads the library once; a failed load (no signal) is tried again on the next call. */
export function loadDnd(): Promise<Dnd> {
	loading ??= import('svelte-dnd-action').then(
		(dnd) => {
			configure?.(dnd);
			resolveLoaded(dnd);
			return dnd;
		},
		(err: unknown) => {
			loading = undefined;
			throw err;
		}
	);
	return loading;
}

/** Starts loading the library, without waiting (for event handlers). */
export function preloadDnd(): void {
	loadDnd().catch(() => {});
}

/** {@attach loadDndOnApproach}: the first pointer, touch or focus inside the element loads the library. */
export function loadDndOnApproach(node: HTMLElement): () => void {
	const events = ['pointerover', 'pointerdown', 'focusin'] as const;
	const stop = () => events.forEach((name) => node.removeEventListener(name, preloadDnd));
	events.forEach((name) => node.addEventListener(name, preloadDnd, { passive: true }));
	void loaded.then(stop);
	return stop;
}

/**
 * use:lazyDndzone — dnd-action's dndzone, set up when the library arrives (and marked
 * `data-dnd="ready"`), with whatever options the column has by then.
 */
export function lazyDndzone<T extends { id: string }>(node: HTMLElement, options: Options<T>): ActionReturn<Options<T>, ZoneAttributes<T>> {
	let current = options;
	let zone: { update?: (o: Options<T>) => void; destroy?: () => void } | undefined;
	let gone = false;
	void loaded.then((dnd) => {
		if (gone) return;
		zone = dnd.dndzone(node, current);
		node.dataset.dnd = 'ready';
	});
	return {
		update(next) {
			current = next;
			zone?.update?.(next);
		},
		destroy() {
			gone = true;
			zone?.destroy?.();
		}
	};
}

/** Says something through dnd-action's live region (the one its drags speak in). */
export function announce(text: string): void {
	loadDnd().then(
		(dnd) => dnd.alertToScreenReader(text),
		() => {}
	);
}
