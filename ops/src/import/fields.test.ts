import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDb } from '@sophia/kit';
import {
  boolean,
  date,
  fraction,
  id,
  integer,
  matching,
  nonNegative,
  number,
  oneOf,
  text,
  trimmedSql,
  type Parse,
} from './fields.ts';

/** Every parse with an SQL twin, and cells that probe where the two could part. */
const CASES: [string, Parse<unknown>, string[]][] = [
  ['text', text, ['anything', ' spaced ', 'ö']],
  ['id', id, ['d-1', 'a.b:c_d', ' d-1', '-x', 'x'.repeat(128), 'x'.repeat(129), 'ö', 'a b']],
  [
    'number',
    number,
    [
      '12',
      ' 12 ',
      '\t7\n',
      '-0.5',
      '1e6',
      '2.5E-3',
      '+3',
      '.5',
      '5.',
      '0x10',
      '1_000',
      'inf',
      'Infinity',
      'NaN',
      '1e999',
      '1,5',
      'forty thousand',
      '12abc',
      '.',
    ],
  ],
  ['nonNegative', nonNegative, ['0', '12.5', '-1', '-0.001']],
  ['fraction', fraction, ['0', '1', '0.25', '1.01', '-0.1']],
  ['integer', integer, ['3', '3.0', '3.5', '-7', '1e3']],
  ['boolean', boolean, ['TRUE', ' yes ', '0', 'no', 'False', 'maybe', 'y']],
  [
    'date',
    date,
    [
      '2026-07-01',
      ' 2026-07-01 ',
      '"2026-07-01"',
      '2026-07-01T10:00:00Z',
      '2026-07-01 10:00',
      '2026-02-30',
      '2024-02-29',
      '2026-7-1',
      '01/07/2026',
      '2026-07-01x',
      '"2026-07-01""',
      '2026-13-01',
    ],
  ],
  ['oneOf', oneOf(['OPEN', 'WON'] as const), ['open', ' WON ', 'Won', 'lost', 'OPEN!']],
  [
    'matching',
    matching('[a-z][a-z0-9_]{0,63}', () => 'no'),
    ['revenue', ' arr ', 'new_bookings', 'Revenue', '1x'],
  ],
];

describe('each parse and its SQL twin', () => {
  let db: DuckDb;
  beforeAll(async () => {
    db = await DuckDb.open('.', ':memory:');
  });
  afterAll(() => db.close());

  for (const [name, parse, cells] of CASES) {
    it(`${name}: accept and refuse the same cells, with the same values`, async () => {
      for (const cell of cells) {
        const [row] = await db.query<{ value: unknown }>(
          `SELECT ${parse.sql!('r', 's')} AS value FROM (SELECT r, ${trimmedSql('r')} AS s FROM (SELECT CAST(? AS VARCHAR) AS r))`,
          [cell],
        );
        const parsed = parse(cell);
        const expected = 'value' in parsed ? parsed.value : null;
        expect(row?.value ?? null, `${name} ${JSON.stringify(cell)}`).toBe(expected);
      }
    });
  }
});
