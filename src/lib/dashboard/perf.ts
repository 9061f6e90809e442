/**
 * A performance mark for `npm run perf` (scripts/perf.mjs; docs/performance.md says what each mark
 * times). Only when that benchmark set `globalThis.brinkPerf` before the page loaded, so a normal
 * visit leaves nothing on the performance timeline.
 */
export function perfMark(name: string): void {
	if ((globalThis as { brinkPerf?: boolean }).brinkPerf) performance.mark(name);
}
