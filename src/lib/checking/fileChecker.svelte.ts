/**
 * The /validate page's controller: the scenarios a person gave are checked off the page's
 * thread (a runner: the file worker in the browser, a plain call in the tests), their reports
 * shown as they come, in order. A newer request stops the one running; "Stop" stops it; a check
 * past `timeLimitMs` is stopped and says so for the file it was on, keeping the reports done.
 */
import { plural } from '$lib/format/plural';
import type { FileCheckHandlers } from '$lib/workers/filesClient';
import type { ToFilesWorker } from '$lib/workers/protocol';
import type { CheckedFile, FileReport, GivenFile } from './check';

/** Runs a request; returns the function that stops it (no handler is called after). */
export type FileRunner = (request: ToFilesWorker, handlers: FileCheckHandlers) => () => void;

/** How long the page lets one request run before it stops it. */
export const fileCheckTimeLimit = 60_000;

export class FileChecker {
	reports = $state.raw<FileReport[]>([]);
	status = $state('');
	checking = $state(false);
	readonly #run: FileRunner;
	readonly #timeLimit: number;
	#stop: (() => void) | undefined;

	constructor(run: FileRunner, timeLimit = fileCheckTimeLimit) {
		this.#run = run;
		this.#timeLimit = timeLimit;
	}

	/** Check `scenarios` (sources among `given`, or shipped); resolves when it ends, however. */
	check(scenarios: CheckedFile[], given: GivenFile[], pasted: string): Promise<void> {
		this.#stop?.();
		const names = scenarios.map((s) => s.name);
		const found: FileReport[] = [];
		const shown = () => found.filter((r) => r !== undefined);
		this.checking = true;
		this.reports = [];
		this.status = `Checking ${plural(scenarios.length, 'file')}…`;
		return new Promise((settle) => {
			let finished = false;
			let timer: ReturnType<typeof setTimeout> | undefined = undefined;
			const end = (extra?: FileReport) => {
				if (finished) return;
				finished = true;
				clearTimeout(timer);
				this.#stop = undefined;
				const checked = shown();
				this.reports = extra ? [...checked, extra] : checked;
				this.status = toStatus(checked, scenarios.length, extra?.file);
				this.checking = false;
				settle();
			};
			const stopped = (why: string, hint: string): FileReport => {
				const file = names[shown().length] ?? 'the files';
				return {
					file,
					ok: false,
					lines: [{ kind: 'error', text: `${file}: ${why} (hint: ${hint})` }]
				};
			};
			const stop = this.#run(
				{ type: 'check', scenarios, given, pasted },
				{
					report: (index, report) => {
						found[index] = report;
						this.reports = shown();
						this.status = `Checking ${plural(scenarios.length, 'file')}… ${this.reports.length} done.`;
					},
					done: () => end(),
					failed: (message) =>
						end(
							stopped(
								`could not be checked: ${message}`,
								'reload the page and try again, or run npm run validate on the file'
							)
						)
				}
			);
			// A runner that could not start has ended the check already.
			if (finished) return;
			timer = setTimeout(() => {
				stop();
				end(
					stopped(
						`checking was stopped after ${this.#timeLimit / 1000} s`,
						'the statechart is too large to check here: give it fewer parallel regions or bound its indicators, or run npm run validate on the file'
					)
				);
			}, this.#timeLimit);
			this.#stop = () => {
				stop();
				end(stopped('checking was stopped before it finished', 'check it again'));
			};
		});
	}

	/** Stop the check running, keeping the reports done. */
	cancel(): void {
		this.#stop?.();
	}

	/** Stop the check running and show no reports (nothing among the files given to check). */
	clear(): void {
		this.cancel();
		this.reports = [];
		this.status = '';
	}
}

/** "Checked 3 files: 1 not valid, 2 valid.", or where a check stopped, what it had done. */
function toStatus(done: FileReport[], asked: number, stoppedOn?: string): string {
	const bad = done.filter((r) => r.lines.some((l) => l.kind === 'error')).length;
	const warned = done.filter((r) => r.lines.some((l) => l.kind === 'warning')).length;
	const counts = `${bad} not valid, ${done.length - bad} valid${warned > 0 ? `; ${warned} with warnings` : ''}`;
	if (stoppedOn === undefined) return `Checked ${plural(done.length, 'file')}: ${counts}.`;
	const before =
		done.length === 0
			? ''
			: ` (of the ${plural(done.length, 'file')} checked before it: ${counts})`;
	return `Stopped at ${stoppedOn}, ${done.length} of ${asked} checked${before}.`;
}
