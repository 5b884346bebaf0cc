import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadAuthSecret } from './secret';

describe('loadAuthSecret', () => {
	const dirs: string[] = [];
	const tempDir = () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-secret-'));
		dirs.push(dir);
		return dir;
	};
	afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

	it('uses the configured secret', () => {
		const dir = tempDir();
		expect(loadAuthSecret({ dataDir: dir, configured: 's'.repeat(40) })).toBe('s'.repeat(40));
		expect(fs.existsSync(path.join(dir, 'auth-secret'))).toBe(false);
	});
	it('creates a private secret file once and reads it back', () => {
		const dir = path.join(tempDir(), 'data');
		const first = loadAuthSecret({ dataDir: dir });
		expect(first.length).toBeGreaterThanOrEqual(32);
		expect(fs.statSync(path.join(dir, 'auth-secret')).mode & 0o777).toBe(0o600);
		expect(loadAuthSecret({ dataDir: dir })).toBe(first);
	});
	it('refuses a secret file others can read', () => {
		const dir = tempDir();
		fs.writeFileSync(path.join(dir, 'auth-secret'), 'x'.repeat(40), { mode: 0o644 });
		fs.chmodSync(path.join(dir, 'auth-secret'), 0o644);
		expect(() => loadAuthSecret({ dataDir: dir })).toThrow(/chmod 600/);
	});
});
