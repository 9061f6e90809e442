/**
 * The checking and the results, loaded after Zod has been told not to compile its parsers (see
 * loadEngine.ts): by the check worker, for the editor and for /draft. Nothing else imports this module.
 */
export { checkDraft, type DraftCheck } from './draftCheck';
export { toResults, type DraftResults } from './draftResults';
export type { DraftAnswer, DraftInput } from './draftAnswer';
export { answerInStages, type CheckMemo } from './stagedCheck';
export { openDraft, type DraftOpened } from './draftOpen';
