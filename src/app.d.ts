import type { Session, SessionUser } from '$lib/server/auth';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** X-Request-Id: the client's or proxy's, or a new one; on every log line of the request. */
			requestId: string;
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
