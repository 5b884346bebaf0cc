#!/usr/bin/env node
/**
 * A throwaway PostgreSQL cluster for the test suite: its own temp dir, a free port on 127.0.0.1, trust auth,
 * durability off (fsync, full-page writes, synchronous commit) because the data dies with the run; `durable: true`
 * keeps PostgreSQL's defaults, for the kill bench, which kills the server and counts what survived.
 *
 *   node scripts/pg-cluster.js start          prints postgres://postgres@127.0.0.1:PORT/brug_test
 *   node scripts/pg-cluster.js stop [DIR]     stops the cluster in DIR (default: the last one started here)
 *
 * Used by tests/integration/global-setup.ts through `startCluster()` / `stopCluster(handle)`, and by
 * scripts/bench-kill.js, which also uses `crashAndRestart(handle)`.
 * Plain Node, no dependencies: it only drives initdb, pg_ctl and createdb.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {object} ClusterHandle
 * @property {string} url      connection URL of the `brug_test` database
 * @property {number} port
 * @property {string} root     temp dir holding the data dir, the server log and the socket
 * @property {string} dataDir
 * @property {string} bin      PostgreSQL's bin directory
 * @property {boolean} asPostgresUser  whether the server runs as the `postgres` system user (we are root)
 * @property {boolean} [durable]  fsync, full-page writes and synchronous commit on (PostgreSQL's defaults)
 */

const firstPort = 54330;
const lastPort = 54430;
const databaseName = 'brug_test';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the CLI remembers its last cluster, so `stop` needs no argument (tmp/ is git-ignored). */
const lastClusterFile = path.join(repoRoot, 'tmp', 'pg-cluster.json');

/** The newest `/usr/lib/postgresql/<version>/bin` that has initdb, or null when PostgreSQL is not installed. */
export function findPostgresBin() {
	const base = '/usr/lib/postgresql';
	let versions;
	try {
		versions = fs.readdirSync(base);
	} catch {
		return null;
	}
	const bins = versions
		.filter((version) => fs.existsSync(path.join(base, version, 'bin', 'initdb')))
		.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
		.map((version) => path.join(base, version, 'bin'));
	return bins.at(-1) ?? null;
}

/**
 * Creates, starts and fills a fresh cluster with an empty `brug_test` database.
 * @param {{ basePort?: number, durable?: boolean }} [options]
 * @returns {Promise<ClusterHandle>}
 */
export async function startCluster(options = {}) {
	const bin = findPostgresBin();
	if (!bin) {
		throw new Error(
			"PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run 'sudo apt-get install -y postgresql'."
		);
	}
	// initdb refuses to run as root; the Debian package provides a `postgres` system user for this.
	const asPostgresUser = process.getuid?.() === 0;
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-pg-'));
	const dataDir = path.join(root, 'data');
	/** @type {ClusterHandle} */
	const handle = { url: '', port: 0, root, dataDir, bin, asPostgresUser, durable: options.durable ?? false };
	try {
		if (asPostgresUser) {
			const { uid, gid } = postgresUser();
			fs.chownSync(root, uid, gid);
		}
		run(handle, 'initdb', [
			'-D', dataDir,
			'-U', 'postgres',
			'--auth=trust',
			'-E', 'UTF8',
			'--locale=C.UTF-8',
			'--no-sync'
		]);
		handle.port = await startServer(handle, options.basePort ?? firstPort);
		handle.url = `postgres://postgres@127.0.0.1:${handle.port}/${databaseName}`;
		run(handle, 'createdb', ['-h', '127.0.0.1', '-p', String(handle.port), '-U', 'postgres', databaseName]);
		return handle;
	} catch (error) {
		stopClusterSync(handle);
		throw error;
	}
}

/**
 * A crash: SIGKILL to the server, then a start on the same port, which recovers from the WAL. The old server's
 * backends notice their postmaster died and exit within moments; until then the new start is refused, so it retries.
 * @param {ClusterHandle} handle
 * @returns {Promise<void>}
 */
export async function crashAndRestart(handle) {
	const pid = Number(fs.readFileSync(path.join(handle.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
	process.kill(pid, 'SIGKILL');
	for (let attempt = 1; ; attempt++) {
		const { result, serverLog } = startOnPort(handle, handle.port);
		if (result.status === 0) return;
		if (attempt >= 20) throw new Error(`PostgreSQL did not start again (pg_ctl exit ${result.status}): ${lastLines(result.stderr + serverLog)}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/**
 * Stops the cluster at once (no checkpoint: its data is thrown away) and removes its temp dir.
 * @param {ClusterHandle} handle
 * @returns {Promise<void>}
 */
export async function stopCluster(handle) {
	stopClusterSync(handle);
}

/**
 * Synchronous variant of `stopCluster`, safe inside a process 'exit' handler.
 * @param {ClusterHandle} handle
 */
export function stopClusterSync(handle) {
	if (!fs.existsSync(handle.root)) return;
	if (fs.existsSync(path.join(handle.dataDir, 'postmaster.pid'))) {
		const result = spawnAs(handle, path.join(handle.bin, 'pg_ctl'), ['-D', handle.dataDir, '-m', 'immediate', '-w', 'stop']);
		if (result.status !== 0) killPostmaster(handle.dataDir);
	}
	fs.rmSync(handle.root, { recursive: true, force: true });
}

/**
 * Starts the server on the first port from `basePort` that is free; retries on the next port when another process
 * takes it between our check and the server's bind.
 * @param {ClusterHandle} handle
 * @param {number} basePort
 * @returns {Promise<number>}
 */
async function startServer(handle, basePort) {
	let port = basePort;
	for (;;) {
		port = await firstFreePort(port);
		const { result, serverLog } = startOnPort(handle, port);
		if (result.status === 0) return port;
		if (/could not bind|address already in use/i.test(serverLog) && port < lastPort) {
			port += 1;
			continue;
		}
		throw new Error(`PostgreSQL did not start (pg_ctl exit ${result.status}): ${lastLines(result.stderr + serverLog)}`);
	}
}

/**
 * @param {ClusterHandle} handle
 * @param {number} port
 */
function startOnPort(handle, port) {
	const log = path.join(handle.root, 'server.log');
	const serverOptions = [
		'-c listen_addresses=127.0.0.1',
		`-c port=${port}`,
		`-c unix_socket_directories='${handle.root}'`,
		...(handle.durable ? [] : ['-c fsync=off', '-c full_page_writes=off', '-c synchronous_commit=off']),
		'-c max_connections=200'
	].join(' ');
	const result = spawnAs(handle, path.join(handle.bin, 'pg_ctl'), [
		'-D', handle.dataDir, '-l', log, '-o', serverOptions, '-w', '-t', '60', 'start'
	]);
	return { result, serverLog: result.status === 0 ? '' : readTail(log) };
}

/**
 * @param {number} from
 * @returns {Promise<number>}
 */
async function firstFreePort(from) {
	for (let port = from; port <= lastPort; port++) {
		if (await isPortFree(port)) return port;
	}
	throw new Error(`No free port for PostgreSQL between ${from} and ${lastPort} on 127.0.0.1.`);
}

/**
 * @param {number} port
 * @returns {Promise<boolean>}
 */
function isPortFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
	});
}

/**
 * Runs a PostgreSQL program and throws with its output when it fails.
 * @param {ClusterHandle} handle
 * @param {string} program
 * @param {string[]} args
 */
function run(handle, program, args) {
	const result = spawnAs(handle, path.join(handle.bin, program), args);
	if (result.status !== 0) {
		throw new Error(`${program} failed (exit ${result.status ?? result.signal}): ${lastLines(result.stdout + result.stderr)}`);
	}
}

/**
 * Runs a command as the `postgres` user when we are root, else as ourselves. The working directory is the cluster's
 * own temp dir, which the postgres user can enter (the caller's directory may be private to root).
 * @param {ClusterHandle} handle
 * @param {string} command
 * @param {string[]} args
 */
function spawnAs(handle, command, args) {
	const [file, argv] = handle.asPostgresUser
		? ['runuser', ['-u', 'postgres', '--', command, ...args]]
		: [command, args];
	const result = spawnSync(file, argv, {
		cwd: fs.existsSync(handle.root) ? handle.root : os.tmpdir(),
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, LC_ALL: 'C.UTF-8' },
		timeout: 120_000
	});
	if (result.error) throw new Error(`${file} could not run: ${result.error.message}`);
	return { status: result.status, signal: result.signal, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** @returns {{ uid: number, gid: number }} */
function postgresUser() {
	const id = (/** @type {string} */ flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
	const uid = id('-u');
	const gid = id('-g');
	if (uid.status !== 0 || gid.status !== 0) {
		throw new Error(
			"PostgreSQL cannot run as root and there is no 'postgres' user to run it as: install the 'postgresql' package."
		);
	}
	return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * Last resort when pg_ctl cannot stop the server: SIGQUIT is PostgreSQL's immediate shutdown.
 * @param {string} dataDir
 */
function killPostmaster(dataDir) {
	try {
		const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
		if (pid > 0) process.kill(pid, 'SIGQUIT');
	} catch {
		// Already gone.
	}
}

/** @param {string} file */
function readTail(file) {
	try {
		return fs.readFileSync(file, 'utf8').slice(-4000);
	} catch {
		return '';
	}
}

/** @param {string} text */
function lastLines(text) {
	return text.trim().split('\n').slice(-6).join(' | ');
}

/**
 * @param {string[]} argv
 * @returns {Promise<number>}
 */
async function cli(argv) {
	const [command, dir] = argv;
	if (command === 'start') {
		const handle = await startCluster();
		fs.mkdirSync(path.dirname(lastClusterFile), { recursive: true });
		fs.writeFileSync(lastClusterFile, JSON.stringify(handle, null, '\t') + '\n');
		console.log(handle.url);
		console.error(`PostgreSQL cluster in ${handle.root}; stop it with: node scripts/pg-cluster.js stop`);
		return 0;
	}
	if (command === 'stop') {
		const handle = dir ? handleForDir(dir) : readLastCluster();
		if (!handle) {
			console.error('No cluster to stop: give its directory, e.g. node scripts/pg-cluster.js stop /tmp/brug-pg-XXXXXX');
			return 1;
		}
		stopClusterSync(handle);
		if (!dir || readLastCluster()?.root === handle.root) fs.rmSync(lastClusterFile, { force: true });
		console.error(`Stopped the PostgreSQL cluster in ${handle.root}.`);
		return 0;
	}
	console.error('Usage: node scripts/pg-cluster.js start | stop [DIR]');
	return 2;
}

/** @returns {ClusterHandle | null} */
function readLastCluster() {
	try {
		return JSON.parse(fs.readFileSync(lastClusterFile, 'utf8'));
	} catch {
		return null;
	}
}

/**
 * Accepts the cluster's temp dir or its data dir.
 * @param {string} dir
 * @returns {ClusterHandle | null}
 */
function handleForDir(dir) {
	const absolute = path.resolve(dir);
	const root = path.basename(absolute) === 'data' ? path.dirname(absolute) : absolute;
	const bin = findPostgresBin();
	if (!bin || !fs.existsSync(path.join(root, 'data'))) return null;
	const asPostgresUser = process.getuid?.() === 0;
	return { url: '', port: 0, root, dataDir: path.join(root, 'data'), bin, asPostgresUser };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	cli(process.argv.slice(2)).then(
		(code) => process.exit(code),
		(error) => {
			console.error(`brug: ${error instanceof Error ? error.message : String(error)}`);
			process.exit(1);
		}
	);
}
