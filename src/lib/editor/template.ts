/**
 * What a new draft starts from: the smallest scenario that loads, with a chance step in each
 * non-final state, so that the outcome chart and the statechart show at once.
 */
export const blankScenario = `# A new scenario. Each transition either quotes a source (evidence) or states its assumption.
id: new-scenario
title: New scenario
sources: []
actors: {}
statechart:
  initial: calm
  states:
    calm:
      on:
        - event: crisis.start
          target: crisis
          by: chance
          likelihood: 0.3
          assumption: Replace with the source's words.
        - event: calm.hold
          target: peace
          by: chance
          likelihood: rest
          assumption: What is left when no crisis starts.
    crisis:
      on:
        - event: crisis.escalate
          target: war
          by: chance
          likelihood: 0.5
          assumption: Replace with the source's words.
        - event: crisis.settle
          target: peace
          by: chance
          likelihood: rest
          assumption: What is left when the crisis does not escalate.
    peace:
      type: final
      outcome: { label: Peace }
    war:
      type: final
      outcome: { label: War }
`;

/**
 * The file name a draft's messages use, as the command line names the file it reads:
 * `toFileName('Gulf talks', 'yaml') === 'gulf-talks.yaml'`.
 */
export function toFileName(name: string, format: 'yaml' | 'json'): string {
	const stem =
		name
			.toLowerCase()
			.normalize('NFKD')
			.replace(/\p{M}/gu, '')
			.replace(/[^\p{L}\p{N}]+/gu, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || 'draft';
	return `${stem}.${format}`;
}
