/**
 * In-process stand-ins for Web Workers, for the unit tests of the workers' page sides: what the
 * page sends is structured-cloned and answered on the next task; what the worker sends is
 * structured-cloned and delivered on a later task, as a Worker's would be, and never after
 * `terminate`. `fakeWorker` is the analysis worker: the real host (src/lib/workers/host.ts).
 */
import { createAnalysisHost } from '../../src/lib/workers/host';
import type { WorkerLike } from '../../src/lib/workers/client';
import type { FromWorker, ToWorker } from '../../src/lib/workers/protocol';

export interface FakeWorkerOf<To, From> extends WorkerLike<To, From> {
	/** Every message the page sent, in order. */
	sent: To[];
	terminated: boolean;
	/** Fail as a broken worker script does (an error event). */
	crash(message: string): void;
}

export type FakeWorker = FakeWorkerOf<ToWorker, FromWorker>;

const later = (f: () => void) => setTimeout(f, 0);

/**
 * A worker whose script is `answer`. `ready`: whether the script runs (one that does not, a
 * blocked script, never answers and never says `ready`).
 */
export function fakeWorkerOf<To, From>(
	answer: (message: To, deliver: (message: From) => void) => void,
	{ ready = true }: { ready?: boolean } = {}
): FakeWorkerOf<To, From> {
	const deliver = (message: From) =>
		later(() => {
			if (!fake.terminated && ready)
				fake.onmessage?.({ data: structuredClone(message) } as MessageEvent<From>);
		});
	const fake: FakeWorkerOf<To, From> = {
		sent: [],
		terminated: false,
		onmessage: null,
		onerror: null,
		postMessage(message) {
			fake.sent.push(message);
			const copy = structuredClone(message);
			later(() => {
				if (!fake.terminated) answer(copy, deliver);
			});
		},
		terminate() {
			fake.terminated = true;
		},
		crash(message) {
			later(() => fake.onerror?.({ message } as ErrorEvent));
		}
	};
	deliver({ type: 'ready' } as From);
	return fake;
}

/**
 * The analysis worker. `pause`: what the host awaits between chunks of a long run (the next
 * task by default).
 */
export function fakeWorker({
	ready = true,
	pause
}: { ready?: boolean; pause?: () => Promise<void> } = {}): FakeWorker {
	let host: ReturnType<typeof createAnalysisHost> | undefined;
	return fakeWorkerOf<ToWorker, FromWorker>(
		(message, deliver) => (host ??= createAnalysisHost(deliver, pause)).receive(message),
		{ ready }
	);
}
