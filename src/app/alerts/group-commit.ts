interface Waiting<Batch, Result> {
  batch: Batch;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * Group commit: requests whose bodies arrive in the same turn of the event loop are stored in one
 * transaction, so a burst pays for one disk sync instead of one per request, and each sender is
 * still answered only once its alerts are on disk. A failed transaction fails every request in it
 * (each gets a 503 and sends again; nothing half-stored).
 */
export const groupCommit = <Batch, Result>(store: (batches: Batch[]) => Result[]): ((batch: Batch) => Promise<Result>) => {
  let waiting: Waiting<Batch, Result>[] = [];
  const flush = () => {
    const taken = waiting;
    waiting = [];
    try {
      const results = store(taken.map((entry) => entry.batch));
      taken.forEach((entry, index) => entry.resolve(results[index]!));
    } catch (error) {
      for (const entry of taken) entry.reject(error);
    }
  };
  return (batch) =>
    new Promise((resolve, reject) => {
      waiting.push({ batch, resolve, reject });
      if (waiting.length === 1) setImmediate(flush);
    });
};
