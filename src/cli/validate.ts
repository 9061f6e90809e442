/**
 * `npm run validate -- <files or dirs>`: exit 0 when every scenario is valid; otherwise exit 1
 * and one line per problem, `file:line:column: path: message (hint: …)`.
 */
import { formatDiagnostic } from '../lib/scenario/diagnostics';
import { findScenarioFiles, loadScenarioFile, scenariosDir } from './files';
import { parse, run } from './run';

const usage = 'usage: npm run validate -- [files or folders…]   (default: scenarios/)';

run(() => {
	const { positionals, values } = parse(usage, { quiet: { type: 'boolean', short: 'q' } });
	const files = findScenarioFiles(positionals.length > 0 ? positionals : [scenariosDir]);
	if (files.length === 0) {
		process.stderr.write(
			`no scenario files (.yaml, .yml, .json) found in ${positionals.join(', ')}\n`
		);
		return 1;
	}
	let failed = 0;
	for (const file of files) {
		const result = loadScenarioFile(file);
		if (result.ok) {
			for (const warning of result.value.warnings)
				process.stderr.write(`${formatDiagnostic(warning)}\n`);
			if (!values.quiet)
				process.stdout.write(
					`${result.value.file}: ok (${result.value.model.states.size - 1} states, ${result.value.model.transitions.length} transitions, ${result.value.quotes.length} quotes anchored)\n`
				);
		} else {
			failed++;
			for (const d of result.diagnostics) process.stdout.write(`${formatDiagnostic(d)}\n`);
		}
	}
	if (failed > 0) process.stderr.write(`${failed} of ${files.length} file(s) invalid\n`);
	return failed > 0 ? 1 : 0;
});
