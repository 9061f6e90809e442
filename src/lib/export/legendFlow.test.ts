import { describe, expect, it } from 'vitest';
import { legendFlow, type LegendEntry } from './legendFlow';

const chars = (s: string) => s.length;
const font = { size: 1, lineHeight: 2 };
const swatch = { width: 2, height: 2 };

describe('legendFlow', () => {
	it('sets items side by side while they fit, then on the next row', () => {
		const entries: LegendEntry[] = [
			{ swatch, text: 'Baseline' },
			{ swatch, text: 'Now' },
			{ text: 'Right: the difference' }
		];
		const { placed, height } = legendFlow(entries, 50, chars, font);
		// swatch 2 + gap 6 + 8 characters + 16 between items = 32: "Now" starts there.
		expect(placed[0].swatch?.x).toBe(0);
		expect(placed[0].lines).toEqual([{ x: 8, y: 1.35, text: 'Baseline' }]);
		expect(placed[1].swatch?.x).toBe(32);
		expect(placed[1].lines[0].x).toBe(40);
		// The third does not fit beside them: a row of its own, without a swatch.
		expect(placed[2].swatch).toBeUndefined();
		expect(placed[2].lines[0]).toMatchObject({ x: 0, text: 'Right: the difference' });
		expect(placed[2].lines[0].y).toBeGreaterThan(placed[0].lines[0].y);
		expect(height).toBe(2 + 4 + 2);
	});

	it('wraps an item too wide for a row beside its swatch, and the next starts below', () => {
		const { placed, height } = legendFlow(
			[
				{ swatch, text: 'Bar: the probability as one factor moves' },
				{ swatch, text: 'Line' }
			],
			20,
			chars,
			font
		);
		const lines = placed[0].lines;
		expect(lines.length).toBeGreaterThan(1);
		for (const line of lines) expect(line.x + line.text.length).toBeLessThanOrEqual(20);
		expect(placed[1].swatch?.x).toBe(0);
		expect(placed[1].lines[0].y).toBeGreaterThan(lines.at(-1)!.y);
		expect(height).toBe(lines.length * 2 + 4 + 2);
	});

	it('centres a swatch on the first line', () => {
		const { placed } = legendFlow([{ swatch: { width: 2, height: 10 }, text: 'a' }], 20, chars, {
			size: 10,
			lineHeight: 14
		});
		expect(placed[0].swatch).toEqual({ x: 0, y: 2 });
	});

	it('places nothing for no items', () => {
		expect(legendFlow([], 20, chars, font)).toEqual({ placed: [], height: 0 });
	});
});
