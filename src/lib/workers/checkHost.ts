/**
 * The editor's check worker, its side (check.worker.ts wires it to `self`; the unit tests to a
 * fake worker): checks one draft at a time, in stages (checking/stagedCheck.ts). A newer check, or
 * a cancel, stops the one running at its next pause between stages, which answers `dropped`:
 * the worker is kept, warm, rather than terminated and loaded again. What the check of every
 * combination found nothing in is remembered from one check to the next (`CheckMemo`). It also
 * opens a draft for the dashboard (/draft: `open`, answered `opened`; checking/draftOpen.ts).
 */
import type { openDraft } from '$lib/checking/draftOpen';
import { messageOf } from '$lib/format/messageOf';
import type { CheckMemo, answerInStages } from '$lib/checking/stagedCheck';
import { nextTask } from './nextTask';
import type { FromCheckWorker, ToCheckWorker } from './protocol';

/** What the host needs of the checking (loaded after Zod is told not to compile: loadEngine.ts). */
export interface CheckEngine {
	answerInStages: typeof answerInStages;
	openDraft: typeof openDraft;
}

export function createCheckHost(
	post: (message: FromCheckWorker) => void,
	engine: Promise<CheckEngine>,
	pause: () => Promise<void> = nextTask
): (message: ToCheckWorker) => Promise<void> {
	/** The check to answer (0: none); an older one stops at its next pause. */
	let latest = 0;
	const memo: CheckMemo = {};
	return async (message) => {
		if (message.type === 'cancel') {
			if (latest === message.id) latest = 0;
			return;
		}
		const { id, draft } = message;
		if (message.type === 'open') {
			try {
				post({ type: 'opened', id, opened: await (await engine).openDraft(draft) });
			} catch (error) {
				post({
					type: 'error',
					id,
					message: messageOf(error)
				});
			}
			return;
		}
		latest = id;
		const between = async () => {
			await pause();
			return latest === id;
		};
		try {
			const { answerInStages } = await engine;
			const answer = await answerInStages(draft, {
				between,
				memo,
				checked: (lines) => post({ type: 'checked', id, answer: lines })
			});
			post(answer ? { type: 'done', id, answer } : { type: 'dropped', id });
		} catch (error) {
			post({ type: 'error', id, message: messageOf(error) });
		}
	};
}
