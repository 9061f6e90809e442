/**
 * Whether SvelteKit's router has finished its first navigation. `replaceState` (and `pushState`)
 * throw before that, while the prerendered page hydrates; a page that keeps its address in step
 * with its state waits for this. Set once, by the root layout's `afterNavigate`, so that a
 * component mounted later (after an asynchronous load) knows it too.
 */
export const router = $state({ ready: false });
