/**
 * Configuration, validated once at boot. A wrong value stops the start with one readable line
 * that names the variable (see `formatConfigError`). Every variable is listed in `.env.example`.
 */
import { z } from 'zod';
import path from 'node:path';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const configSchema = z.object({
	PORT: z.coerce
		.number({ error: 'must be a whole number between 1 and 65535' })
		.int('must be a whole number between 1 and 65535')
		.min(1, 'must be a whole number between 1 and 65535')
		.max(65535, 'must be a whole number between 1 and 65535')
		.default(3000),
	HOST: z
		.string()
		.min(1, 'must not be empty')
		.regex(/^[\w.:-]+$/, 'must be a host name or IP address, e.g. 127.0.0.1')
		.default('0.0.0.0'),
	ORIGIN: z
		.url({ protocol: /^https?$/, error: 'must be a full http(s) URL, e.g. https://brug.example.nl' })
		.optional(),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\/.+/, 'must start with postgres:// or postgresql:// (leave it empty for SQLite)')
		.optional(),
	BRUG_DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
	LOG_LEVEL: z
		.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` })
		.default('info'),
	BODY_SIZE_LIMIT: z
		.string()
		.regex(/^\d+[KMG]?$/i, 'must be a size such as 64K or 1M')
		.default('64K')
});

export type Config = z.infer<typeof configSchema> & { dataDir: string };

/** Parses the environment; throws `ConfigError` naming the first wrong variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
	// An empty value counts as "not set", as in most .env tooling.
	const cleaned = Object.fromEntries(
		Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== '')
	);
	const result = configSchema.safeParse(cleaned);
	if (!result.success) {
		const issue = result.error.issues[0];
		const variable = String(issue?.path[0] ?? 'configuration');
		throw new ConfigError(variable, issue?.message ?? 'is not valid');
	}
	return { ...result.data, dataDir: path.resolve(result.data.BRUG_DATA_DIR) };
}

export class ConfigError extends Error {
	constructor(
		readonly variable: string,
		readonly reason: string
	) {
		super(`brug cannot start: ${variable} ${reason}.`);
		this.name = 'ConfigError';
	}
}

let current: Config | undefined;

/** The validated configuration of this process. */
export function config(): Config {
	current ??= parseConfig(process.env);
	return current;
}
