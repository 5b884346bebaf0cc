/**
 * The configuration schema, in plain JavaScript so that `scripts/start.js` can check the environment before
 * adapter-node reads it, and the app (`env.ts`) checks it again when started as `node build`.
 * A wrong value gives one readable line naming the variable.
 */
import path from 'node:path';
import { z } from 'zod';

const logLevels = /** @type {const} */ (['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
const portMessage = 'must be a whole number between 1 and 65535';

export const configSchema = z.object({
	PORT: z.coerce
		.number({ error: portMessage })
		.int(portMessage)
		.min(1, portMessage)
		.max(65535, portMessage)
		.default(3000),
	HOST: z
		.string()
		.regex(/^[\w.:-]+$/, 'must be a host name or IP address, e.g. 127.0.0.1')
		.default('0.0.0.0'),
	ORIGIN: z
		.url({ protocol: /^https?$/, error: 'must be a full http(s) URL, e.g. https://brug.example.nl' })
		.optional(),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\/.+/, 'must start with postgres:// or postgresql:// (leave it empty for SQLite)')
		.optional(),
	BRUG_DATA_DIR: z.string().default('./data'),
	LOG_LEVEL: z.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` }).default('info'),
	BODY_SIZE_LIMIT: z
		.string()
		.regex(/^\d+[KMG]?$/i, 'must be a size such as 64K or 1M')
		.default('64K'),
	BRUG_DATA_KEY: z
		.string()
		.refine(
			(value) => /^[A-Za-z0-9+/_-]{43}=?$/.test(value) && Buffer.from(value, 'base64').length === 32,
			'must be 32 random bytes in base64, e.g. the output of: openssl rand -base64 32'
		)
		.optional(),
	BRUG_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters of random text').optional(),
	BRUG_SETUP_TOKEN: z
		.string()
		.regex(/^[\w-]{24,200}$/, 'must be at least 24 letters, digits, - or _ (e.g. the output of: openssl rand -hex 16)')
		.optional(),
	BRUG_REMINDER_HOURS: z
		.string()
		.regex(/^([01]?\d|2[0-3])-([01]?\d|2[0-4])$/, 'must be two whole hours, from-until in local time, e.g. 9-20')
		.refine((value) => Number(value.split('-')[0]) < Number(value.split('-')[1]), 'the first hour must come before the second, e.g. 9-20')
		.default('9-20'),
	BRUG_SIGN_UPS_PER_HOUR: z.coerce
		.number({ error: 'must be a whole number of sign-ups, e.g. 100' })
		.int('must be a whole number of sign-ups, e.g. 100')
		.min(1, 'must be at least 1')
		.max(100000, 'must be at most 100000')
		.default(100),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\/.+/, 'must start with smtp:// or smtps:// (leave it empty to write mails to data/outbox)')
		.optional(),
	MAIL_FROM: z
		.string()
		.regex(/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+>?$/, 'must be an e-mail address, e.g. "brug <noreply@example.nl>"')
		.default('brug <noreply@localhost>')
});

/** @typedef {z.infer<typeof configSchema> & { dataDir: string }} Config */

export class ConfigError extends Error {
	/**
	 * @param {string} variable
	 * @param {string} reason
	 */
	constructor(variable, reason) {
		super(`brug cannot start: ${variable} ${reason}.`);
		this.name = 'ConfigError';
		this.variable = variable;
		this.reason = reason;
	}
}

/**
 * Parses the environment; throws `ConfigError` naming the first wrong variable.
 * @param {Record<string, string | undefined>} env
 * @returns {Config}
 */
export function parseConfig(env) {
	// An empty value counts as "not set", as in most .env tooling.
	const cleaned = Object.fromEntries(
		Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== '')
	);
	const result = configSchema.safeParse(cleaned);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new ConfigError(String(issue?.path[0] ?? 'configuration'), issue?.message ?? 'is not valid');
	}
	return { ...result.data, dataDir: path.resolve(result.data.BRUG_DATA_DIR) };
}
