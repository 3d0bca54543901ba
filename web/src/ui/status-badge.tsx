import { humanize } from './format.ts';

const TONES: Readonly<Record<string, string>> = {
  ON_TRACK: 'good',
  ACHIEVED: 'good',
  COMPLETED: 'good',
  CLOSED_WON: 'good',
  AT_RISK: 'warn',
  OFF_TRACK: 'bad',
  CLOSED_LOST: 'bad',
};

export const toneOf = (status: string): string => TONES[status] ?? 'neutral';

/** A status word with its colour; the word itself carries the meaning, the colour only helps. */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge tone-${toneOf(status)}`}>{humanize(status)}</span>;
}
