/**
 * An analysis worker for the unit tests: the real host (src/lib/workers/host.ts) in-process,
 * messages passed on the next task and structured-cloned both ways as a Worker would.
 */
import { createAnalysisHost } from '../../src/lib/workers/host';
import type { WorkerLike } from '../../src/lib/workers/client';
import type { FromWorker, ToWorker } from '../../src/lib/workers/protocol';

export interface FakeWorker extends WorkerLike {
	/** Every message the page sent, in order. */
	sent: ToWorker[];
	terminated: boolean;
	/** Fail as a broken worker script does (an error event). */
	crash(message: string): void;
}

const later = (f: () => void) => setTimeout(f, 0);

/**
 * `ready`: whether the worker's script runs (one that does not, a blocked script, never answers).
 * `pause`: what the host awaits between chunks of a long run (the next task by default).
 */
export function fakeWorker({
	ready = true,
	pause
}: { ready?: boolean; pause?: () => Promise<void> } = {}): FakeWorker {
	const deliver = (message: FromWorker) =>
		later(() => {
			if (!fake.terminated && ready)
				fake.onmessage?.({ data: structuredClone(message) } as MessageEvent);
		});
	const host = createAnalysisHost(deliver, pause);
	const fake: FakeWorker = {
		sent: [],
		terminated: false,
		onmessage: null,
		onerror: null,
		postMessage(message) {
			fake.sent.push(message);
			const copy = structuredClone(message);
			later(() => {
				if (!fake.terminated) host.receive(copy);
			});
		},
		terminate() {
			fake.terminated = true;
		},
		crash(message) {
			later(() => fake.onerror?.({ message } as ErrorEvent));
		}
	};
	if (ready) deliver({ type: 'ready' });
	return fake;
}
