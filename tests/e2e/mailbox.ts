/** Reads the mails the e2e server wrote to its outbox (no SMTP_URL in e2e), as a person reads their mail. */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { expect } from '@playwright/test';

function outboxDir(): string {
	const dataDir = process.env.BRUG_E2E_DATA_DIR;
	if (!dataDir) throw new Error('BRUG_E2E_DATA_DIR is not set (see playwright.config.ts)');
	return path.join(dataDir, 'outbox');
}

export interface ReceivedMail {
	subject: string;
	text: string;
	/** The one link in the mail. */
	link: string;
	language: string | undefined;
}

async function mailsTo(address: string): Promise<ReceivedMail[]> {
	const dir = outboxDir();
	if (!fs.existsSync(dir)) return [];
	const mails: ReceivedMail[] = [];
	for (const file of fs.readdirSync(dir).sort()) {
		const raw = readIfStillThere(path.join(dir, file));
		if (raw === null) continue;
		const parsed = await simpleParser(raw);
		const to = Array.isArray(parsed.to) ? parsed.to.flatMap((t) => t.value) : (parsed.to?.value ?? []);
		if (!to.some((a) => a.address === address)) continue;
		const text = parsed.text ?? '';
		mails.push({
			subject: parsed.subject ?? '',
			text,
			link: text.match(/https?:\/\/\S+/)?.[0] ?? '',
			language: parsed.headers.get('content-language')?.toString()
		});
	}
	return mails;
}

/**
 * A mail can go between listing the outbox and reading it: deleting an account (another journey running beside
 * this one) removes the mails to it from the disk too.
 */
function readIfStillThere(file: string): Buffer | null {
	try {
		return fs.readFileSync(file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
}

/** Waits for the n-th mail (1-based) to an address and returns it. */
export async function nthMailTo(address: string, n = 1): Promise<ReceivedMail> {
	let mails: ReceivedMail[] = [];
	await expect.poll(async () => (mails = await mailsTo(address)).length, { timeout: 5000 }).toBeGreaterThanOrEqual(n);
	return mails[n - 1]!;
}

export async function mailCountTo(address: string): Promise<number> {
	return (await mailsTo(address)).length;
}

export function uniqueAddress(label: string): string {
	return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.nl`;
}
