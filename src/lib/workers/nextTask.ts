/** Waits for the next task, so that a message sent to a worker meanwhile is taken in first. */
export const nextTask = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, 0));
