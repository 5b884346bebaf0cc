/**
 * Password hashing with argon2id (@node-rs/argon2), at OWASP's recommended minimum cost
 * (m = 19 MiB, t = 2, p = 1), which is also the library's default.
 */
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
	return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(input: { hash: string; password: string }): Promise<boolean> {
	try {
		return await verify(input.hash, input.password);
	} catch {
		// A malformed stored hash is a failed sign-in, not a crash.
		return false;
	}
}
