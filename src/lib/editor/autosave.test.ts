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

	it('keeps a value whose write failed, and writes it on the next flush', async () => {
		let full = true;
		const { saver, statuses, written } = setup(async () => {
			if (full) throw new Error('quota exceeded');
		});
		saver.schedule('typed');
		await saver.flush();
		expect(statuses.at(-1)).toBe('failed');
		expect(saver.pending).toBe('typed');
		expect(saver.idle).toBe(false);
		full = false;
		await saver.flush();
		expect(written).toEqual(['typed']);
		expect(statuses.at(-1)).toBe('saved');
		expect(saver.pending).toBeUndefined();
		expect(saver.idle).toBe(true);
		vi.useRealTimers();
	});

	it('a value typed after a failed one replaces it (it holds the whole text)', async () => {
		let full = true;
		const { saver, written } = setup(async () => {
			if (full) throw new Error('quota exceeded');
		});
		saver.schedule('a');
		await saver.flush();
		saver.schedule('ab');
		full = false;
		await vi.advanceTimersByTimeAsync(400);
		expect(written).toEqual(['ab']);
		vi.useRealTimers();
	});

	it('a failed write does not bring back its value over one typed during it', async () => {
		vi.useFakeTimers();
		let fail: (error: Error) => void = () => {};
		const saver = createAutosave(
			() => new Promise<void>((_, reject) => (fail = reject)),
			() => {}
		);
		saver.schedule('a');
		const writing = saver.flush();
		await vi.advanceTimersByTimeAsync(0);
		saver.schedule('ab');
		fail(new Error('quota exceeded'));
		await writing;
		expect(saver.pending).toBe('ab');
		saver.cancel();
		vi.useRealTimers();
	});

	it('writes one value at a time: a flush during a write waits for it, then writes the newer value', async () => {
		vi.useFakeTimers();
		const started: string[] = [];
		const finish: (() => void)[] = [];
		const saver = createAutosave(
			(value: string) => {
				started.push(value);
				return new Promise<void>((resolve) => finish.push(resolve));
			},
			() => {}
		);
		saver.schedule('one');
		const first = saver.flush();
		await Promise.resolve();
		saver.schedule('two');
		const second = saver.flush();
		await vi.advanceTimersByTimeAsync(0);
		expect(started).toEqual(['one']);
		expect(saver.idle).toBe(false);
		finish[0]();
		await first;
		await vi.advanceTimersByTimeAsync(0);
		expect(started).toEqual(['one', 'two']);
		finish[1]();
		await second;
		expect(saver.idle).toBe(true);
		vi.useRealTimers();
	});
});
