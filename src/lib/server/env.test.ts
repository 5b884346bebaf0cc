import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ConfigError, parseConfig } from './env';

describe('parseConfig', () => {
	it('gives safe defaults', () => {
		const config = parseConfig({});
		expect(config.PORT).toBe(3000);
		expect(config.HOST).toBe('0.0.0.0');
		expect(config.DATABASE_URL).toBeUndefined();
		expect(config.LOG_LEVEL).toBe('info');
		expect(config.BRUG_SIGN_UPS_PER_HOUR).toBe(100);
		expect(parseConfig({ BRUG_SIGN_UPS_PER_HOUR: '500' }).BRUG_SIGN_UPS_PER_HOUR).toBe(500);
		expect(config.dataDir).toBe(path.resolve('./data'));
	});
	it('treats empty values as unset', () => {
		expect(parseConfig({ PORT: '', DATABASE_URL: ' ' }).PORT).toBe(3000);
	});
	it.each([
		['PORT', 'abc'],
		['PORT', '70000'],
		['PORT', '3.5'],
		['ORIGIN', 'localhost:3000'],
		['DATABASE_URL', 'mysql://x'],
		['LOG_LEVEL', 'loud'],
		['BODY_SIZE_LIMIT', 'lots'],
		['HOST', 'not a host'],
		['BRUG_DATA_KEY', 'too-short'],
		['BRUG_DATA_KEY', 'A'.repeat(44)],
		['SMTP_URL', 'http://mail'],
		['MAIL_FROM', 'nobody'],
		['BRUG_SIGN_UPS_PER_HOUR', '0'],
		['BRUG_SIGN_UPS_PER_HOUR', 'many'],
		['BRUG_SIGN_UPS_PER_HOUR', '2.5']
	])('rejects %s=%s with one line naming the variable', (variable, value) => {
		let caught: unknown;
		try {
			parseConfig({ [variable]: value });
		} catch (e) {
			caught = e;
		}
		expect(caught).toBeInstanceOf(ConfigError);
		const error = caught as ConfigError;
		expect(error.variable).toBe(variable);
		expect(error.message).toMatch(new RegExp(`^brug cannot start: ${variable} `));
		expect(error.message).not.toContain('\n');
	});
	it('accepts a 32-byte data key, an SMTP URL and a sender', () => {
		const key = Buffer.alloc(32, 7).toString('base64');
		const config = parseConfig({ BRUG_DATA_KEY: key, SMTP_URL: 'smtps://u:p@mail.example.nl:465', MAIL_FROM: 'brug <hallo@example.nl>' });
		expect(config.BRUG_DATA_KEY).toBe(key);
		expect(config.SMTP_URL).toBe('smtps://u:p@mail.example.nl:465');
		expect(config.MAIL_FROM).toBe('brug <hallo@example.nl>');
	});
	it('accepts PostgreSQL URLs and a public origin', () => {
		const config = parseConfig({ DATABASE_URL: 'postgres://u:p@db:5432/brug', ORIGIN: 'https://brug.example.nl' });
		expect(config.DATABASE_URL).toBe('postgres://u:p@db:5432/brug');
		expect(config.ORIGIN).toBe('https://brug.example.nl');
	});
});
