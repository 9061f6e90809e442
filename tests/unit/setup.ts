/**
 * Run before every unit test file (vite.config.ts, setupFiles). `vi.waitFor` and `vi.waitUntil`
 * wait on a state the code under test reaches (a run done, a view ready), polling; by default they
 * give up after 1 s, which a worker's 2,000 runs pass on two busy cores. Here they give up after
 * 30 s unless a call says otherwise: a wait on a state, never a fixed delay, that fails only when
 * the state never comes.
 */
import { vi } from 'vitest';

const busyMachine = { timeout: 30_000 };
const { waitFor, waitUntil } = vi;
vi.waitFor = ((callback, options) =>
	waitFor(
		callback,
		typeof options === 'number' ? options : { ...busyMachine, ...options }
	)) as typeof vi.waitFor;
vi.waitUntil = ((callback, options) =>
	waitUntil(
		callback,
		typeof options === 'number' ? options : { ...busyMachine, ...options }
	)) as typeof vi.waitUntil;
