/** The value below which `q` (0…1) of the sorted samples fall. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** A Markdown table (it reads in a terminal and pastes into an issue). */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/**
 * A bench's command-line checks: `wholeNumber` reads a flag that must be a whole number in [min, max], and
 * every problem found is kept in `problems`, so all are reported together before anything runs.
 */
export function flagChecks(): {
  readonly problems: string[];
  wholeNumber(name: string, value: string, min: number, max: number): number;
} {
  const problems: string[] = [];
  return {
    problems,
    wholeNumber(name, value, min, max) {
      const number = Number(value);
      if (!Number.isInteger(number) || number < min || number > max) {
        problems.push(`--${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
      }
      return number;
    },
  };
}
