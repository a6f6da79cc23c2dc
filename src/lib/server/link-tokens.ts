import { createHash } from 'node:crypto';

/**
 * Tokens of the links that stand in for a password (an invitation, a password reset): 32 random
 * bytes, base64url, in the link only; the database keeps their SHA-256, like signing links.
 */
export function newLinkToken(): string {
	const bytes = new Uint8Array(32);
	crypto.getRandomValues(bytes);
	return Buffer.from(bytes).toString('base64url');
}

export const hashLinkToken = (token: string): string => createHash('sha256').update(token).digest('hex');
