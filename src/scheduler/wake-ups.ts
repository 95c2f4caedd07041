import type { Logger } from 'pino';
import type { Clock, JobRepository } from '../app/ports.js';

/**
 * When the scheduler looks for due jobs: every poll, right after a kick, and between polls when the
 * soonest future job falls due (an escalation due 0.3 s after a poll pages then, not at the next poll).
 */
export const createWakeUps = (jobs: JobRepository, clock: Clock, log: Logger, wake: () => void) => {
  let poll: NodeJS.Timeout | undefined;
  let pollEveryMs = 1_000;
  let alarm: { timer: NodeJS.Timeout; at: number } | undefined;
  let kicked = false;

  /** Later jobs are left to the poll, which arms the alarm again. */
  const armAlarm = () => {
    if (!poll) return;
    let next: number | undefined;
    try {
      next = jobs.nextDueAt(clock.now());
    } catch (error) {
      log.error({ err: error }, 'could not read when the next job is due');
      return;
    }
    if (next === undefined || next - clock.now() > pollEveryMs || alarm?.at === next) return;
    if (alarm) clearTimeout(alarm.timer);
    // +1 ms: a timer may fire a hair before the wall clock reaches the due time.
    const timer = setTimeout(() => {
      alarm = undefined;
      wake();
    }, next - clock.now() + 1);
    timer.unref();
    alarm = { timer, at: next };
  };

  return {
    armAlarm,
    /** Coalesces kicks: many schedules in one turn of the event loop wake the scheduler once. */
    kick: () => {
      if (kicked) return;
      kicked = true;
      setImmediate(() => {
        kicked = false;
        wake();
      });
    },
    startPolling: (pollMs: number) => {
      pollEveryMs = pollMs;
      poll = setInterval(wake, pollMs);
    },
    stopPolling: () => {
      if (poll) clearInterval(poll);
      poll = undefined;
      if (alarm) clearTimeout(alarm.timer);
      alarm = undefined;
    },
  };
};
