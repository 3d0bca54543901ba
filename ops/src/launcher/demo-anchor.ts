import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEED } from '@sophia/ops';

export interface DemoAnchor {
  readonly seed: number;
  readonly anchor: string;
}

/**
 * Every subgraph must generate its part of the demo company from the same seed and date, or closed-won deals
 * would stop summing to bookings. The first start fixes both in `<dataDir>/demo.json`; later starts reuse it.
 */
export function resolveDemoAnchor(
  dataDir: string,
  requested: Partial<DemoAnchor>,
  today: string,
): DemoAnchor {
  const file = join(dataDir, 'demo.json');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as DemoAnchor;
    return stored;
  }
  const chosen = { seed: requested.seed ?? DEFAULT_SEED, anchor: requested.anchor ?? today };
  writeFileSync(file, `${JSON.stringify(chosen, null, 2)}\n`);
  return chosen;
}
