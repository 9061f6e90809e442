// Turns the measurements of `npm run perf` into rows (figure, target, measured, status) and prints
// them as a table with the details that explain a miss.

const ms = (n) => `${Math.round(n)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const spread = (s) => `${ms(s.median)} (p90 ${ms(s.p90)}, max ${ms(s.max)})`;

/** One row; `ok` undefined for a figure shown for context (no target of its own). */
const row = (figure, target, measured, ok) => ({ figure, target, measured, ok });

export function toRows({
	choices,
	choices4x,
	choicesOutcomes,
	choicesOutcomes4x,
	monteCarlo,
	editor,
	editor4x,
	engine,
	firstLoad,
	lighthouse
}) {
	const rows = [];
	if (choices) {
		const n = `${choices.changes} changes of ${choices.choices} choices`;
		rows.push(
			row(
				`Choice → exact-analysis charts, sensitivity excluded (${n})`,
				'≤ 50 ms median',
				spread(choices.exactCharts),
				choices.exactCharts.median <= 50
			),
			row(
				'Choice → every chart incl. sensitivity, in the DOM',
				'≤ 50 ms median',
				spread(choices.total),
				choices.total.median <= 50
			),
			row(
				'Choice → next frame painted (what a person sees)',
				'≤ 50 ms median',
				spread(choices.frame),
				choices.frame.median <= 50
			),
			row('  … and one frame more (the work queued after the paint)', '', spread(choices.settled)),
			row('  of which: exact analysis (the derived alone)', '', spread(choices.analysis)),
			row('  of which: sensitivity panel (sensitivity + tornado)', '', spread(choices.sensitivity)),
			row(
				'Page load: longest main-thread task (hydration)',
				'',
				`${ms(choices.load.longestTask)} (exact analysis ${ms(choices.load.analysis)}, sensitivity ${ms(choices.load.sensitivity)})`
			)
		);
	}
	if (choices4x) {
		rows.push(
			row(
				`Choice → every chart in the DOM, at 4× CPU slowdown (${choices4x.changes} changes)`,
				'≤ 150 ms median',
				spread(choices4x.total),
				choices4x.total.median <= 150
			),
			row(
				'Choice → next frame painted, at 4× CPU slowdown',
				'≤ 150 ms median',
				spread(choices4x.frame),
				choices4x.frame.median <= 150
			),
			row('  … and one frame more, at 4×', '', spread(choices4x.settled))
		);
	}
	// The same changes with the outcome charts scrolled into view (below the workspace on a laptop).
	for (const [c, target] of [
		[choicesOutcomes, 50],
		[choicesOutcomes4x, 150]
	]) {
		if (!c) continue;
		const at = c.rate === 1 ? '' : `, at ${c.rate}× CPU slowdown`;
		rows.push(
			row(
				`Choice → next frame painted, outcome charts in view${at}`,
				`≤ ${target} ms median`,
				spread(c.frame),
				c.frame.median <= target
			)
		);
	}
	for (const e of [editor, editor4x].filter(Boolean)) {
		const at = e.rate === 1 ? 'unthrottled' : `at ${e.rate}× CPU slowdown`;
		rows.push(
			row(
				`Editor, forked regional-escalation, a word typed: longest main-thread task, ${at}`,
				'≤ 50 ms',
				`${ms(e.longest)} (${e.longTasks} long tasks)`,
				e.longest <= 50
			),
			row(
				`  last keystroke → result shown (painted), ${at}`,
				e.rate === 1 ? '≤ 300 ms' : '',
				ms(e.shown),
				e.rate === 1 ? e.shown <= 300 : undefined
			)
		);
	}
	if (monteCarlo) {
		const m = monteCarlo;
		rows.push(
			row(
				`Monte Carlo ${m.runs.toLocaleString('en')} runs: click → result shown`,
				'< 2000 ms',
				ms(m.wall),
				m.wall < 2000
			),
			row(
				'  as the worker reports it ("… in X ms")',
				'< 2000 ms',
				ms(m.reported),
				m.reported < 2000
			),
			row(
				'  main-thread long tasks meanwhile',
				'none > 50 ms',
				`${m.longTasks} (longest ${ms(m.longest)})`,
				m.longTasks === 0
			),
			row(
				'  progress indicator',
				'shown',
				m.progressValues > 0 ? `shown (${m.progressValues} values)` : 'not seen',
				m.progressValues > 0
			)
		);
	}
	if (engine) {
		const s = engine.sensitivity;
		rows.push(
			row(
				`Sensitivity sweep in node (median of ${s.runs})`,
				'< 200 ms',
				`${ms(s.median)} (min ${ms(s.min)}, max ${ms(s.max)})`,
				s.median < 200
			)
		);
	}
	if (firstLoad) {
		const f = firstLoad;
		rows.push(
			row(
				`First-visit JavaScript (${f.files} files, gzip -9)`,
				'≤ 200 KB',
				`${kb(f.gzip)} (${kb(f.raw)} raw, ${kb(f.served)} as served)`,
				f.gzip <= 200 * 1024
			),
			row(
				'  ELK (elkjs) in the first download',
				'no',
				f.elk.downloaded.length > 0
					? `yes: ${f.elk.downloaded.join(', ')}`
					: `no (${f.elk.built.length > 0 ? 'built as a separate chunk' : 'not in the client build at all'})`,
				f.elk.downloaded.length === 0
			),
			row(
				'  exporters (svgFile.ts) in the first download',
				'no',
				f.exporters.downloaded.length > 0
					? `yes: ${f.exporters.downloaded.join(', ')}`
					: `no (${f.exporters.built.length > 0 ? `lazy chunk ${f.exporters.built.join(', ')}` : 'not found in the build'})`,
				f.exporters.downloaded.length === 0
			)
		);
	}
	for (const l of lighthouse ?? []) {
		rows.push(
			row(
				`Lighthouse ${l.preset} performance ${l.path}`,
				'≥ 95',
				l.scores?.length > 1
					? `${l.performance} (median of ${l.scores.length}: ${l.scores.join(', ')})`
					: String(l.performance),
				l.performance >= 95
			),
			row(
				`Lighthouse ${l.preset} accessibility ${l.path}${l.scores?.length > 1 ? ' (lowest)' : ''}`,
				'100',
				String(l.accessibility),
				l.accessibility >= 100
			)
		);
	}
	return rows;
}

/** The rows as an aligned text table. */
export function toTable(rows) {
	const cells = rows.map((r) => [
		r.figure,
		r.target,
		r.measured,
		r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED'
	]);
	const head = ['figure', 'target', 'measured', 'status'];
	const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
	const line = (c) =>
		c
			.map((x, i) => x.padEnd(widths[i]))
			.join('  ')
			.trimEnd();
	return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** The details a reader needs to act on a miss. */
export function toDetails({ choices, engine, firstLoad, lighthouse, errors }) {
	const out = [];
	if (choices) {
		out.push(
			`Choice change, span by span (median): exact analysis ${ms(choices.analysis.median)}; choice → outcome and dimension charts ${ms(choices.exactFirst.median)}; sensitivity section ${ms(choices.sensitivity.median)}; compare, paths, fan, export, statechart, steps ${ms(choices.afterSensitivity.median)}.`
		);
	}
	if (engine) {
		out.push('Engine pieces in node (median, first call):');
		for (const [name, s] of Object.entries(engine.pieces))
			out.push(`  ${name}: ${ms(s.median)} (first ${ms(s.first)})`);
	}
	if (firstLoad) {
		out.push(
			`Largest first-visit scripts (gzip -9; served with content-encoding ${firstLoad.encodings.join(', ')}; worker fetched: ${firstLoad.worker ? 'yes' : 'no'}):`
		);
		for (const f of firstLoad.largest)
			out.push(`  ${kb(f.gzip).padStart(9)}  ${kb(f.raw).padStart(9)} raw  ${f.path}`);
	}
	for (const l of lighthouse ?? []) {
		const misses = Object.entries(l.failing).filter(([, list]) => list.length > 0);
		if (misses.length === 0) continue;
		out.push(
			`Lighthouse ${l.preset} ${l.path}: ${Object.entries(l.metrics)
				.map(([k, v]) => `${k} ${v}`)
				.join(', ')}`
		);
		for (const [category, list] of misses)
			for (const a of list)
				out.push(
					`  ${category}: ${a.id} (weight ${a.weight}, score ${a.score}${a.value ? `, ${a.value}` : ''})`
				);
		if (l.performance < 95) {
			const { longTasks, scripts } = l.mainThread;
			out.push(
				`  longest tasks: ${longTasks.map((t) => `${t.duration} ms at ${t.startTime} ms (${t.url})`).join('; ')}`
			);
			out.push(
				`  CPU by script: ${scripts.map((t) => `${t.url} ${t.total} ms (${t.scripting} ms scripting)`).join('; ')}`
			);
		}
	}
	for (const e of errors ?? []) out.push(`COULD NOT MEASURE ${e.part}: ${e.message}`);
	return out.join('\n');
}
