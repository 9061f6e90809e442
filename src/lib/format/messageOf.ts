/** What an error says, for a message to a person: its message, or the thrown value as text. */
export const messageOf = (error: unknown): string =>
	error instanceof Error ? error.message : String(error);
