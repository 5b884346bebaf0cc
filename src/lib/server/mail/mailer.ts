/**
 * Sending mail. Over SMTP when `SMTP_URL` is set; otherwise every mail is written as an `.eml` file to
 * `data/outbox/`, so local development and tests need no mail server (docs/decisions/008-mail.md).
 *
 * - `createMailer(options)` — a mailer for one SMTP server or one outbox folder
 * - `mailer()` — the process-wide mailer, built from the validated configuration on first use
 * - `closeMailer()` — waits for mails in flight, then closes the SMTP connections (call on shutdown)
 * - `MailDeliveryError` — thrown when a mail cannot be sent; its message and log fields never hold an address
 * - `OutgoingMail`, `MailLocale`, `SendResult`, `Mailer`, `MailerOptions`, `MailFailure` — the types
 *
 * Nothing here logs a recipient, a subject or a body: mails carry links with tokens and addresses are personal data.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { config } from '../env';
import { log } from '../log';

export type MailLocale = 'nl' | 'en';

export interface OutgoingMail {
	to: string;
	subject: string;
	/** Required: some people read mail as plain text only, and spam filters distrust HTML-only mail. */
	text: string;
	/** Already escaped by the caller; `renderMail` in `./templates` does that. */
	html?: string;
	/** The recipient's language; becomes the `Content-Language` header. */
	locale: MailLocale;
	/** More headers, e.g. `List-Unsubscribe`; they never replace the ones the mailer sets itself. */
	headers?: Record<string, string>;
}

export interface SendResult {
	delivered: 'smtp' | 'outbox';
	/** The `.eml` file, when written to the outbox. */
	file?: string;
	messageId: string;
}

export interface Mailer {
	send(mail: OutgoingMail): Promise<SendResult>;
	/** Waits for mails in flight, then closes the connections. Sending afterwards throws. */
	close(): Promise<void>;
}

export interface MailerOptions {
	/** smtp:// or smtps://, with credentials if the server wants them; without it mails go to `outboxDir`. */
	smtpUrl?: string;
	/** The sender, e.g. `brug <noreply@example.nl>`. */
	from: string;
	/** An absolute folder; created with mode 0700 when the first mail is written. */
	outboxDir: string;
}

export type MailFailure = 'smtp' | 'outbox' | 'closed';

/**
 * A mail could not be sent. The message is built here from codes only, so it is safe to log and to show an
 * operator. The original error is kept in `original`, not in `cause`: its text often quotes the recipient
 * ("<ann@example.nl>: mailbox unknown"), and pino's error serializer prints every `cause`.
 */
export class MailDeliveryError extends Error {
	readonly failure: MailFailure;
	/** nodemailer's error code (ECONNECTION, ETIMEDOUT, EENVELOPE, EAUTH ...), or a file system code (EACCES). */
	readonly code: string | undefined;
	/** The SMTP reply code, e.g. 550, when the server answered. */
	readonly responseCode: number | undefined;
	/** The SMTP command that failed, e.g. "RCPT TO". */
	readonly command: string | undefined;
	declare readonly original: unknown;

	constructor(failure: MailFailure, original?: unknown) {
		const details = (original ?? {}) as { code?: unknown; responseCode?: unknown; command?: unknown };
		const code = typeof details.code === 'string' ? details.code : undefined;
		const responseCode = typeof details.responseCode === 'number' ? details.responseCode : undefined;
		// A command such as "RCPT TO:<ann@example.nl>" would leak the address; keep only the verb.
		const command =
			typeof details.command === 'string' ? details.command.split(':')[0]?.trim().toUpperCase() : undefined;
		const known = [code, command, responseCode].filter((part) => part !== undefined && part !== '');
		const suffix = known.length > 0 ? ` (${known.join(', ')})` : '';
		super(
			failure === 'smtp'
				? `The mail could not be delivered over SMTP${suffix}.`
				: failure === 'outbox'
					? `The mail could not be written to the outbox${suffix}.`
					: 'The mailer is closed; brug is shutting down.'
		);
		this.name = 'MailDeliveryError';
		this.failure = failure;
		this.code = code;
		this.responseCode = responseCode;
		this.command = command;
		// Not enumerable, so neither a log serializer nor JSON.stringify copies it.
		Object.defineProperty(this, 'original', { value: original, enumerable: false });
	}
}

/** Fails fast on a dead or silent server, instead of nodemailer's defaults of up to ten minutes. */
const smtpTimeouts = {
	connectionTimeout: 10_000,
	greetingTimeout: 10_000,
	socketTimeout: 10_000,
	dnsTimeout: 10_000
} as const;

function messageFor(mail: OutgoingMail) {
	return {
		to: mail.to,
		subject: mail.subject,
		text: mail.text,
		...(mail.html === undefined ? {} : { html: mail.html }),
		headers: {
			...mail.headers,
			'Content-Language': mail.locale,
			// RFC 3834: tells vacation responders and ticket systems not to answer an automatic mail.
			'Auto-Submitted': 'auto-generated'
		}
	};
}

/** Sortable by name, no colons (not allowed in Windows file names), unique even within one millisecond. */
function outboxFileName(now: Date): string {
	return `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(6).toString('hex')}.eml`;
}

export function createMailer(options: MailerOptions): Mailer {
	const { smtpUrl, from, outboxDir } = options;
	const inFlight = new Set<Promise<unknown>>();
	let closed = false;

	// Pooled: a verification or reset mail should not wait for a fresh TCP and TLS handshake each time.
	const smtp = smtpUrl
		? nodemailer.createTransport({ url: smtpUrl, pool: true, ...smtpTimeouts }, { from })
		: undefined;
	// The same composer as SMTP, so an outbox file is byte for byte the message a server would have received.
	const composer = smtp
		? undefined
		: nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }, { from });

	async function sendOverSmtp(transport: NonNullable<typeof smtp>, mail: OutgoingMail): Promise<SendResult> {
		try {
			const info = await transport.sendMail(messageFor(mail));
			log().info({ messageId: info.messageId }, 'mail handed to the SMTP server');
			return { delivered: 'smtp', messageId: info.messageId };
		} catch (cause) {
			const error = new MailDeliveryError('smtp', cause);
			log().warn({ code: error.code, command: error.command, responseCode: error.responseCode }, error.message);
			throw error;
		}
	}

	async function writeToOutbox(transport: NonNullable<typeof composer>, mail: OutgoingMail): Promise<SendResult> {
		const file = path.join(outboxDir, outboxFileName(new Date()));
		let messageId: string;
		try {
			const info = await transport.sendMail(messageFor(mail));
			messageId = info.messageId;
			// 0700/0600: the file holds an address and a one-time link, readable by brug's own user only.
			await mkdir(outboxDir, { recursive: true, mode: 0o700 });
			await writeFile(file, info.message as Buffer, { mode: 0o600, flag: 'wx' });
		} catch (cause) {
			const error = new MailDeliveryError('outbox', cause);
			log().warn({ code: error.code, outboxDir }, error.message);
			throw error;
		}
		log().info({ file }, 'mail written to outbox');
		return { delivered: 'outbox', file, messageId };
	}

	return {
		async send(mail) {
			if (closed) throw new MailDeliveryError('closed');
			const sending = smtp ? sendOverSmtp(smtp, mail) : writeToOutbox(composer!, mail);
			inFlight.add(sending);
			try {
				return await sending;
			} finally {
				inFlight.delete(sending);
			}
		},
		async close() {
			closed = true;
			await Promise.allSettled([...inFlight]);
			smtp?.close();
			composer?.close();
		}
	};
}

let instance: Mailer | undefined;

/** The process-wide mailer, from `SMTP_URL`, `MAIL_FROM` and `BRUG_DATA_DIR`. */
export function mailer(): Mailer {
	if (!instance) {
		const { SMTP_URL, MAIL_FROM, dataDir } = config();
		instance = createMailer({ smtpUrl: SMTP_URL, from: MAIL_FROM, outboxDir: outboxDir(dataDir) });
	}
	return instance;
}

/** For shutdown (hooks.server.ts): a later `mailer()` call builds a fresh one. */
export async function closeMailer(): Promise<void> {
	const closing = instance;
	instance = undefined;
	await closing?.close();
}

/**
 * Deletes outbox files older than `maxAgeHours`: they hold an address and one-time links, which expire within a day.
 * Returns how many were removed.
 */
export async function pruneOutbox(outboxDir: string, maxAgeHours = 24, now = Date.now()): Promise<number> {
	let names: string[];
	try {
		names = await readdir(outboxDir);
	} catch {
		return 0;
	}
	let removed = 0;
	for (const name of names.filter((n) => n.endsWith('.eml'))) {
		const file = path.join(outboxDir, name);
		const info = await stat(file).catch(() => null);
		if (info && now - info.mtimeMs > maxAgeHours * 60 * 60 * 1000) {
			await unlink(file).catch(() => undefined);
			removed += 1;
		}
	}
	return removed;
}

/**
 * Deletes the outbox files addressed to `address` (after an account is deleted, its mails go with it). Only the
 * headers are read; returns how many were removed.
 */
export async function removeOutboxMailsTo(outboxDir: string, address: string): Promise<number> {
	let names: string[];
	try {
		names = await readdir(outboxDir);
	} catch {
		return 0;
	}
	const wanted = address.trim().toLowerCase();
	let removed = 0;
	for (const name of names.filter((n) => n.endsWith('.eml'))) {
		const file = path.join(outboxDir, name);
		const text = await readFile(file, 'utf8').catch(() => '');
		if (recipients(text).includes(wanted)) {
			await unlink(file).catch(() => undefined);
			removed += 1;
		}
	}
	return removed;
}

/** The lower-cased addresses in a message's To and Cc headers (folded lines joined). */
function recipients(message: string): string[] {
	const end = message.search(/\r?\n\r?\n/);
	const headers = (end === -1 ? message : message.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
	return headers
		.split(/\r?\n/)
		.filter((line) => /^(to|cc):/i.test(line))
		.flatMap((line) => line.slice(3).match(/[^\s<>,"]+@[^\s<>,"]+/g) ?? [])
		.map((a) => a.toLowerCase());
}

/** After an account is deleted: its mails in the outbox go too (with SMTP nothing is kept, so nothing to do). */
export async function forgetMailsTo(address: string): Promise<number> {
	const { SMTP_URL, dataDir } = config();
	return SMTP_URL ? 0 : removeOutboxMailsTo(outboxDir(dataDir), address);
}

export function outboxDir(dataDir: string): string {
	return path.join(dataDir, 'outbox');
}
