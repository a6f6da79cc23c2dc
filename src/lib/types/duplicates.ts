// Possible duplicate cards, shared by the server that finds them and the panel's banner.
import type { Stage } from '$lib/domain/stages';

export type DuplicateField = 'phone' | 'email';

/** Another card that shares a phone or the email with a new lead. */
export interface DuplicateMatch {
	id: string;
	folio: number;
	matchedOn: DuplicateField[];
}

/** One open pair as a card's panel shows it: the other card, and what they share. */
export interface DuplicateView {
	pairId: string;
	otherId: string;
	otherFolio: number;
	otherName: string;
	otherStage: Stage;
	/** The other card was registered first: a merge keeps it. */
	otherIsOlder: boolean;
	matchedOn: DuplicateField[];
}
