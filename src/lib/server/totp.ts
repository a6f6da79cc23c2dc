import { generateHOTP, verifyHOTP, createTOTPKeyURI } from '@oslojs/otp';
import { encodeBase32LowerCaseNoPadding, encodeBase32UpperCaseNoPadding, decodeBase32IgnorePadding } from '@oslojs/encoding';
import { createHash } from 'node:crypto';
import QRCode from 'qrcode';

/** RFC 6238 as every authenticator app reads it: SHA-1, 30-second steps, 6 digits. */
export const PERIOD = 30;
export const DIGITS = 6;

export function newTotpKey(): Uint8Array {
	const key = new Uint8Array(20);
	crypto.getRandomValues(key);
	return key;
}

export const keyToText = (key: Uint8Array): string => encodeBase32UpperCaseNoPadding(key);
export const keyFromText = (text: string): Uint8Array => decodeBase32IgnorePadding(text);

/** «ABCD EFGH …», easier to type into an app by hand. */
export const groupedKey = (key: Uint8Array): string => keyToText(key).replace(/(.{4})(?=.)/g, '$1 ');

export const currentStep = (now = Date.now()): number => Math.floor(now / 1000 / PERIOD);

/**
 * The step a code belongs to, accepting the one before and after (a phone's clock a little off);
 * null when it matches none. The caller refuses a step already used, so a code works once.
 */
export function matchingStep(key: Uint8Array, code: string, now = Date.now()): number | null {
	const step = currentStep(now);
	for (const s of [step, step - 1, step + 1]) if (verifyHOTP(key, BigInt(s), DIGITS, code)) return s;
	return null;
}

export const codeAt = (key: Uint8Array, step: number): string => generateHOTP(key, BigInt(step), DIGITS);

/** The QR an authenticator app scans, as SVG markup rendered here (the secret never leaves the server as an image request). */
export function enrolmentQrSvg(issuer: string, account: string, key: Uint8Array): Promise<string> {
	return QRCode.toString(createTOTPKeyURI(issuer, account, key, PERIOD, DIGITS), { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

/** Ten codes of 10 base32 letters (50 bits each), shown as `abcde-fghij`. */
export function newRecoveryCodes(): string[] {
	return Array.from({ length: 10 }, () => {
		const bytes = new Uint8Array(7);
		crypto.getRandomValues(bytes);
		const text = encodeBase32LowerCaseNoPadding(bytes).slice(0, 10);
		return `${text.slice(0, 5)}-${text.slice(5)}`;
	});
}

/** The stored form of a recovery code, whatever dashes or case it was typed with. */
export const hashRecoveryCode = (code: string): string =>
	createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest('hex');
