/** The dashboard's second skip link (see +layout.svelte): straight to the step-through. */
export const skipToWorkspace = { href: '#workspace', label: 'Skip to the step-through' };
