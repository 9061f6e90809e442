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
import { ClaimsView, type ClaimSettings } from './claims.svelte';

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
});
