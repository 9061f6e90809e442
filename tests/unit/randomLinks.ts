/**
 * Random and randomly cut share links for regional-escalation, from a seed (mulberry32), the same
 * on every run: `count` strings of link-like characters and pieces, then `count` cuts of a valid
 * link with a piece spliced in. tests/e2e/hardening.spec.ts opens some in the dashboard;
 * src/lib/state/share.test.ts reads many with `fromQuery`. No imports: both sides load it.
 */
export function randomLinks(seed: number, count: number): string[] {
	const next = () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
	const alphabet = [...'abcxyz019.:,;&=?#%+-_/\\<>"\'`{}[]() '];
	const pieces = ['%', '%2', '%E2%80', '%00', '%ZZ', 'c.', 'p.', 'b.', 'seed=', 'steps=', 'base=1'];
	const links: string[] = [];
	for (let i = 0; i < count; i++) {
		const length = 1 + Math.floor(next() * 80);
		links.push(
			Array.from({ length }, () => (next() < 0.2 ? pick(pieces) : pick(alphabet))).join('')
		);
	}
	for (let i = 0; i < count; i++) {
		// A valid link cut at a random place, with a random piece spliced into it.
		const cut = Math.floor(next() * validLink.length);
		const at = Math.floor(next() * cut);
		links.push(validLink.slice(0, at) + pick(pieces) + validLink.slice(at, cut));
	}
	return links;
}

/** A valid regional-escalation link: choices, a likelihood, a seed, a step and a baseline. */
export const validLink =
	'c.russia.response=full&c.iran.posture=direct&p.crisis.arms.deciding:chance.defensiveOnly=0.4&seed=7&steps=crisis.arms.request:chance.supply&base=1&b.c.russia.response=decline';
