/**
 * `npm run evidence -- <scenario id or file> [--json]`: how the scenario rests on its sources —
 * transitions with evidence or only an assumption, stances, the wording behind each likelihood,
 * where each quote stands, and the sentences of the sources no transition cites.
 */
import { evidenceReport, type EvidenceReport } from '../lib/scenario/coverage';
import { formatDiagnostic } from '../lib/scenario/diagnostics';
import { loadScenarioFile, toScenarioFile } from './files';
import { parse, runAsScript, UsageError, out, err } from './run';

const usage = 'usage: npm run evidence -- <scenario id or file> [--json]';

/** Text on one line, cut to `width` characters with an ellipsis. */
function trim(text: string, width: number): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

const percent = (p: number) => `${+(p * 100).toFixed(1)} %`;

function likelihoodText(l: EvidenceReport['likelihoods'][number]): string {
	switch (l.kind) {
		case 'fixed':
			return percent(l.value!);
		case 'range':
			return `${l.term ? `${l.term} ` : ''}${percent(l.low!)}–${percent(l.high!)}`;
		default:
			return l.kind;
	}
}

function table(head: string[], rows: string[][]): string {
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
			.join('  ')
			.trimEnd();
	return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function toText(title: string, file: string, r: EvidenceReport): string {
	const row = (label: string, value: string) => `${label.padEnd(19)}${value}`;
	const also = r.evidencedWithAssumption
		? ` (${r.evidencedWithAssumption} of them also state an assumption)`
		: '';
	const { supports, contradicts, context } = r.stances;
	const out = [
		`${title} (${file}) — evidence`,
		'',
		row('transitions:', `${r.transitions}`),
		row('  with evidence:', `${r.evidenced}${also}`),
		row('  assumption only:', `${r.assumptionOnly}`),
		row('quotes:', `${r.quotes.length} anchored, ${r.unanchored.length} not anchored`),
		row('stances:', `supports ${supports}, contradicts ${contradicts}, context ${context}`)
	];
	for (const u of r.unanchored)
		out.push(`not anchored: ${u.transition} evidence ${u.evidence}: "${trim(u.quote, 80)}"`);
	if (r.likelihoods.length > 0) {
		out.push('', 'likelihoods');
		out.push(
			table(
				['transition', 'likelihood', 'basis'],
				r.likelihoods.map((l) => [
					l.transition,
					likelihoodText(l),
					l.basis ?? (l.kind === 'rest' || l.kind === 'certain' ? '—' : '(none)')
				])
			)
		);
	}
	if (r.withoutBasis.length > 0)
		out.push(
			`warning: chance transitions whose likelihood has no basis: ${r.withoutBasis.join(', ')}`
		);
	if (r.quotes.length > 0) {
		out.push('', 'quotes');
		out.push(
			table(
				['transition', 'source', 'stance', 'sentences', 'quote'],
				r.quotes.map((q) => [
					q.transition,
					q.source,
					q.stance,
					q.sentences.join(' '),
					trim(q.quote, 70)
				])
			)
		);
	}
	const sources = [...new Set(r.uncitedSentences.map((s) => s.source))];
	for (const source of sources) {
		const list = r.uncitedSentences.filter((s) => s.source === source);
		const total = r.sentenceCounts[source] ?? list.length;
		out.push('', `sentences of ${source} no transition cites (${list.length} of ${total})`);
		out.push(...list.map((s) => `${s.id.padEnd(7)}  ${trim(s.text, 100)}`));
	}
	return `${out.join('\n')}\n`;
}

export const options = { json: { type: 'boolean' } } as const;

export function main(argv: string[]): number {
	const { positionals, values: flags } = parse(usage, options, argv);
	if (positionals.length !== 1) throw new UsageError(`give one scenario id or file\n${usage}`);
	const loaded = loadScenarioFile(toScenarioFile(positionals[0]));
	if (!loaded.ok) {
		for (const d of loaded.diagnostics) err(`${formatDiagnostic(d)}\n`);
		return 1;
	}
	const report = evidenceReport(loaded.value);
	if (flags.json) out(`${JSON.stringify(report, null, 2)}\n`);
	else out(toText(loaded.value.scenario.title, loaded.value.file, report));
	return report.unanchored.length > 0 ? 1 : 0;
}

runAsScript(import.meta.url, main);
