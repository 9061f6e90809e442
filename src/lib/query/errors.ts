/** A problem in an expression, at a character offset of its text, with a hint. */
export class QueryError extends Error {
	constructor(
		message: string,
		/** 0-based character offset into the expression. */
		readonly offset: number,
		readonly hint?: string
	) {
		super(message);
		this.name = 'QueryError';
	}

	/** 1-based column, as messages show it. */
	get column(): number {
		return this.offset + 1;
	}
}
