const LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/** Condenses a pino JSON line to `service level message key=value…` for a terminal; other lines pass through. */
export function formatLogLine(service: string, line: string): string {
  const label = service.padEnd(8);
  if (!line.startsWith('{')) return `${label} ${line}`;
  try {
    const {
      level,
      msg,
      time: _t,
      pid: _p,
      hostname: _h,
      name: _n,
      service: _s,
      ...rest
    } = JSON.parse(line) as Record<string, unknown>;
    const fields = Object.entries(rest)
      .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join(' ');
    return `${label} ${(LEVELS[level as number] ?? String(level)).padEnd(5)} ${String(msg ?? '')} ${fields}`.trimEnd();
  } catch {
    return `${label} ${line}`;
  }
}
