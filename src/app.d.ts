import type { Session, SessionUser } from '$lib/server/auth';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
		}
		interface Error {
			message: string;
		}
		interface PageData {
			user?: SessionUser | null;
		}
		/** Shallow routing: the board opens a card in a side panel with its page's data. */
		interface PageState {
			cardData?: unknown;
		}
	}
}

export {};
