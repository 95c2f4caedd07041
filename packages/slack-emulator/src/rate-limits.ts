/** Programmed HTTP 429 answers: `rateLimitNext(method, seconds)` makes the next call to that method fail. */
export class RateLimits {
  private readonly queued = new Map<string, number[]>();

  next(method: string, retryAfterSeconds: number): void {
    this.queued.set(method, [...(this.queued.get(method) ?? []), retryAfterSeconds]);
  }

  /** The Retry-After to answer with, if a limit is queued for this call. */
  take(method: string): number | undefined {
    const queue = this.queued.get(method);
    const retryAfter = queue?.shift();
    if (queue?.length === 0) this.queued.delete(method);
    return retryAfter;
  }
}
