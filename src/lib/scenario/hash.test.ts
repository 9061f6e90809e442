import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256 } from './hash';

const reference = (input: string | Uint8Array) => createHash('sha256').update(input).digest('hex');

describe('sha256', () => {
	it.each<{ name: string; input: string | Uint8Array; expected: string }>([
		{
			name: 'empty string',
			input: '',
			expected: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
		},
		{
			name: 'abc (FIPS 180-4 example)',
			input: 'abc',
			expected: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		},
		{
			name: 'two blocks (FIPS 180-4 example)',
			input: 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
			expected: '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'
		}
	])('$name', ({ input, expected }) => {
		expect(sha256(input)).toBe(expected);
	});

	it.each<{ name: string; input: string | Uint8Array }>([
		{ name: 'empty bytes', input: new Uint8Array() },
		{ name: 'ASCII', input: 'Russia may supply Iran with fighter jets.' },
		{ name: 'multi-byte Unicode', input: 'Ελλάδα – 中文 – 🇮🇱🇷🇺 – café\r\n' },
		{ name: '55 bytes (padding fits one block)', input: 'x'.repeat(55) },
		{ name: '56 bytes (padding needs a second block)', input: 'x'.repeat(56) },
		{ name: '63 bytes', input: 'x'.repeat(63) },
		{ name: '64 bytes (one full block)', input: 'x'.repeat(64) },
		{ name: '65 bytes', input: 'x'.repeat(65) },
		{ name: '119 and 120 bytes', input: 'y'.repeat(119) + 'z' },
		{ name: 'all byte values', input: Uint8Array.from({ length: 256 }, (_, i) => i) }
	])('matches node:crypto: $name', ({ input }) => {
		expect(sha256(input)).toBe(reference(input));
	});

	it('matches node:crypto on 1 MB', () => {
		const bytes = Uint8Array.from({ length: 1 << 20 }, (_, i) => (i * 31 + (i >> 8)) & 0xff);
		expect(sha256(bytes)).toBe(reference(bytes));
	});

	it('hashes a string as its UTF-8 bytes', () => {
		const text = 'naïve — ☃';
		expect(sha256(text)).toBe(sha256(new TextEncoder().encode(text)));
		expect(sha256(text)).not.toBe(sha256('naive - ?'));
	});

	it('does not change its input', () => {
		const bytes = Uint8Array.from([1, 2, 3]);
		sha256(bytes);
		expect([...bytes]).toEqual([1, 2, 3]);
	});
});
