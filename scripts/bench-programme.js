#!/usr/bin/env node
/**
 * `npm run bench:programme`: how long the built server takes to render the person's programme pages. On a fresh
 * SQLite data dir it signs a person up through the forms (no JavaScript), starts the programme, fills in week 0's
 * DJG-11, marks the exercise, checks in and saves a plan for next time; then it asks each page 5 times to warm up and
 * 20 times to measure, and prints the wall time and the server's own time (from its request log) per page:
 * /nl/programma, /nl/programma/week/0, /nl/programma/plan and /nl/overzicht. Builds nothing: run `npx vite build`
 * first when the source changed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Browser, collectRequestLines, freePort, host, repoRoot, sleep, snapshotBuild, stopServer, summarise, waitForHealthz } from './bench/common.js';
import { signUpAndSignIn } from './bench/accounts.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-bench-programme-'));
const snapshot = snapshotBuild('bench-programme');
const port = await freePort();
const origin = `http://${host}:${port}`;
const env = { ...process.env, PORT: String(port), HOST: host, ORIGIN: origin, BRUG_DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'production' };
delete env.DATABASE_URL; delete env.SMTP_URL; delete env.BRUG_DATA_KEY;
const brug = spawn(process.execPath, [path.join(snapshot, 'index.js')], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 2] });
const lines = collectRequestLines(brug);
try {
	await waitForHealthz(origin, brug);
	const b = new Browser(origin);
	await signUpAndSignIn(b, path.join(dataDir, 'outbox'), `bench-programme-${Date.now()}@example.nl`, 'lang genoeg wachtwoord voor de bench');
	await b.submit('/nl/programma?/start', { reminders: 'week_start' });
	await (await b.get('/nl/programma/week/0')).text();
	const answers = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`q${i + 1}`, 'no']));
	await b.submit('/nl/programma/week/0?/measure', answers);
	await b.submit('/nl/programma/week/0?/item', { item: 'exercise', done: 'on' });
	await b.submit('/nl/programma/week/0?/checkIn', { wentWell: 'Een wandeling.', tried: 'Ademen.' });
	await b.submit('/nl/programma/plan?/save', { earlySigns: 'Binnen blijven.', whatHelps: 'Wandelen.', whomToContact: 'Els.', restartSteps: ['daily-walk'] });
	for (const [route, p] of [['/(person)/programma', '/nl/programma'], ['/(person)/programma/week/[week]', '/nl/programma/week/0'], ['/(person)/programma/plan', '/nl/programma/plan'], ['/(person)/overzicht', '/nl/overzicht']]) {
		for (let i = 0; i < 5; i++) { const r = await b.get(p); await r.arrayBuffer(); if (r.status !== 200) throw new Error(`${p} ${r.status}`); }
		const wall = [];
		for (let i = 0; i < 20; i++) { const t = performance.now(); const r = await b.get(p); await r.arrayBuffer(); wall.push(performance.now() - t); if (r.status !== 200) throw new Error(`${p} ${r.status}`); }
		await sleep(300);
		const server = lines.filter((l) => l.method === 'GET' && l.route === route).slice(-20).map((l) => l.ms);
		console.log(p, 'wall', JSON.stringify(summarise(wall)), 'server', JSON.stringify(summarise(server)));
	}
} finally {
	await stopServer(brug);
}
