/**
 * Save data as a file from the page: a Blob behind a temporary `<a download>`, clicked and
 * removed. Browser-only.
 */

/** Offer `content` for download as `filename`; returns the file name. */
export function saveFile(filename: string, content: Blob | string, type = 'text/plain'): string {
	const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.style.display = 'none';
	document.body.append(a);
	a.click();
	a.remove();
	// The click has handed the URL to the download; free it once that has had time to start.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
	return filename;
}

/**
 * A file-name part from a title: lower case, letters and digits joined by dashes.
 *
 * `toSlug('Probability of each outcome') === 'probability-of-each-outcome'`
 */
export function toSlug(title: string): string {
	return (
		title
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'chart'
	);
}
