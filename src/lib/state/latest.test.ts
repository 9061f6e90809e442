import { describe, expect, it } from 'vitest';
import { Latest } from './latest.svelte';

describe('Latest: the result for these settings, the last one kept while the next comes', () => {
	it('keeps the last value while the one for new settings is not there, then shows it', () => {
		const latest = new Latest<number>({ key: 'a', value: 1 });
		expect(latest.isFor('a')).toBe(true);
		expect(latest.value).toBe(1);
		// Settings are now "b": the value of "a" is still what is shown, and not current.
		expect(latest.isFor('b')).toBe(false);
		expect(latest.value).toBe(1);
		latest.settle({ key: 'b', value: 2 });
		expect(latest.isFor('b')).toBe(true);
		expect(latest.value).toBe(2);
	});

	it('reports an error only for the settings it came with', () => {
		const latest = new Latest<number>();
		latest.settle({ key: 'a', error: 'worker gone' });
		expect(latest.errorFor('a')).toBe('worker gone');
		expect(latest.errorFor('b')).toBeUndefined();
		expect(latest.value).toBeUndefined();
	});

	it('gives a waiter the value of the settings current when it comes, following changes', async () => {
		const latest = new Latest<number>();
		let key = 'a';
		const waiting = latest.ready(() => key);
		// The settings change before "a" is computed; "a"'s run is dropped, "b"'s settles.
		key = 'b';
		latest.release('a');
		latest.settle({ key: 'b', value: 7 });
		expect(await waiting).toBe(7);
		// Already there: at once.
		expect(await latest.ready(() => 'b')).toBe(7);
	});

	it('gives undefined to a waiter whose settings' + "' result could not be computed", async () => {
		const latest = new Latest<number>();
		const waiting = latest.ready(() => 'a');
		latest.settle({ key: 'a', error: 'failed' });
		expect(await waiting).toBeUndefined();
	});
});
