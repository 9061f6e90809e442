import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Every page is prerendered: the dashboard works from any static file host, offline.
		adapter: adapter({ fallback: '404.html', strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// A strict Content Security Policy. Prerendered pages carry it as
		// <meta http-equiv="content-security-policy">, with the SHA-256 of SvelteKit's inline
		// bootstrap script added to script-src: no other inline script, no inline handlers, no eval.
		// A <meta> policy cannot set frame-ancestors, sandbox or report-uri (browsers ignore them
		// there); a host that can send headers should add `frame-ancestors 'none'` itself, except
		// on /embed/*, which exists to be framed by other sites (tests/e2e/embed.spec.ts).
		// tests/e2e/hardening.spec.ts checks the tag and that no page action breaks the policy.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Style sheets only from the site. Style *attributes* need 'unsafe-inline': Svelte writes
				// `style:` directives (chart colours such as --accent, the statechart's aspect ratio)
				// into the prerendered HTML as style="…", app.html wraps the body in one, and the chart
				// export (src/lib/export/svgFile.ts) writes computed styles onto the copied SVG. Kept to
				// style-src-attr, so no <style> element can be injected; styles cannot run script.
				'style-src': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				// The Monte Carlo runs in a module Web Worker loaded from /_app/.
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
