import { describe, expect, it, vi } from 'vitest';
import { createAutosave, type SaveStatus } from './autosave';

function setup(save: (value: string) => Promise<unknown> = async () => {}) {
	vi.useFakeTimers();
	const statuses: SaveStatus['kind'][] = [];
	const written: string[] = [];
	const saver = createAutosave(
		async (value: string) => {
			await save(value);
			written.push(value);
		},
		(s) => statuses.push(s.kind),
		{ delay: 400, timers: { setTimeout, clearTimeout } as never }
	);
	return { saver, statuses, written };
}

describe('createAutosave', () => {
	it('writes only the latest value, once typing pauses for the delay', async () => {
		const { saver, statuses, written } = setup();
		saver.schedule('a');
		await vi.advanceTimersByTimeAsync(300);
		saver.schedule('ab');
		await vi.advanceTimersByTimeAsync(399);
		expect(written).toEqual([]);
		await vi.advanceTimersByTimeAsync(1);
		expect(written).toEqual(['ab']);
		expect(statuses).toEqual(['saving', 'saving', 'saved']);
		vi.useRealTimers();
	});

	it('flush writes at once; nothing pending writes nothing', async () => {
		const { saver, written } = setup();
		await saver.flush();
		saver.schedule('x');
		await saver.flush();
		expect(written).toEqual(['x']);
		await vi.advanceTimersByTimeAsync(1000);
		expect(written).toEqual(['x']);
		vi.useRealTimers();
	});

	it('reports a failed write with its reason', async () => {
		const reasons: string[] = [];
		vi.useFakeTimers();
		const saver = createAutosave(
			() => Promise.reject(new Error('quota exceeded')),
			(s) => s.kind === 'failed' && reasons.push(s.reason)
		);
		saver.schedule('x');
		await saver.flush();
		expect(reasons).toEqual(['quota exceeded']);
		vi.useRealTimers();
	});

	it('cancel forgets the pending value', async () => {
		const { saver, written } = setup();
		saver.schedule('x');
		saver.cancel();
		await vi.advanceTimersByTimeAsync(1000);
		expect(written).toEqual([]);
		vi.useRealTimers();
	});
});
