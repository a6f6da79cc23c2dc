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
	}
}

export {};
