/** Reports progress through a long import: a bar with rate and ETA on a terminal, plain lines otherwise. */
export interface Progress {
  advance(count?: number): void;
  /** Ends the phase; `total` gives a count learnt only at the end (rows read from a file). */
  done(total?: number): void;
}

export interface ProgressOutput {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

const BAR = 24;
const REDRAW_MS = 100;

const format = (n: number) => Math.round(n).toLocaleString('en-US');
const seconds = (s: number) =>
  s < 60 ? `${Math.ceil(s)}s` : `${Math.floor(s / 60)}m${String(Math.ceil(s % 60)).padStart(2, '0')}s`;

/** One phase of an import (reading, checking, writing). A `total` of 0 means unknown until `done(total)`. */
export function createProgress(
  label: string,
  total: number,
  out: ProgressOutput,
  now = () => Date.now(),
): Progress {
  const started = now();
  let count = 0;
  let drawn = 0;
  let lastDecile = -1;
  const line = () => {
    const elapsed = Math.max(0.001, (now() - started) / 1000);
    const rate = count / elapsed;
    const eta = rate > 0 ? (total - count) / rate : 0;
    return { rate, eta, share: total > 0 ? count / total : 1 };
  };
  const draw = (final: boolean) => {
    const { rate, eta, share } = line();
    if (out.isTTY) {
      const filled = Math.round(share * BAR);
      out.write(
        `\r${label} [${'#'.repeat(filled)}${' '.repeat(BAR - filled)}] ${Math.floor(share * 100)}% ` +
          `${format(count)}/${format(total)} rows, ${format(rate)} rows/s, ${final ? 'done' : `ETA ${seconds(eta)}`}\x1b[K` +
          (final ? '\n' : ''),
      );
      return;
    }
    const decile = Math.floor(share * 10);
    if (final || decile > lastDecile) {
      lastDecile = decile;
      out.write(
        `${label}: ${format(count)}/${format(total)} rows (${Math.floor(share * 100)}%), ${format(rate)} rows/s\n`,
      );
    }
  };
  if (total === 0 && out.isTTY) out.write(`${label}…`);
  return {
    advance(by = 1) {
      count += by;
      if (now() - drawn >= REDRAW_MS || !out.isTTY) {
        drawn = now();
        draw(false);
      }
    },
    done(learnt) {
      if (learnt !== undefined) total = learnt;
      count = total;
      draw(true);
    },
  };
}
