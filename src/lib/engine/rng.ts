/**
 * Seeded random numbers: sfc32 (Chris Doty-Humphrey's Small Fast Counter), seeded through
 * splitmix32. Every random number in Brink comes from here, so a seed reproduces a run exactly on
 * the command line, in a Web Worker and in a test.
 */

/** A seed as typed by a person: a number, or any string (hashed). */
export type Seed = number | string;

function hashString(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

/** The four 32-bit words of sfc32's state for a seed. */
export function seedState(seed: Seed): Uint32Array {
	let x = (typeof seed === 'number' ? Math.trunc(seed) : hashString(seed)) >>> 0;
	const state = new Uint32Array(4);
	for (let i = 0; i < 4; i++) {
		x = (x + 0x9e3779b9) >>> 0;
		let z = x;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		state[i] = (z ^ (z >>> 16)) >>> 0;
	}
	return state;
}

/** A generator of uniform 32-bit unsigned integers. */
export interface Rng {
	nextUint32(): number;
	/** Uniform in [0, 1). */
	next(): number;
}

/** One sfc32 step on the four words `s` (changed in place): the next uniform 32-bit number. */
export function sfc32Next(s: Int32Array): number {
	const t = (((s[0] + s[1]) | 0) + s[3]) | 0;
	s[3] = (s[3] + 1) | 0;
	s[0] = s[1] ^ (s[1] >>> 9);
	s[1] = (s[2] + (s[2] << 3)) | 0;
	s[2] = (((s[2] << 21) | (s[2] >>> 11)) + t) | 0;
	return t >>> 0;
}

/** sfc32's state for a seed with its first 12 outputs discarded, so that nearby seeds diverge fully. */
export function warmState(seed: Seed): Int32Array {
	const state = Int32Array.from(seedState(seed));
	for (let i = 0; i < 12; i++) sfc32Next(state);
	return state;
}

/** `createRng(42).nextUint32()` gives the same number every time, on every platform. */
export function createRng(seed: Seed): Rng {
	const state = warmState(seed);
	const nextUint32 = () => sfc32Next(state);
	return { nextUint32, next: () => nextUint32() / 4294967296 };
}
