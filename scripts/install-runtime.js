#!/usr/bin/env node
/**
 * `npm install` runs this last (postinstall). It chooses the Node that npm scripts run brug on:
 * - the machine's own Node (the one running npm) when it is new enough;
 * - otherwise the Node 24 that npm installed from the registry (the optional dependency `node-<platform>-<arch>`),
 *   linked as node_modules/.bin/node, where npm scripts find it before the machine's node.
 * BRUG_BUNDLED_NODE=1 takes the registry's Node 24 even when the machine's own Node would do (CI tests on 24).
 * Then it checks that the SQLite addon loads in the chosen Node (better-sqlite3 ships prebuilt Node-API binaries
 * that work on every Node from 22 on, so nothing is compiled or downloaded from elsewhere).
 * Written for any Node from 18 on: it runs on the machine's Node, however old.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSupportedNode, minimumNode, testedNodeMajor } from './node-version.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modules = path.join(root, 'node_modules');
// npm runs on the machine's own Node, whatever node_modules/.bin holds.
const own = process.env.npm_node_execpath || process.execPath;
const ownVersion = versionOf(own);
const node = chooseNode();
const nodeVersion = node === own ? ownVersion : versionOf(node);
requireSqlite(node);
const shown = path.relative(root, node).startsWith('..') ? node : path.relative(root, node);
console.log(`brug: npm start and npm test run on Node ${nodeVersion} (${shown}).`);
if (node !== own && !isSupportedNode(ownVersion)) {
	console.log(`brug: npm's EBADENGINE warnings above are about this machine's Node ${ownVersion}, which runs npm itself.`);
}

/** @returns {string} the path of the Node that npm scripts will run */
function chooseNode() {
	const link = path.join(modules, '.bin', 'node');
	const bundled = path.join(modules, `node-${process.platform}-${process.arch}`, 'bin', 'node');
	const wantBundled = ['1', 'true'].includes(process.env.BRUG_BUNDLED_NODE ?? '');
	if (isSupportedNode(ownVersion) && !wantBundled) {
		// A machine with a supported Node uses its own; the registry's one stays unused on disk.
		if (isLinkToBundledNode(link)) fs.rmSync(link);
		return own;
	}
	if (!fs.existsSync(bundled)) {
		fail(
			`this machine's Node is ${ownVersion} and npm brought no Node ${testedNodeMajor} for ` +
				`${process.platform}-${process.arch}: install Node ${testedNodeMajor} LTS (or ${minimumNode} or newer) and run 'npm install' again.`
		);
	}
	// npm links the package's bin as .bin/node; a later install may have removed the link.
	if (!isLinkToBundledNode(link)) {
		fs.rmSync(link, { force: true });
		fs.symlinkSync(path.relative(path.dirname(link), bundled), link);
	}
	return bundled;
}

/** @param {string} node */
function requireSqlite(node) {
	// In a child process: an addon that does not fit this Node can crash the process that loads it.
	const probe = spawnSync(
		node,
		['-e', `new (require(${JSON.stringify(path.join(modules, 'better-sqlite3'))}))(':memory:').prepare('select 1').get()`],
		{ encoding: 'utf8' }
	);
	if (probe.status !== 0) {
		process.stderr.write(probe.stderr ?? '');
		fail(
			`the SQLite addon (better-sqlite3) does not load in Node ${nodeVersion} on ${process.platform}-${process.arch}; ` +
				"build it with 'npm run build-release --prefix node_modules/better-sqlite3' (needs python3, make and g++)."
		);
	}
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

/** @param {string} message @returns {never} */
function fail(message) {
	console.error(`brug: ${message}`);
	process.exit(1);
}
