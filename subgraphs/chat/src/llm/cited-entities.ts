import type { CitationRef, CitationType } from '../citations.ts';

/** Which citable type an object under a result key is (the operations name their fields after the type). */
const TYPE_OF_KEY: Readonly<Record<string, CitationType>> = {
  metric: 'Metric',
  metrics: 'Metric',
  deal: 'Deal',
  deals: 'Deal',
  topDeals: 'Deal',
  account: 'Account',
  accounts: 'Account',
  memory: 'Memory',
  objective: 'Objective',
  objectives: 'Objective',
  project: 'Project',
  projects: 'Project',
  atRisk: 'Project',
};

export interface FoundEntity extends CitationRef {
  /** How an answer would mention it: its name, else its id. */
  readonly label: string;
}

/** The citable entities a tool result holds (objects with an `id` under a key that names their type). */
export function entitiesIn(data: unknown, type?: CitationType): FoundEntity[] {
  if (Array.isArray(data)) return data.flatMap((item) => entitiesIn(item, type));
  if (typeof data !== 'object' || data === null) return [];
  const record = data as Record<string, unknown>;
  const found: FoundEntity[] = [];
  if (type && typeof record['id'] === 'string') {
    const name = record['name'];
    found.push({ typename: type, id: record['id'], label: typeof name === 'string' ? name : record['id'] });
  }
  for (const [key, value] of Object.entries(record)) found.push(...entitiesIn(value, TYPE_OF_KEY[key]));
  return found;
}

/** The entities the answer mentions by name or id, once each, in the order found. */
export function mentioned(answer: string, entities: readonly FoundEntity[]): CitationRef[] {
  const text = answer.toLowerCase();
  const seen = new Set<string>();
  return entities.flatMap(({ typename, id, label }) => {
    const key = `${typename}:${id}`;
    if (seen.has(key) || !(text.includes(label.toLowerCase()) || text.includes(id.toLowerCase()))) return [];
    seen.add(key);
    return [{ typename, id }];
  });
}
