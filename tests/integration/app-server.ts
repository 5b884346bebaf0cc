/**
 * The built app (adapter-node) as a child process, for tests that must cross the real HTTP stack: hooks, route
 * groups, layouts and form actions exactly as a browser meets them.
 * - `ensureFreshBuild()`: builds (`npx vite build`) when build/index.js is missing or older than any source file;
 *   a lock file in tmp/ keeps parallel runs from building twice.
 * - `startAppServer(options)`: starts a snapshot of build/ on a free port, the way `npm start` runs it
 *   (scripts/serve.js), and waits for GET /healthz; `stop()` ends it with SIGTERM (adapter-node then closes the
 *   database) and removes the snapshot.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const buildEntry = path.join(root, 'build', 'index.js');
const lockFile = path.join(root, 'tmp', 'vite-build.lock');

/** What the build is made of. src/lib/paraglide is left out: Vite writes it from messages/ on every start. */
const sourceDirs = ['src', 'messages', 'migrations'];
const sourceFiles = ['vite.config.ts', 'package.json'];
const generated = [path.join(root, 'src', 'lib', 'paraglide')];

function newestSourceChange(): { file: string; mtimeMs: number } {
	let newest = { file: '', mtimeMs: 0 };
	const consider = (file: string) => {
		const { mtimeMs } = fs.statSync(file);
		if (mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
	};
	const walk = (dir: string) => {
		if (generated.includes(dir)) return;
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.isFile()) consider(full);
		}
	};
	for (const dir of sourceDirs) walk(path.join(root, dir));
	for (const file of sourceFiles) consider(path.join(root, file));
	return newest;
}

/** Why the build must be made again, or null when it is current. */
function staleness(): string | null {
	if (!fs.existsSync(buildEntry)) return 'build/index.js is missing';
	const built = fs.statSync(buildEntry).mtimeMs;
	const newest = newestSourceChange();
	return newest.mtimeMs > built ? `${path.relative(root, newest.file)} is newer than build/index.js` : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lock whose holder died (or hung for longer than any build takes) is taken over. */
const abandonedLockMs = 10 * 60 * 1000;

export async function ensureFreshBuild(): Promise<void> {
	fs.mkdirSync(path.dirname(lockFile), { recursive: true });
	for (;;) {
		if (staleness() === null) return;
		let lock: number;
		try {
			lock = fs.openSync(lockFile, 'wx');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const age = Date.now() - (fs.statSync(lockFile, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
			if (age > abandonedLockMs) fs.rmSync(lockFile, { force: true });
			else await sleep(500);
			continue;
		}
		try {
			fs.writeSync(lock, String(process.pid));
			// Someone else may have finished a build while this process waited for the lock.
			const reason = staleness();
			if (reason !== null) {
				console.info(`brug: building the app for the HTTP tests (${reason}) …`);
				execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
			}
			return;
		} finally {
			fs.closeSync(lock);
			fs.rmSync(lockFile, { force: true });
		}
	}
}

export interface AppServerOptions {
	/** BRUG_DATA_DIR: the SQLite database (unless `databaseUrl`), keys and the mail outbox. */
	dataDir: string;
	/** A PostgreSQL URL; empty or missing uses `<dataDir>/brug.sqlite`. */
	databaseUrl?: string;
	authSecret: string;
	/** BRUG_SETUP_TOKEN; empty: the one-time token, announced in the log. */
	setupToken: string;
	/** More environment, e.g. BRUG_DATA_KEY or adapter-node's ADDRESS_HEADER. */
	env?: Record<string, string>;
	/** ORIGIN, the public address, when it is not the server's own http://127.0.0.1:<port> (e.g. an https one). */
	publicOrigin?: string;
	/** BRUG_DATA_KEY: the same key as the test process, when it writes encrypted rows that the server reads. */
	dataKey?: string;
}

export interface AppServer {
	origin: string;
	/** The server's recent log lines (warnings and errors), for failure messages. */
	output(): string;
	stop(): Promise<void>;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as net.AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}

/**
 * Runs a copy of build/ under tmp/ (node_modules still resolves from the repository root), so another engineer's
 * `vite build` during the run cannot swap the server's lazily loaded chunks underneath it.
 */
function snapshotBuild(): string {
	const parent = path.join(root, 'tmp', 'app-server');
	fs.mkdirSync(parent, { recursive: true });
	const dir = fs.mkdtempSync(path.join(parent, `run-${process.pid}-`));
	fs.cpSync(path.join(root, 'build'), dir, { recursive: true });
	return dir;
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const dir = snapshotBuild();
	const child = spawn(process.execPath, [path.join(root, 'scripts', 'serve.js'), dir], {
		cwd: root,
		env: {
			PATH: process.env.PATH,
			HOME: process.env.HOME,
			NODE_ENV: 'production',
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: options.publicOrigin ?? origin,
			BRUG_DATA_DIR: options.dataDir,
			DATABASE_URL: options.databaseUrl ?? '',
			LOG_LEVEL: 'warn',
			BRUG_AUTH_SECRET: options.authSecret,
			BRUG_SETUP_TOKEN: options.setupToken,
			...(options.dataKey ? { BRUG_DATA_KEY: options.dataKey } : {}),
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// Kept for the failure message; the server logs warnings and errors only.
	let output = '';
	for (const stream of [child.stdout!, child.stderr!]) {
		stream.setEncoding('utf8').on('data', (chunk: string) => {
			output = (output + chunk).slice(-20_000);
		});
	}
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	let running = true;
	void exited.then(() => (running = false));

	const remove = () => fs.rmSync(dir, { recursive: true, force: true });
	// Should vitest exit without running afterAll, the server must not outlive it.
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);
	const stop = async () => {
		process.off('exit', killOnExit);
		if (running) {
			child.kill('SIGTERM');
			const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(forced);
		}
		remove();
	};

	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (!running) break;
		const healthy = await fetch(`${origin}/healthz`)
			.then((response) => response.status === 200)
			.catch(() => false);
		if (healthy) return { origin, output: () => output, stop };
		await sleep(100);
	}
	await stop();
	throw new Error(`The built app did not become healthy on ${origin}.\n${output}`);
}
