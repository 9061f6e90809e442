/**
 * `npm run simulate -- <scenario> --watch [--set …] [--json]`: what to watch next — the
 * scenario's signposted events ordered by how much seeing each would move the outcomes (the
 * largest change in any outcome's probability, computed exactly), with the signs to look for.
 */
import { analyze } from '../lib/engine/analyze';
import type { Settings } from '../lib/engine/compile';
import type { LoadedScenario } from '../lib/engine/load';
import { eventLabel } from '../lib/engine/observe';
import { signpostedEvents, whatToWatch } from '../lib/engine/watch';
import { formatPercent } from '../lib/format/percent';
import { stateLabel } from '../lib/scenario/names';
import { out, plain } from './run';

export function printWatch(
	loaded: LoadedScenario,
	settings: Settings,
	json: boolean,
	basis: { confidence: unknown; line: string; note: string }
): number {
	const { chain, choices } = analyze(loaded.compiled, settings);
	const { model } = loaded.compiled;
	const signposted = signpostedEvents(model);
	const byEvent = new Map(signposted.map((s) => [s.event, s]));
	const watches = whatToWatch(
		chain,
		signposted.map((s) => s.event)
	).map((w) => ({ ...w, ...byEvent.get(w.event)! }));
	if (json) {
		out(
			`${JSON.stringify({ scenario: loaded.scenario.id, method: 'watch', choices, watches, ...basis }, null, 2)}\n`
		);
		return 0;
	}
	out(
		`${loaded.scenario.title} — what to watch next, largest effect first\nHow far seeing each event would move an outcome's probability, computed exactly under these settings.\n\n`
	);
	if (watches.length === 0) out('No signposted event can still happen under these settings.\n');
	watches.forEach((w, i) => {
		out(
			`${i + 1}. “${eventLabel(model, w.event)}” — ${plain(formatPercent(w.probability))} likely; seeing it moves “${stateLabel(model, w.outcome)}” ${plain(formatPercent(w.from))} → ${plain(formatPercent(w.to))}\n`
		);
		for (const s of w.signposts) out(`   watch: ${s.watch} (${s.kind})\n`);
	});
	out(`\n${basis.line}\n${basis.note}\n`);
	return 0;
}
