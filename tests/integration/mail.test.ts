/**
 * The mailer against a real SMTP server (smtp-server on 127.0.0.1, a free port) and against a real outbox folder.
 * Received mails are parsed with mailparser, as a mail program would read them.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import pino from 'pino';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMailer, MailDeliveryError, removeOutboxMailsTo, type Mailer } from '$lib/server/mail/mailer';
import { emailVerificationMail, renderMail } from '$lib/server/mail/templates';
import { log } from '$lib/server/log';

const to = 'ann.de.vries@example.nl';
const from = 'brug <noreply@example.nl>';
const actionUrl = 'https://brug.example.nl/nl/account/bevestig?token=k7Q2x9';

let outboxDir: string;
let server: SMTPServer | undefined;
let mailer: Mailer | undefined;

beforeEach(async () => {
	outboxDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'brug-mail-')), 'outbox');
});

afterEach(async () => {
	vi.restoreAllMocks();
	await mailer?.close();
	mailer = undefined;
	const closing = server;
	server = undefined;
	if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
	await rm(path.dirname(outboxDir), { recursive: true, force: true });
});

/** Starts a plain-text SMTP server on a free local port; returns its URL and the mails it received. */
async function startServer(extra: SMTPServerOptions = {}): Promise<{ url: string; received: ParsedMail[] }> {
	const received: ParsedMail[] = [];
	server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, _session, callback) {
			simpleParser(stream).then(
				(mail) => {
					received.push(mail);
					callback();
				},
				(error: Error) => callback(error)
			);
		},
		...extra
	});
	const listening = server;
	await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', () => resolve()));
	const { port } = listening.server.address() as AddressInfo;
	return { url: `smtp://127.0.0.1:${port}`, received };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
	return [field ?? []].flat().flatMap((group) => group.value.map((entry) => entry.address ?? ''));
}

describe('mail over SMTP', () => {
	it('delivers the verification mail with subject, text, HTML and language', async () => {
		const { url, received } = await startServer();
		mailer = createMailer({ smtpUrl: url, from, outboxDir });

		const result = await mailer.send({ to, ...renderMail(emailVerificationMail, { url: actionUrl }, 'nl') });

		expect(result.delivered).toBe('smtp');
		expect(result.file).toBeUndefined();
		expect(received).toHaveLength(1);
		const mail = received[0]!;
		expect(mail.messageId).toBe(result.messageId);
		expect(addresses(mail.to)).toEqual([to]);
		expect(addresses(mail.from)).toEqual(['noreply@example.nl']);
		expect(mail.from?.value[0]?.name).toBe('brug');
		expect(mail.subject).toBe('Bevestig je e-mailadres');
		expect(mail.text).toContain('Welkom bij brug!');
		expect(mail.text).toContain(actionUrl);
		expect(mail.html).toContain(`<a href="${actionUrl}">Ja, dit is mijn e-mailadres</a>`);
		expect(mail.headers.get('content-language')).toBe('nl');
		expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
		await expect(readdir(outboxDir)).rejects.toThrow(/ENOENT/);
	});

	it('sends in English when the person reads English', async () => {
		const { url, received } = await startServer();
		mailer = createMailer({ smtpUrl: url, from, outboxDir });

		await mailer.send({ to, ...renderMail(emailVerificationMail, { url: actionUrl }, 'en') });

		expect(received[0]?.subject).toBe('Confirm your e-mail address');
		expect(received[0]?.headers.get('content-language')).toBe('en');
	});

	it('throws a MailDeliveryError without the address when the server refuses the recipient', async () => {
		const { url, received } = await startServer({
			onRcptTo(address, _session, callback) {
				const refusal = Object.assign(new Error(`<${address.address}>: mailbox unavailable`), {
					responseCode: 550
				});
				callback(refusal);
			}
		});
		mailer = createMailer({ smtpUrl: url, from, outboxDir });
		const warn = vi.spyOn(log(), 'warn');

		const error: unknown = await mailer
			.send({ to, ...renderMail(emailVerificationMail, { url: actionUrl }, 'nl') })
			.catch((caught: unknown) => caught);

		expect(error).toBeInstanceOf(MailDeliveryError);
		const failure = error as MailDeliveryError;
		expect(failure.message).not.toContain(to);
		expect(failure.message).toMatch(/SMTP/);
		expect(failure.responseCode).toBe(550);
		expect(failure.command).toBe('RCPT TO');
		// The original error does quote the address; it must stay out of what a logger would print.
		expect(String(failure.original)).toContain(to);
		expect(JSON.stringify(pino.stdSerializers.err(failure))).not.toContain(to);
		expect(JSON.stringify(warn.mock.calls)).not.toContain(to);
		expect(received).toHaveLength(0);
	});

	it('fails quickly and safely when no server listens', async () => {
		const { url } = await startServer();
		const closing = server!;
		server = undefined;
		await new Promise<void>((resolve) => closing.close(() => resolve()));
		mailer = createMailer({ smtpUrl: url, from, outboxDir });

		const started = performance.now();
		const error = await mailer.send({ to, subject: 'x', text: 'x', locale: 'en' }).catch((caught: unknown) => caught);

		expect(error).toBeInstanceOf(MailDeliveryError);
		// Connection refused: nodemailer reports it as a socket error on connect.
		expect((error as MailDeliveryError).code).toBe('ESOCKET');
		expect((error as MailDeliveryError).message).toBe('The mail could not be delivered over SMTP (ESOCKET, CONN).');
		expect(performance.now() - started).toBeLessThan(2_000);
	});
});

describe('mail to the outbox', () => {
	it('writes an .eml file readable only by brug, and logs the path but not the address', async () => {
		mailer = createMailer({ from, outboxDir });
		const info = vi.spyOn(log(), 'info');

		const result = await mailer.send({ to, ...renderMail(emailVerificationMail, { url: actionUrl }, 'en') });

		expect(result.delivered).toBe('outbox');
		const files = await readdir(outboxDir);
		expect(files).toHaveLength(1);
		expect(files[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-[0-9a-f]{12}\.eml$/);
		expect(result.file).toBe(path.join(outboxDir, files[0]!));
		expect((await stat(result.file!)).mode & 0o777).toBe(0o600);
		expect((await stat(outboxDir)).mode & 0o777).toBe(0o700);

		const mail = await simpleParser(await readFile(result.file!));
		expect(mail.subject).toBe('Confirm your e-mail address');
		expect(mail.messageId).toBe(result.messageId);
		expect(addresses(mail.to)).toEqual([to]);
		expect(mail.text).toContain(actionUrl);
		expect(mail.html).toContain(actionUrl);
		expect(mail.headers.get('content-language')).toBe('en');

		expect(info).toHaveBeenCalledWith({ file: result.file }, 'mail written to outbox');
		expect(JSON.stringify(info.mock.calls)).not.toContain(to);
		expect(JSON.stringify(info.mock.calls)).not.toContain('token');
	});

	it('gives every mail its own file', async () => {
		mailer = createMailer({ from, outboxDir });
		const mail = { to, subject: 'Test', text: 'Hallo', locale: 'nl' } as const;

		const results = await Promise.all([mailer.send(mail), mailer.send(mail), mailer.send(mail)]);

		expect(new Set(results.map((result) => result.file)).size).toBe(3);
		expect(await readdir(outboxDir)).toHaveLength(3);
	});

	it('refuses to send after close', async () => {
		mailer = createMailer({ from, outboxDir });
		await mailer.close();

		await expect(mailer.send({ to, subject: 'x', text: 'x', locale: 'nl' })).rejects.toThrow(MailDeliveryError);
	});

	it("removes the mails to a deleted account's address, and only those", async () => {
		mailer = createMailer({ from, outboxDir });
		await mailer.send({ to, ...renderMail(emailVerificationMail, { url: actionUrl }, 'nl') });
		await mailer.send({ to: to.toUpperCase(), subject: 'x', text: 'x', locale: 'nl' });
		const other = await mailer.send({ to: 'piet@example.nl', subject: `about ${to}`, text: to, locale: 'nl' });

		expect(await removeOutboxMailsTo(outboxDir, to)).toBe(2);
		expect(await readdir(outboxDir)).toEqual([path.basename(other.file!)]);
		expect(await removeOutboxMailsTo(path.join(outboxDir, 'missing'), to)).toBe(0);
	});
});
