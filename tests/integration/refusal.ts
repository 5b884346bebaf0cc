/** How a use-case refused: the HTTP status and the policy's reason, from the HttpError it threw. */
import { isHttpError } from '@sveltejs/kit';

export type Refusal = { status: number; reason: string | undefined };

/** Awaits a call that must be refused; fails the test when it goes through or throws anything else. */
export async function refusal(promise: Promise<unknown>): Promise<Refusal> {
	try {
		await promise;
	} catch (error) {
		if (isHttpError(error)) return { status: error.status, reason: error.body.reason };
		throw error;
	}
	throw new Error('expected the call to be refused');
}
