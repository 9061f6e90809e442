/**
 * `npm run validate -- <files or dirs>`: exit 0 when every scenario is valid; otherwise exit 1
 * and one line per problem, `file:line:column: path: message (hint: …)`.
 */
import { toReportLines } from '../lib/scenario/format';
import { findScenarioFiles, loadScenarioFile, scenariosDir } from './files';
import { parse, run, out, err } from './run';

const usage = 'usage: npm run validate -- [files or folders…]   (default: scenarios/)';

run(() => {
	const { positionals, values } = parse(usage, { quiet: { type: 'boolean', short: 'q' } });
	const files = findScenarioFiles(positionals.length > 0 ? positionals : [scenariosDir]);
	if (files.length === 0) {
		err(`no scenario files (.yaml, .yml, .json) found in ${positionals.join(', ')}\n`);
		return 1;
	}
	let failed = 0;
	for (const file of files) {
		const result = loadScenarioFile(file);
		if (!result.ok) failed++;
		// The problems of an invalid file go to stdout; a valid file's warnings go to stderr, beside
		// its `ok` line on stdout (left out with --quiet).
		for (const line of toReportLines(result)) {
			if (line.kind === 'ok') {
				if (!values.quiet) out(`${line.text}\n`);
			} else (result.ok ? err : out)(`${line.text}\n`);
		}
	}
	if (failed > 0) err(`${failed} of ${files.length} file(s) invalid\n`);
	return failed > 0 ? 1 : 0;
});
