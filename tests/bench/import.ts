/**
 * `npm run bench:import`: rows per second of `npm run import` for a 1,000,000-row daily-facts file and a
 * 100,000-row deals file (generated here), against DuckDB loading the same file straight into a bare table
 * (no validation, no upsert) in the same run: the ceiling the importer is measured by.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDb } from '@sophia/kit';
import { importFile } from '../../ops/src/import/import-file.ts';

const FACT_ROWS = Number(process.argv[2] ?? 1_000_000);
const DEAL_ROWS = Number(process.argv[3] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'sophia-bench-import-'));

function write(name: string, header: string, rows: number, line: (i: number) => string): string {
  const path = join(dir, name);
  const lines = [header];
  for (let i = 0; i < rows; i++) lines.push(line(i));
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
// 1,000 facts over 1,000 days.
const facts = write(
  'facts.csv',
  'date,fact,value',
  FACT_ROWS,
  (i) => `${day(i % 1000)},fact_${Math.floor(i / 1000)},${(i % 977) * 13.5}`,
);
const people = write(
  'people.csv',
  'id,name,email,title,role,start_date',
  20,
  (i) => `p-${i},Seller ${i},s${i}@bench.example,Account Executive,MEMBER,2022-01-01`,
);
const accounts = write(
  'accounts.csv',
  'id,name,industry,segment,region,employees,owner_id,status,created_at',
  2_000,
  (i) => `a-${i},Account ${i},Software,SMB,EMEA,${50 + i},p-${i % 20},CUSTOMER,2023-01-01`,
);
const STAGES = ['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST'];
const deals = write(
  'deals.csv',
  'id,name,account_id,owner_id,amount,stage,type,created_at,close_date',
  DEAL_ROWS,
  (i) =>
    `d-${i},Deal ${i},a-${i % 2000},p-${i % 20},${1000 + (i % 500) * 100},${STAGES[i % 6]},NEW_BUSINESS,${day(i % 700)},${day((i % 700) + 60)}`,
);

async function rawLoad(path: string): Promise<number> {
  const db = await DuckDb.open(dir, ':memory:');
  const started = performance.now();
  await db.run(`CREATE TABLE t AS SELECT * FROM read_csv('${path}', header = true)`);
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  return seconds;
}

async function timedImport(dataDir: string, kind: string, file: string): Promise<number> {
  const started = performance.now();
  const result = await importFile({ dataDir, kind, file });
  if (!result.written) throw new Error(`${kind}: ${result.problems.slice(0, 3).join('; ')}`);
  return (performance.now() - started) / 1000;
}

const loadAtStart = loadavg()[0]!;
const dataDir = join(dir, 'data');
await timedImport(dataDir, 'people', people);
await timedImport(dataDir, 'accounts', accounts);
const rows: string[][] = [];
for (const [kind, file, count] of [
  ['facts', facts, FACT_ROWS],
  ['deals', deals, DEAL_ROWS],
] as const) {
  const raw = await rawLoad(file);
  const imported = await timedImport(dataDir, kind, file);
  const again = await timedImport(dataDir, kind, file);
  rows.push([
    kind,
    count.toLocaleString('en-US'),
    `${imported.toFixed(1)} s`,
    Math.round(count / imported).toLocaleString('en-US'),
    Math.round(count / again).toLocaleString('en-US'),
    Math.round(count / raw).toLocaleString('en-US'),
    `${(raw / imported).toFixed(3)}×`,
  ]);
}
const header = [
  'file',
  'rows',
  'import',
  'rows/s',
  'rows/s (again: upserts)',
  'raw DuckDB rows/s',
  'import ÷ raw',
];
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
const print = (cells: string[]) => console.log(cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
print(header);
print(widths.map((width) => '-'.repeat(width)));
rows.forEach(print);
// Rates on a shared machine move with its load; the ratio to the raw load in the same run moves less.
console.log(
  `load average (1 min): ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`,
);
rmSync(dir, { recursive: true, force: true });
