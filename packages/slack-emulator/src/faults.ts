/**
 * Programmed trouble for the Web API, to test what the app does when Slack misbehaves:
 * - `{ error: 'channel_not_found' }`: an ordinary refusal (HTTP 200, ok: false);
 * - `{ status: 500 }` / `{ status: 503 }`: a server error;
 * - `{ rateLimit: seconds }`: HTTP 429 with Retry-After;
 * - `'hang'`: the request is read and never answered (until the server closes);
 * - `'reset'`: the connection is dropped before the call is carried out;
 * - `'lose'`: the call is carried out, then the connection is dropped: the answer is lost;
 * - `'stall'`: the call is carried out and never answered (a process killed while it waits has
 *   done it without knowing);
 * - `{ delayMs }`: the answer comes late (the call is carried out when it comes).
 */
export type Fault = { error: string } | { status: 500 | 503 } | { rateLimit: number } | 'hang' | 'reset' | 'lose' | 'stall' | { delayMs: number };

export interface FaultRate {
  /** Share of calls (0–1) that meet one of `faults`, picked at random with a seeded generator. */
  rate: number;
  faults: Fault[];
  /** Only these methods; every method when absent. */
  methods?: string[];
  seed?: number;
}

/** A small seeded generator (mulberry32): the same seed gives the same sequence of faults. */
export const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export class Faults {
  private readonly queued = new Map<string, Fault[]>();
  private readonly conditional: { method: string; when: (args: Record<string, unknown>) => boolean; fault: Fault; times: number }[] = [];
  private random: FaultRate | undefined;
  private next = seeded(1);
  /** Methods answering 503 to every call until `endOutage()`; `'*'` for all of them. */
  private outage: Set<string> | undefined;
  latencyMs = 0;
  /** How many calls met a fault so far: a test waits on it to know a hung call is in flight. */
  hits = 0;

  failNext(method: string, fault: Fault, times = 1): void {
    this.queued.set(method, [...(this.queued.get(method) ?? []), ...Array.from({ length: times }, () => fault)]);
  }

  /** The next `times` calls to `method` whose arguments pass `when` meet this fault (e.g. only DMs). */
  failWhen(method: string, when: (args: Record<string, unknown>) => boolean, fault: Fault, times = 1): void {
    this.conditional.push({ method, when, fault, times });
  }

  /** Forgets every programmed fault, outage and latency. */
  clear(): void {
    this.queued.clear();
    this.conditional.length = 0;
    this.random = undefined;
    this.outage = undefined;
    this.latencyMs = 0;
  }

  setRate(rate: FaultRate | undefined): void {
    this.random = rate;
    this.next = seeded(rate?.seed ?? 1);
  }

  startOutage(methods: string[] = ['*']): void {
    this.outage = new Set(methods);
  }

  endOutage(): void {
    this.outage = undefined;
  }

  /** The fault this call meets, if any. */
  take(method: string, args: Record<string, unknown> = {}): Fault | undefined {
    const rule = this.conditional.find((candidate) => candidate.method === method && candidate.times > 0 && candidate.when(args));
    if (rule) {
      rule.times -= 1;
      this.hits += 1;
      return rule.fault;
    }
    const queue = this.queued.get(method);
    const queuedFault = queue?.shift();
    if (queue?.length === 0) this.queued.delete(method);
    if (queuedFault) {
      this.hits += 1;
      return queuedFault;
    }
    if (this.outage && (this.outage.has('*') || this.outage.has(method))) return { status: 503 };
    const random = this.random;
    if (!random || (random.methods && !random.methods.includes(method))) return undefined;
    if (this.next() >= random.rate) return undefined;
    return random.faults[Math.floor(this.next() * random.faults.length)];
  }
}
