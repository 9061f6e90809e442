// The build the browser tests run against: the site plus the hostile-text fixture
// (tests/fixtures/hostile, see src/lib/scenarios/registry.ts and tests/e2e/hardening.spec.ts); real
// builds never carry it. Used by playwright.config.ts, which builds before the tests, and by
// scripts/test.mjs, which builds beside the unit tests and tells Playwright the build is there
// (`builtAhead`), so that `npm test` does not wait for a build after them.
export const testBuildEnv = { BRINK_EXTRA_SCENARIOS: 'tests/fixtures/hostile' };
export const builtAhead = 'BRINK_E2E_BUILT';
