import { describe, expect, it } from 'vitest';
import { evidenceSchema } from './schema';
import { stanceMeanings, stances } from './stance';

describe('stances', () => {
	it('are the values the scenario schema allows, each with a meaning', () => {
		expect(evidenceSchema.shape.stance.options).toEqual([...stances]);
		expect(Object.keys(stanceMeanings)).toEqual([...stances]);
		for (const s of stances) expect(stanceMeanings[s]).toMatch(/^\S.{10,70}$/);
	});
});
