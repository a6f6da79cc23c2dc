import { RateLimiter } from '$lib/server/rate-limit';

// Per IP. Tokens carry 256 bits, so this is about load and abuse rather than guessing.
export const signingLimits = {
	view: new RateLimiter(Number(process.env.SIGNING_VIEW_LIMIT ?? 60), 60_000),
	sign: new RateLimiter(Number(process.env.SIGNING_SUBMIT_LIMIT ?? 10), 10 * 60_000)
};
