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

/** `createRng(42).nextUint32()` gives the same number every time, on every platform. */
export function createRng(seed: Seed): Rng {
	const s = seedState(seed);
	let a = s[0];
	let b = s[1];
	let c = s[2];
	let d = s[3];
	// Discard the first outputs so that nearby seeds diverge fully.
	const nextUint32 = () => {
		const t = (((a + b) | 0) + d) | 0;
		d = (d + 1) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) | 0;
		return t >>> 0;
	};
	for (let i = 0; i < 12; i++) nextUint32();
	return { nextUint32, next: () => nextUint32() / 4294967296 };
}
