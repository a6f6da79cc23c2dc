/** A piece of a message: its own words, or the place where one of its inputs goes. */
export type MessagePart<K extends string = string> = { text: string } | { input: K };

/**
 * A message cut around its inputs, so each inserted value can sit in its own element: a `<code>`
 * for template syntax, a `<span lang>` for another product's own menu names.
 */
export function messageParts<K extends string>(render: (inputs: Record<K, string>) => string, inputs: readonly K[]): MessagePart<K>[] {
	const marked = render(Object.fromEntries(inputs.map((name) => [name, `\u0000${name}\u0000`])) as Record<K, string>);
	return marked
		.split('\u0000')
		.map((piece, i): MessagePart<K> => (i % 2 ? { input: piece as K } : { text: piece }))
		.filter((p) => !('text' in p) || p.text !== '');
}
