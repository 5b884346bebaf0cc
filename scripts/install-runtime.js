#!/usr/bin/env node
/**
 * `npm install` runs this last (postinstall). It chooses the Node that npm scripts run brug on, and builds the native
 * SQLite addon for that Node:
 * - the machine's own Node (the one running npm) when it is new enough;
 * - otherwise the Node 24 that npm installed from the registry (the optional dependency `node-linux-<arch>`), which
 *   npm links as node_modules/.bin/node, where npm scripts find it before the machine's node.
 * better-sqlite3's own install script is turned off in package.json (`allowScripts`), so it is built once, here,
 * against the chosen Node's own headers: nothing is downloaded from outside the package registry.
 *
 * Usage: node scripts/install-runtime.js            (postinstall)
 *        node scripts/install-runtime.js --node PATH --modules DIR
 *                                                   (build better-sqlite3 in DIR for the Node at PATH, e.g. in CI)
 * Written for any Node from 18 on: it runs on the machine's Node, however old.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSupportedNode, minimumNode, testedNodeMajor } from './node-version.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = parseArgs(process.argv.slice(2));

if (args.node) {
	buildSqliteFor(path.resolve(args.node), path.resolve(args.modules ?? path.join(root, 'node_modules')));
} else {
	const modules = path.join(root, 'node_modules');
	const node = chooseNode(modules);
	buildSqliteFor(node, modules);
	const shown = path.relative(root, node).startsWith('..') ? node : path.relative(root, node);
	console.log(`brug: npm start and npm test run on Node ${versionOf(node)} (${shown}).`);
}

/**
 * @param {string} modules the project's node_modules
 * @returns {string} the path of the Node that npm scripts will run
 */
function chooseNode(modules) {
	// npm scripts find node_modules/.bin first: the machine's own Node is the one running npm.
	const own = process.env.npm_node_execpath || process.execPath;
	const link = path.join(modules, '.bin', 'node');
	if (isSupportedNode(versionOf(own))) {
		// A machine with a supported Node uses its own; the bundled one stays unused on disk.
		if (isLinkToBundledNode(link)) fs.rmSync(link);
		return own;
	}
	const bundled = path.join(modules, `node-${process.platform}-${process.arch}`, 'bin', 'node');
	if (!fs.existsSync(bundled)) {
		fail(
			`this machine's Node is ${versionOf(own)} and npm brought no Node ${testedNodeMajor} for ` +
				`${process.platform}-${process.arch}: install Node ${testedNodeMajor} LTS (or ${minimumNode} or newer) and run 'npm install' again.`
		);
	}
	if (!isLinkToBundledNode(link)) {
		fs.rmSync(link, { force: true });
		fs.symlinkSync(path.relative(path.dirname(link), bundled), link);
	}
	return bundled;
}

/**
 * Builds better-sqlite3 for `node` unless the build there already loads in it.
 * @param {string} node
 * @param {string} modules a node_modules folder holding better-sqlite3
 */
function buildSqliteFor(node, modules) {
	const addon = path.join(modules, 'better-sqlite3');
	if (!fs.existsSync(addon)) fail(`better-sqlite3 is missing from ${modules}: run 'npm install' again.`);
	if (sqliteLoads(node, modules)) return;
	const started = Date.now();
	console.log(`brug: building better-sqlite3 for Node ${versionOf(node)} …`);
	const headers = headersOf(node);
	const build = spawnSync(
		node,
		[nodeGyp(), 'rebuild', '--release', '--jobs=max', ...(headers ? [`--nodedir=${headers}`] : [])],
		{
			cwd: addon,
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
			// The machine's npm config may point node-gyp at another Node's headers.
			env: headers ? { ...process.env, npm_config_nodedir: headers } : process.env
		}
	);
	if (build.status !== 0) {
		// The compiler's output is long and only of use when the build fails.
		process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
		fail('building better-sqlite3 failed (it needs python3, make and g++); see the messages above.');
	}
	if (!sqliteLoads(node, modules)) fail(`better-sqlite3 was built but does not load in Node ${versionOf(node)}.`);
	console.log(`brug: better-sqlite3 built in ${Math.round((Date.now() - started) / 1000)} s.`);
}

/**
 * @param {string} node
 * @param {string} modules
 */
function sqliteLoads(node, modules) {
	// In a child process: an addon built for another Node can crash the process that loads it.
	const probe = spawnSync(
		node,
		['-e', `new (require(${JSON.stringify(path.join(modules, 'better-sqlite3'))}))(':memory:').prepare('select 1').get()`],
		{ stdio: 'ignore' }
	);
	return probe.status === 0;
}

/**
 * The folder with `include/node` of this Node: official builds and Debian's nodejs both ship it beside `bin`.
 * @param {string} node
 * @returns {string | undefined}
 */
function headersOf(node) {
	const prefix = path.resolve(path.dirname(fs.realpathSync(node)), '..');
	return fs.existsSync(path.join(prefix, 'include', 'node', 'common.gypi')) ? prefix : undefined;
}

/** node-gyp as npm ships it: npm names it to lifecycle scripts, and it sits beside npm otherwise. */
function nodeGyp() {
	const candidates = [
		process.env.npm_config_node_gyp,
		process.env.npm_execpath && path.resolve(path.dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
		path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
	];
	const found = candidates.find((file) => file && fs.existsSync(file));
	if (!found) fail("node-gyp was not found (it comes with npm): run this through 'npm install'.");
	return /** @type {string} */ (found);
}

/** @param {string} link */
function isLinkToBundledNode(link) {
	try {
		return /[\\/]node-[a-z0-9]+-[a-z0-9]+[\\/]bin[\\/]node$/.test(fs.readlinkSync(link));
	} catch {
		return false;
	}
}

/** @param {string} node */
function versionOf(node) {
	const result = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim() : 'unknown';
}

/** @param {string[]} argv */
function parseArgs(argv) {
	/** @type {{ node?: string, modules?: string }} */
	const parsed = {};
	for (let i = 0; i < argv.length; i += 2) {
		const [flag, value] = [argv[i], argv[i + 1]];
		if ((flag !== '--node' && flag !== '--modules') || !value) fail(`unknown argument '${flag}'; see the comment at the top of this script.`);
		parsed[/** @type {'node' | 'modules'} */ (flag.slice(2))] = value;
	}
	return parsed;
}

/** @param {string} message @returns {never} */
function fail(message) {
	console.error(`brug: ${message}`);
	process.exit(1);
}
