/**
 * A second click on "save" stores nothing: the self-sufficiency rating and the health web refuse a save identical to
 * one of the same client less than a minute before, also when two arrive at the same moment, and accept it when
 * anything differs or the minute has passed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SignedInAccount } from '$lib/server/auth/account';
import { RepeatedSaveError } from '$lib/kernel/repeat-guard.server';
import { healthWebDimensions, type HealthWeb } from '$lib/features/health-web/health-web';
import { saveHealthWeb } from '$lib/features/health-web/health-webs.server';
import { listRatings, rateSelfSufficiency } from '$lib/features/self-sufficiency/ratings.server';
import type { SelfSufficiencyRating } from '$lib/features/self-sufficiency/domains';
import type { DatabaseHandle } from '$lib/server/db/client';
import { testDatabases } from './databases';
import { professionalFixtures, type TestOrganisation } from './professional-fixtures';

const at = (instant: string) => new Date(instant);
const web = (score: number, discuss: HealthWeb['discuss'] = []): HealthWeb => ({
	scores: Object.fromEntries(healthWebDimensions.map((d) => [d, score])) as HealthWeb['scores'],
	discuss
});
const rating: SelfSufficiencyRating = {
	social_network: { level: 4, source: 'network', note: 'Zus komt vaak' },
	finances: { level: 2, source: null, note: null }
};

describe.each(testDatabases())('repeated saves on $name', (target) => {
	let handle: DatabaseHandle;
	let noord: TestOrganisation;
	let piet: SignedInAccount;
	let anna: SignedInAccount;

	beforeEach(async () => {
		handle = await target.open();
		const fixtures = professionalFixtures(handle);
		noord = await fixtures.organisation('Buurtteam Noord', { email: 'ada@noord.nl', name: 'Ada Admin' });
		piet = await fixtures.professional(noord, 'piet@noord.nl', 'Piet Prof');
		anna = await fixtures.person('anna@example.nl', 'Anna');
		await fixtures.connect(anna, piet, ['measurements', 'health_web']);
	});
	afterEach(() => handle.close());

	const ratingCount = async () => Number((await handle.db.selectFrom('self_sufficiency_rating').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
	const webCount = async () => Number((await handle.db.selectFrom('health_web').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
	const rate = (value: SelfSufficiencyRating, instant: string) => rateSelfSufficiency(handle.db, { actor: piet, personId: anna.id, rating: value, now: at(instant) });

	it('refuses the same rating of the same client within a minute, and stores nothing', async () => {
		await rate(rating, '2026-03-02T10:00:00.000Z');
		await expect(rate(rating, '2026-03-02T10:00:59.000Z')).rejects.toBeInstanceOf(RepeatedSaveError);
		expect(await ratingCount()).toBe(1);
		const [stored] = await listRatings(handle.db, { actor: piet, personId: anna.id });
		expect(stored!.domains.social_network).toEqual({ level: 4, source: 'network', note: 'Zus komt vaak' });
	});

	it('accepts a rating that differs in a level, a source or a note, and the same one after a minute', async () => {
		await rate(rating, '2026-03-02T10:00:00.000Z');
		await rate({ ...rating, finances: { level: 3, source: null, note: null } }, '2026-03-02T10:00:10.000Z');
		await rate({ ...rating, finances: { level: 2, source: 'own', note: null } }, '2026-03-02T10:00:20.000Z');
		await rate({ ...rating, social_network: { level: 4, source: 'network', note: 'Zus komt minder vaak' } }, '2026-03-02T10:00:30.000Z');
		expect(await ratingCount()).toBe(4);
		// The first one's minute has passed; the others are not the same.
		await rate(rating, '2026-03-02T10:01:00.001Z');
		expect(await ratingCount()).toBe(5);
	});

	it('stores one rating when two identical ones arrive at the same moment', async () => {
		const results = await Promise.allSettled([rate(rating, '2026-03-02T10:00:00.000Z'), rate(rating, '2026-03-02T10:00:00.500Z')]);
		expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
		const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
		expect(refused.reason).toBeInstanceOf(RepeatedSaveError);
		expect(await ratingCount()).toBe(1);
	});

	it('refuses the same health web within a minute, marks in any order, and stores nothing', async () => {
		await saveHealthWeb(handle.db, { actor: anna, web: web(6, ['participation', 'meaningfulness']), now: at('2026-03-02T10:00:00.000Z') });
		await expect(
			saveHealthWeb(handle.db, { actor: anna, web: web(6, ['meaningfulness', 'participation']), now: at('2026-03-02T10:00:30.000Z') })
		).rejects.toBeInstanceOf(RepeatedSaveError);
		expect(await webCount()).toBe(1);
		// A different mark, a different score, or the same web a minute later: stored.
		await saveHealthWeb(handle.db, { actor: anna, web: web(6, ['participation']), now: at('2026-03-02T10:00:31.000Z') });
		await saveHealthWeb(handle.db, { actor: anna, web: web(7, ['participation', 'meaningfulness']), now: at('2026-03-02T10:00:32.000Z') });
		await saveHealthWeb(handle.db, { actor: anna, web: web(6, ['participation', 'meaningfulness']), now: at('2026-03-02T10:01:00.001Z') });
		expect(await webCount()).toBe(4);
	});

	it('stores one health web when two identical ones arrive at the same moment, and another person’s web is not a repeat', async () => {
		const ben = await professionalFixtures(handle).person('ben@example.nl', 'Ben');
		const results = await Promise.allSettled([
			saveHealthWeb(handle.db, { actor: anna, web: web(5), now: at('2026-03-02T10:00:00.000Z') }),
			saveHealthWeb(handle.db, { actor: anna, web: web(5), now: at('2026-03-02T10:00:00.200Z') }),
			saveHealthWeb(handle.db, { actor: ben, web: web(5), now: at('2026-03-02T10:00:00.300Z') })
		]);
		expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
		expect(await webCount()).toBe(2);
	});
});
