#!/usr/bin/env node
/**
 * `npm start`: builds brug when the build is missing or older than its sources, then runs the adapter-node server
 * in this process through scripts/serve.js (security headers on static files too); adapter-node handles
 * SIGTERM/SIGINT itself and shuts down gracefully.
 *
 * Defaults for a local run: PORT 3000 and ORIGIN http://localhost:PORT (without ORIGIN, adapter-node assumes https,
 * and personal result links would say https://). Set ORIGIN to the public URL in production. A `.env` file, when
 * present, is read first; variables already in the environment win. The configuration is checked here, before
 * adapter-node reads PORT, ORIGIN and BODY_SIZE_LIMIT, so a wrong value stops the start with one line.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSupportedNode, unsupportedNodeMessage } from './node-version.js';

if (!isSupportedNode(process.versions.node)) {
	console.error(unsupportedNodeMessage(process.version));
	process.exit(1);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverEntry = path.join(root, 'build', 'index.js');

/** What the build is made from. Generated code (src/lib/paraglide) is left out: the build writes it. */
const sources = ['src', 'messages', 'content', 'migrations', 'static', 'project.inlang'];
const sourceFiles = ['package.json', 'vite.config.ts', 'scripts/paraglide.js'];
const skipped = new Set([path.join(root, 'src', 'lib', 'paraglide')]);

process.chdir(root);
if (fs.existsSync('.env')) process.loadEnvFile('.env');
process.env.PORT ||= '3000';
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;

const { ConfigError, parseConfig } = await import('../src/lib/server/config.js');
try {
	// adapter-node has its own 512K default: give it brug's validated limit.
	process.env.BODY_SIZE_LIMIT = parseConfig(process.env).BODY_SIZE_LIMIT;
} catch (error) {
	if (!(error instanceof ConfigError)) throw error;
	console.error(error.message);
	process.exit(1);
}

const reason = buildOutdatedReason();
if (reason) {
	console.log(`brug: building, because ${reason} …`);
	const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	if (!fs.existsSync(vite)) {
		console.error("brug: vite is not installed: run 'npm install' and try again.");
		process.exit(1);
	}
	const build = spawnSync(process.execPath, [vite, 'build'], { stdio: 'inherit' });
	if (build.status !== 0) {
		console.error('brug: the build failed; see the messages above.');
		process.exit(build.status ?? 1);
	}
}

const { serve } = await import('./serve.js');
await serve(path.join(root, 'build'));

/** @returns {string | null} why the build must be redone, or null when it is up to date */
function buildOutdatedReason() {
	let builtAt;
	try {
		builtAt = fs.statSync(serverEntry).mtimeMs;
	} catch {
		return 'build/index.js is missing';
	}
	for (const file of sourceFiles) {
		if (isNewer(path.join(root, file), builtAt)) return `${file} changed`;
	}
	for (const dir of sources) {
		const changed = newerFile(path.join(root, dir), builtAt);
		if (changed) return `${path.relative(root, changed)} changed`;
	}
	return null;
}

/**
 * The first file or directory under `dir` modified after `time` (a directory's time changes when a file in it is
 * added or deleted); stops at the first hit, so an up-to-date check reads only directory entries and stats.
 * @param {string} dir
 * @param {number} time
 * @returns {string | null}
 */
function newerFile(dir, time) {
	if (isNewer(dir, time)) return dir;
	let entries;
	try {
		entries = fs.readdirSync(dir, { withFileTypes: true });
	} catch {
		return null;
	}
	for (const entry of entries) {
		const full = path.join(dir, entry.name);
		if (skipped.has(full)) continue;
		if (entry.isDirectory()) {
			const found = newerFile(full, time);
			if (found) return found;
		} else if (isNewer(full, time)) {
			return full;
		}
	}
	return null;
}

/**
 * @param {string} file
 * @param {number} time
 */
function isNewer(file, time) {
	try {
		return fs.statSync(file).mtimeMs > time;
	} catch {
		return false;
	}
}
