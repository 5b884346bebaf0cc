import { describe, expect, it } from 'vitest';
import { isGuessablePassword } from './password-strength';

describe('isGuessablePassword', () => {
	it('refuses common and breached passwords, runs, and words with a digit', () => {
		for (const password of ['1234567890', 'password12', 'wachtwoord1', 'welkom12345', 'qwertyuiop', 'Welkom01!x', 'aaaaaaaaaaaa', 'aB3$'.repeat(32), 'P@ssw0rd!1', 'Amsterdam1', 'mijnwachtwoord']) {
			expect(isGuessablePassword(password), password).toBe(true);
		}
	});

	it('refuses the address and variants of it', () => {
		const email = 'anna.dejong@example.nl';
		for (const password of ['anna.dejong@example.nl', 'AnnaDeJong2024!', 'annadejong', 'anna.dejong@example', 'example.nl anna']) {
			expect(isGuessablePassword(password, email), password).toBe(true);
		}
	});

	it('accepts a longer sentence or a few separate words', () => {
		for (const password of ['fiets koffie regen tulp', 'de kat zit op de vensterbank', 'mijn lange wachtwoord', 'Mijn oma bakte elke zondag appeltaart']) {
			expect(isGuessablePassword(password, 'anna.dejong@example.nl'), password).toBe(false);
		}
	});
});
