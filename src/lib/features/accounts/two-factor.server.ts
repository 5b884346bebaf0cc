/**
 * Two-step sign-in with an authenticator app (TOTP, RFC 6238) and one-time recovery codes, on better-auth's plugin.
 * - `startTwoFactorSetup`: after the password, a new secret (as QR code and as text) and ten recovery codes.
 * - `confirmTwoFactorSetup`: the first code from the app switches two-step sign-in on.
 * - `turnOffTwoFactor`: with the password.
 * - `completeTwoFactorSignIn`: the second step of signing in, with an app code or a recovery code.
 * Every code is taken once: an app code by its time step (src/lib/server/auth/single-use-totp.ts), a recovery code by
 * better-auth itself.
 */
import { APIError } from 'better-auth/api';
import QRCode from 'qrcode';
import type { Auth } from '$lib/server/auth/auth';
import { log } from '$lib/server/log';

type Outcome<Reason extends string> = { ok: true } | { ok: false; reason: Reason };

export interface TwoFactorSetup {
	/** otpauth:// URI for authenticator apps. */
	totpUri: string;
	/** The secret in base32, for typing into an app by hand. */
	secret: string;
	/** Inline SVG of the QR code (server-rendered; no remote image). */
	qrSvg: string;
	recoveryCodes: string[];
}

/** Renders the QR code and the secret for a setup URI (also used to show it again after a wrong code). */
export async function describeSetup(totpUri: string, recoveryCodes: string[]): Promise<TwoFactorSetup> {
	const secret = new URL(totpUri).searchParams.get('secret') ?? '';
	const qrSvg = await QRCode.toString(totpUri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
	return { totpUri, secret, qrSvg, recoveryCodes };
}

export async function startTwoFactorSetup(
	auth: Auth,
	input: { password: string; headers: Headers }
): Promise<{ ok: true; setup: TwoFactorSetup } | { ok: false; reason: 'wrong_password' }> {
	try {
		const result = await auth.api.enableTwoFactor({ body: { password: input.password }, headers: input.headers });
		if (!('totpURI' in result) || !result.totpURI) throw new Error('two-step setup gave no TOTP URI');
		return { ok: true, setup: await describeSetup(result.totpURI, result.backupCodes ?? []) };
	} catch (error) {
		if (error instanceof APIError) return { ok: false, reason: 'wrong_password' };
		throw error;
	}
}

export async function confirmTwoFactorSetup(
	auth: Auth,
	input: { code: string; headers: Headers }
): Promise<Outcome<'wrong_code'>> {
	return verifyCode(() => auth.api.verifyTOTP({ body: { code: input.code }, headers: input.headers }));
}

export async function turnOffTwoFactor(
	auth: Auth,
	input: { password: string; headers: Headers }
): Promise<Outcome<'wrong_password'>> {
	try {
		await auth.api.disableTwoFactor({ body: { password: input.password }, headers: input.headers });
		return { ok: true };
	} catch (error) {
		if (error instanceof APIError) return { ok: false, reason: 'wrong_password' };
		throw error;
	}
}

/** Six digits are an app code; anything else is tried as a recovery code. */
export async function completeTwoFactorSignIn(
	auth: Auth,
	input: { code: string; headers: Headers }
): Promise<Outcome<'wrong_code'>> {
	const code = input.code.replace(/\s+/g, '');
	if (/^\d{6}$/.test(code)) {
		return verifyCode(() => auth.api.verifyTOTP({ body: { code }, headers: input.headers }));
	}
	return verifyCode(() => auth.api.verifyBackupCode({ body: { code }, headers: input.headers }));
}

async function verifyCode(call: () => Promise<unknown>): Promise<Outcome<'wrong_code'>> {
	try {
		await call();
		return { ok: true };
	} catch (error) {
		if (error instanceof APIError) {
			// better-auth's code (e.g. INVALID_CODE, INVALID_TWO_FACTOR_COOKIE) tells a wrong code from a lost session.
			log().warn({ source: 'two-factor', code: errorCode(error), status: error.status }, 'code refused');
			return { ok: false, reason: 'wrong_code' };
		}
		throw error;
	}
}

function errorCode(error: APIError): string {
	const body: unknown = error.body;
	const code = body && typeof body === 'object' && 'code' in body ? body.code : undefined;
	return typeof code === 'string' ? code : 'unknown';
}
