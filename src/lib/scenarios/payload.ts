/**
 * A shipped scenario as plain, serialisable data, computed at build time: the validated scenario
 * object, its sources split into sentences, and its anchored quotes. The page rebuilds the model
 * and the XState machine from it with the engine's own code, without the YAML parser or the
 * schema validator (the scenario was validated when the site was built).
 */
import { compile, type Compiled } from '$lib/engine/compile';
import type { LoadedScenario } from '$lib/engine/load';
import { sha256 } from '$lib/scenario/hash';
import { buildModel } from '$lib/scenario/model';
import type { Scenario, SourceMeta } from '$lib/scenario/schema';
import { toSentences, type Sentence } from '$lib/scenario/sentences';
import type { ClaimQuote } from '$lib/scenario/claims';
import type { AnchoredQuote } from '$lib/scenario/validate';

export interface SourcePayload {
	id: string;
	meta: SourceMeta;
	text: string;
	/** SHA-256 (hex) of the text as UTF-8. */
	sha256: string;
	sentences: Sentence[];
}

export interface ScenarioPayload {
	file: string;
	/** SHA-256 (hex) of the scenario file's bytes. */
	sha256: string;
	scenario: Scenario;
	sources: SourcePayload[];
	quotes: AnchoredQuote[];
	/** The claims' quotes, anchored (absent in a payload made before claims). */
	claimQuotes?: ClaimQuote[];
}

export function toPayload(loaded: LoadedScenario): ScenarioPayload {
	return {
		file: loaded.file,
		sha256: loaded.sha256,
		scenario: loaded.scenario,
		sources: [...loaded.sources.values()].map((s) => ({
			id: s.meta.id,
			meta: s.meta,
			text: s.text,
			sha256: sha256(s.text),
			sentences: toSentences(s.text)
		})),
		quotes: loaded.quotes,
		claimQuotes: loaded.claimQuotes
	};
}

/** The compiled scenario for a payload. Throws if the payload is not a valid scenario. */
export function fromPayload(payload: ScenarioPayload): Compiled {
	const problems: string[] = [];
	const model = buildModel(payload.scenario, (path, message) =>
		problems.push(`${path.join('.')}: ${message}`)
	);
	if (problems.length > 0)
		throw new Error(`scenario ${payload.scenario.id} is not valid: ${problems[0]}`);
	return compile(model);
}
