/**
 * The one clock a service reads "now" and "today" from. Real time by default; when the demo company is loaded,
 * a clock anchored to its date, so the demo's "this quarter" stays the quarter its figures were made for.
 * Writes, events and answers all read the same clock, so a deal moved today closes in today's quarter.
 */
export interface Clock {
  now(): Date;
  /** `YYYY-MM-DD` in UTC. */
  today(): string;
}

const DAY_MS = 86_400_000;

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => new Date().toISOString().slice(0, 10),
};

/**
 * Real time moved by whole days so that the date is `anchor` (`YYYY-MM-DD`) when the clock is made: the time
 * of day still runs, so timestamps written through it stay in order.
 */
export function anchoredClock(anchor: string, real: Clock = systemClock): Clock {
  const anchorDay = Date.parse(`${anchor}T00:00:00Z`);
  if (Number.isNaN(anchorDay)) throw new RangeError(`Clock anchor ${JSON.stringify(anchor)} is not a date.`);
  const realNow = real.now().getTime();
  const offset = anchorDay - Math.floor(realNow / DAY_MS) * DAY_MS;
  const now = () => new Date(real.now().getTime() + offset);
  return { now, today: () => now().toISOString().slice(0, 10) };
}
