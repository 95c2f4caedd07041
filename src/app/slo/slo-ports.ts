import type { SliReading, Slo, SloStatus } from '../../domain/slo/error-budget.js';

/** Reads an SLO's events from where they are measured (Prometheus: http/prometheus/sli-source.ts). */
export interface SliSource {
  /**
   * The SLO's good and total events over the `rangeMs` up to `at`. Rejects with SliUnavailable,
   * whose message says what went wrong in words a person can act on.
   */
  read(slo: Slo, rangeMs: number, at: number): Promise<SliReading>;
}

export class SliUnavailable extends Error {
  override readonly name = 'SliUnavailable';
}

/** Each SLO as its last evaluation read it. */
export interface SloStatusStore {
  save(status: SloStatus): void;
  list(): SloStatus[];
}
