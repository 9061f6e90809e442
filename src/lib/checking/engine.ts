/**
 * The checking and the results, loaded by the editor after it has told Zod not to compile its
 * parsers (see loadEngine.ts). Nothing else imports this module.
 */
export { checkDraft, type DraftCheck } from './draftCheck';
export { toResults, type DraftResults } from './draftResults';
