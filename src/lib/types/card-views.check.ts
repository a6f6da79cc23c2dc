// The sections type their fetched JSON by card-views.ts, not by the services; this file is what keeps
// the two equal. It is checked at compile time only (svelte-check, in CI): nothing imports it at run time.
import type { assignmentOptions } from '$lib/server/services/assignment';
import type { billingView } from '$lib/server/services/billing';
import type { connectionView } from '$lib/server/services/connection';
import type { AssignmentOptions, BillingView, ConnectionView } from './card-views';

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Holds<T extends true> = T;

export type ViewsMatchServices = [
	Holds<Same<Awaited<ReturnType<typeof billingView>>, BillingView>>,
	Holds<Same<Awaited<ReturnType<typeof connectionView>>, ConnectionView>>,
	Holds<Same<Awaited<ReturnType<typeof assignmentOptions>>, AssignmentOptions>>
];
