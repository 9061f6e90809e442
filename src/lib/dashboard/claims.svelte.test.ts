/**
 * The claims section's controller on the real engine and an in-process worker: rows carry labels,
 * quotes and their sentences; verdicts come from the worker for the current settings, and follow
 * a change of choice.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeWorker } from '../../../tests/unit/fakeWorker';
import { loadFixture } from '../../../tests/unit/fixtures';
import { builtInClaims, parsedClaims } from '$lib/engine/claims';
import { toPayload } from '$lib/scenarios/payload';
import { AnalysisWorker } from '$lib/workers/client';
import { ClaimsView, verdictWords, type ClaimSettings } from './claims.svelte';

const loaded = loadFixture('ladder-claims.yaml');
const payload = toPayload(loaded);
const builtIn = builtInClaims(loaded.compiled, parsedClaims(loaded.scenario));

beforeAll(() => {
	vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 0));
	vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
});
afterAll(() => vi.unstubAllGlobals());

function view() {
	const settings: ClaimSettings = $state({ choices: {}, likelihoods: {}, seed: 1 });
	const worker = new AnalysisWorker(() => fakeWorker());
	const claims = new ClaimsView(
		payload,
		loaded.compiled,
		() => settings,
		builtIn,
		() => worker
	);
	return { claims, settings };
}

describe('ClaimsView', () => {
	it('lists each claim with its quote, its sentence and whether it is built in', () => {
		const { claims } = view();
		expect(
			claims.rows.map((r) => [r.label, r.sentence, r.builtIn?.checked && r.builtIn.builtIn])
		).toEqual([
			['War is unlikely', 'p1.s1', false],
			['Pressing for talks keeps the peace better', 'p2.s1', true],
			['War comes only through a crisis', 'p1.s2', true]
		]);
		expect(claims.current).toBe(false);
	});

	it('gets the verdicts from the worker, and new ones after a change of choice', async () => {
		const { claims, settings } = view();
		const ready = claims.ready();
		claims.follow();
		const first = await ready;
		expect(first?.[0]).toMatchObject({ id: 'warUnlikely', holds: false });
		expect(claims.current).toBe(true);
		settings.choices = { 'west.posture': 'press' };
		expect(claims.current).toBe(false);
		expect(claims.rows[0].verdict?.holds).toBe(false); // the last ones, until the new come
		const again = claims.ready();
		claims.follow();
		const second = await again;
		expect(second?.[0]).toMatchObject({ holds: true, draws: { holds: 200, samples: 200 } });
		expect(claims.rows[0].verdict?.holds).toBe(true);
	});

	it('tests the claims given the observations, in the worker, with the verdict before them', async () => {
		// engine/claims.test.ts by hand: seen that talks did not fail, war is unlikely everywhere.
		const { claims, settings } = view();
		let ready = claims.ready();
		claims.follow();
		await ready;
		settings.observations = [{ event: 'talks:talks.fail', happened: false }];
		expect(claims.current).toBe(false);
		ready = claims.ready();
		claims.follow();
		const [war] = (await ready)!;
		expect(war).toMatchObject({
			holds: true,
			draws: { holds: 200, samples: 200 },
			was: { holds: false }
		});
	});
});

describe('verdictWords', () => {
	const nbsp = '\u00a0';
	it.each([
		{
			name: 'no observations: as before',
			verdict: { id: 'c', label: 'c', holds: true, draws: { holds: 90, samples: 200 } },
			expected: {
				head: 'Holds',
				text: `under these settings; holds in 45${nbsp}% of 200 draws of the uncertain likelihoods.`
			}
		},
		{
			name: 'given observations: the verdict and share before them beside',
			verdict: {
				id: 'c',
				label: 'c',
				holds: true,
				draws: { holds: 150, samples: 150, leftOut: 50 },
				was: { holds: false, draws: { holds: 34, samples: 200 } }
			},
			expected: {
				head: 'Holds',
				text: `(was fails) under these settings; holds in 100${nbsp}% (was 17${nbsp}%) of 150 draws of the uncertain likelihoods; 50 draws left out, where what you marked could not have happened.`
			}
		},
		{
			name: 'nothing left uncertain',
			verdict: { id: 'c', label: 'c', holds: false, was: { holds: true } },
			expected: {
				head: 'Fails',
				text: '(was holds) under these settings; no likelihood is left uncertain.'
			}
		},
		{
			name: 'observations that cannot happen',
			verdict: { id: 'c', label: 'c', holds: false, impossible: true },
			expected: {
				head: 'Not tested',
				text: 'given what you marked as observed: it could not have happened under these settings, or under the choices the claim compares.'
			}
		}
	])('$name', ({ verdict, expected }) => {
		expect(verdictWords(verdict)).toEqual(expected);
	});
});
