import { SharedRateLimiter } from '$lib/server/rate-limit';

// Per IP, shared by every instance. Tokens carry 256 bits, so this is about load and abuse rather than guessing.
export const signingLimits = {
	view: new SharedRateLimiter('signing-view', Number(process.env.SIGNING_VIEW_LIMIT ?? 60), 60_000),
	sign: new SharedRateLimiter('signing-submit', Number(process.env.SIGNING_SUBMIT_LIMIT ?? 10), 10 * 60_000)
};
