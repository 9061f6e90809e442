import { describe, expect, it } from 'vitest';
import { resolverFromFiles, sourceFileProblem } from './sources';

const memoMeta = 'id: memo\ntitle: A memo\nfile: memo.txt\n';

function resolverOver(files: Record<string, string | Uint8Array>) {
	return resolverFromFiles((path) => files[path], 'scenarios');
}

describe('resolverFromFiles', () => {
	it.each([
		{ name: 'without a listing', list: undefined, known: [] },
		{
			name: 'with the ids of the metadata files listed',
			list: () => ['memo.yaml', 'memo.txt', 'brief.yaml'],
			known: ['memo', 'brief']
		}
	])('says an id with no metadata file is missing, $name', ({ list, known }) => {
		const found = resolverFromFiles(() => undefined, 'scenarios', list)('memoo');
		expect(found).toEqual({ missing: 'scenarios/sources/memoo.yaml', known });
	});

	it('reads the metadata and the text beside it', () => {
		const found = resolverOver({
			'sources/memo.yaml': memoMeta,
			'sources/memo.txt': 'It\u2019s  here.'
		})('memo');
		expect(Array.isArray(found) || 'missing' in found).toBe(false);
		if (Array.isArray(found) || 'missing' in found) return;
		expect(found.meta).toMatchObject({ id: 'memo', title: 'A memo', file: 'memo.txt' });
		expect(found.text).toBe('It\u2019s  here.');
		expect(found.normalized.text).toBe("It's here.");
	});

	it.each<{
		name: string;
		files: Record<string, string | Uint8Array>;
		expected: Record<string, unknown>;
	}>([
		{
			name: 'an id that does not match the file name',
			files: {
				'sources/memo.yaml': 'id: other\ntitle: A memo\nfile: memo.txt\n',
				'sources/memo.txt': 'x'
			},
			expected: {
				file: 'scenarios/sources/memo.yaml',
				line: 1,
				path: 'id',
				message: 'id "other" does not match the file name "memo"',
				hint: 'set id: memo'
			}
		},
		{
			name: 'a missing text file',
			files: { 'sources/memo.yaml': memoMeta },
			expected: {
				line: 3,
				path: 'file',
				message: 'text file "memo.txt" not found next to scenarios/sources/memo.yaml'
			}
		},
		{
			name: 'a missing title',
			files: { 'sources/memo.yaml': 'id: memo\nfile: memo.txt\n', 'sources/memo.txt': 'x' },
			expected: { path: 'title' }
		},
		{
			name: 'an unknown field in the metadata',
			files: { 'sources/memo.yaml': `${memoMeta}autor: someone\n`, 'sources/memo.txt': 'x' },
			expected: { path: '(document)' }
		},
		{
			name: 'metadata that does not parse',
			files: { 'sources/memo.yaml': 'id: memo\nid: again\n' },
			expected: { line: 2, path: '(syntax)' }
		},
		{
			name: 'a text file that is not UTF-8',
			files: { 'sources/memo.yaml': memoMeta, 'sources/memo.txt': new Uint8Array([0xc3, 0x28]) },
			expected: { file: 'scenarios/sources/memo.txt', message: 'file is not UTF-8 text (binary?)' }
		}
	])('refuses $name', ({ files, expected }) => {
		const found = resolverOver(files)('memo');
		expect(Array.isArray(found)).toBe(true);
		if (!Array.isArray(found)) return;
		expect(found.length).toBeGreaterThan(0);
		expect(found[0]).toMatchObject({ severity: 'error', ...expected });
	});
});

describe('sourceFileProblem: a source text stays inside the sources folder', () => {
	it.each(['memo.txt', 'texts/memo.md', 'a-b_c.2024.txt', 'ü.txt'])('accepts %s', (file) => {
		expect(sourceFileProblem(file)).toBeUndefined();
	});

	it.each([
		{ file: '../../../../etc/passwd', problem: /\.\./ },
		{ file: 'texts/../../secret.txt', problem: /\.\./ },
		{ file: '/etc/hostname', problem: /absolute/ },
		{ file: 'C:/Windows/win.ini', problem: /absolute/ },
		{ file: '\\\\server\\share\\x.txt', problem: /absolute/ },
		{ file: '~/secret.txt', problem: /absolute/ },
		{ file: 'texts\\..\\..\\x.txt', problem: /backslash/ },
		{ file: './memo.txt', problem: /segment/ },
		{ file: 'texts//memo.txt', problem: /segment/ },
		{ file: 'memo\u0000.txt', problem: /control/ },
		{ file: ' ', problem: /empty/ }
	])('refuses $file', ({ file, problem }) => {
		expect(sourceFileProblem(file)).toMatch(problem);
	});

	it("refuses, at the metadata's file: line, before asking for the file", () => {
		const asked: string[] = [];
		const resolve = resolverFromFiles((path) => {
			asked.push(path);
			return path === 'sources/memo.yaml'
				? 'id: memo\ntitle: A memo\nfile: ../../etc/passwd\n'
				: 'root:x:0:0';
		}, 'scenarios');
		const found = resolve('memo');
		expect(asked).toEqual(['sources/memo.yaml']);
		expect(found).toEqual([
			expect.objectContaining({
				file: 'scenarios/sources/memo.yaml',
				line: 3,
				column: 7,
				path: 'file',
				message: expect.stringMatching(
					/^text file "\.\.\/\.\.\/etc\/passwd" leads out of the sources folder/
				),
				hint: 'name the text file relative to scenarios/sources/, such as memo.txt'
			})
		]);
		expect(JSON.stringify(found)).not.toContain('root:');
	});

	it('places a refusal from the file lookup (a link out, a device) at the file: line', () => {
		const refusal = {
			refused: 'leads outside sources/ (through a link): not read',
			hint: 'keep it inside'
		};
		const resolve = resolverFromFiles(
			(path) => (path === 'sources/memo.yaml' ? memoMeta : refusal),
			'scenarios'
		);
		expect(resolve('memo')).toEqual([
			expect.objectContaining({
				line: 3,
				path: 'file',
				message: 'text file "memo.txt" leads outside sources/ (through a link): not read',
				hint: 'keep it inside'
			})
		]);
		const metaRefused = resolverFromFiles(() => refusal, 'scenarios')('memo');
		expect(metaRefused).toEqual([
			expect.objectContaining({
				file: 'scenarios/sources/memo.yaml',
				line: 0,
				message: refusal.refused
			})
		]);
	});
});
