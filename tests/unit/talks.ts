/**
 * A small valid scenario text (talks fail into war, or hold into peace), for the editor's unit
 * tests and its Playwright specs (tests/e2e/ready.ts re-exports it). No imports: both sides load it.
 */
export const talksScenario = ({
	id,
	title,
	assumption = 'One in four.'
}: {
	id: string;
	title: string;
	assumption?: string;
}): string => `id: ${id}
title: ${title}
sources: []
actors: {}
statechart:
  initial: talks
  states:
    talks:
      on:
        - event: talks.fail
          target: war
          by: chance
          likelihood: 0.25
          assumption: ${assumption}
        - event: talks.hold
          target: peace
          by: chance
          likelihood: rest
          assumption: The rest.
    peace:
      type: final
      outcome:
        label: Peace
    war:
      type: final
      outcome:
        label: War
`;
