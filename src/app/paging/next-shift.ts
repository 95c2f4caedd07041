import { nextShiftFor } from '../../domain/escalation/schedule.js';
import type { UseCaseDeps } from '../use-case-deps.js';

export interface NextShift {
  scheduleName: string;
  start: number;
  /** null: the shift has no end in sight. */
  end: number | null;
}

/**
 * When this person is next on call (or until when they are now), for App Home: undefined when not
 * in the coming weeks, null when no schedule is configured at all (nothing to say).
 */
export const nextShiftOf = (deps: Pick<UseCaseDeps, 'config' | 'clock'>, userId: string): NextShift | undefined | null => {
  const { schedules } = deps.config();
  if (schedules.length === 0) return null;
  const shift = nextShiftFor(schedules, userId, deps.clock.now());
  if (!shift) return undefined;
  return { scheduleName: schedules.find((schedule) => schedule.id === shift.scheduleId)?.name ?? shift.scheduleId, start: shift.start, end: shift.end };
};
