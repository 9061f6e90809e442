// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		interface PageData {
			/** A second skip link, to the page's main activity (the dashboard's step-through). */
			skipTo?: { href: string; label: string };
			/** An embedded view (/embed/<id>, in another site's iframe): no site header, no skip links. */
			embed?: boolean;
		}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
