import { describe, expect, it } from 'vitest';
import { loadScenario } from '../engine/load';
import { blankScenario, toFileName } from './template';

describe('blankScenario', () => {
	it('loads without sources', () => {
		const result = loadScenario('blank.yaml', blankScenario, () => ({ missing: 'x', known: [] }));
		expect(result.ok).toBe(true);
	});
});

describe('toFileName', () => {
	it.each([
		{ name: 'Gulf talks', format: 'yaml' as const, expected: 'gulf-talks.yaml' },
		{
			name: 'russia-arms-to-iran (fork)',
			format: 'yaml' as const,
			expected: 'russia-arms-to-iran-fork.yaml'
		},
		{ name: '  ', format: 'json' as const, expected: 'draft.json' }
	])('$name → $expected', ({ name, format, expected }) =>
		expect(toFileName(name, format)).toBe(expected)
	);
});
