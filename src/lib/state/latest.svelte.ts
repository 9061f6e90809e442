/**
 * A result that follows changing settings, computed elsewhere (a worker): the one for the current
 * settings once it is there, and meanwhile the last one, marked as not current, so that a chart
 * keeps drawing it (faint, "updating") instead of going blank. Keys name the settings a result
 * was computed for; a caller can wait for the result of whatever the settings are when it comes.
 */
export interface Settled<Value> {
	key: string;
	value?: Value;
	error?: string;
}

export class Latest<Value> {
	#settled = $state.raw<Settled<Value> | undefined>(undefined);
	#waiting: { key: string; resolve: (value: Value | undefined) => void }[] = [];

	/** `initial`: a result known from the start (the default view's, computed at build time). */
	constructor(initial?: Settled<Value>) {
		this.#settled = initial;
	}

	/** The last result settled, for these settings or earlier ones. */
	get value(): Value | undefined {
		return this.#settled?.value;
	}

	/** Whether the last result settled is the one for `key`. */
	isFor(key: string): boolean {
		return this.#settled?.key === key;
	}

	/** Why the result for `key` could not be computed, if it could not. */
	errorFor(key: string): string | undefined {
		return this.isFor(key) ? this.#settled?.error : undefined;
	}

	/** The result (or the error) for `key` has come: it becomes the one shown, and waiters get it. */
	settle(settled: Settled<Value>): void {
		this.#settled = settled;
		this.release(settled.key, settled.value);
	}

	/** Nothing will come for `key` (its run was dropped): those waiting for it look again. */
	release(key: string, value?: Value): void {
		const waiting = this.#waiting;
		this.#waiting = waiting.filter((w) => w.key !== key);
		for (const w of waiting) if (w.key === key) w.resolve(value);
	}

	/**
	 * The result for the settings `key()` names, once settled; if they change meanwhile, the
	 * result for the new ones. Undefined when it could not be computed.
	 */
	async ready(key: () => string): Promise<Value | undefined> {
		for (;;) {
			const wanted = key();
			const value = this.isFor(wanted)
				? this.#settled!.value
				: await new Promise<Value | undefined>((resolve) =>
						this.#waiting.push({ key: wanted, resolve })
					);
			if (wanted === key()) return value;
		}
	}
}
