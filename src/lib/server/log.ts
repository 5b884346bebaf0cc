/**
 * The one logger. Never log personal data: no answers, tokens, e-mail addresses, free text or IP addresses.
 * Requests are logged by route id (e.g. /(public)/uitslag/[token]), not by path, so tokens stay out of logs.
 */
import pino from 'pino';
import { config } from './env';

let instance: pino.Logger | undefined;

export function log(): pino.Logger {
	instance ??= pino({
		level: config().LOG_LEVEL,
		base: { app: 'brug' },
		redact: { paths: ['req.headers', 'answers', 'token', 'email'], remove: true }
	});
	return instance;
}
