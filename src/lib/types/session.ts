import type { Role } from '$lib/domain/stages';

/** The signed-in person as the server knows them after validating the session. */
export interface SessionUser {
	id: string;
	orgId: string;
	orgName: string;
	timeZone: string;
	email: string;
	name: string;
	role: Role;
	locale: string;
	color: string | null;
	/** The password is temporary (an admin chose it): only «Mi cuenta» opens until it is changed. */
	mustChangePassword?: boolean;
	/** The address this request came from, for the audit log (set per request, never stored). */
	ip?: string;
}
