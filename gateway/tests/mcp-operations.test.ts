import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../ops/src/repo-path.ts';
import { readOperationDir } from '../src/mcp/operation-dir.ts';
import { parseOperationFile } from '../src/mcp/operation-file.ts';
import { buildOperationTools } from '../src/mcp/operation-tools.ts';

describe('MCP operation files', () => {
  it('takes the comment right above each operation as its text, unwrapped, and hint lines as annotations', () => {
    const { operations, fragments } = parseOperationFile(
      'a.graphql',
      `# A file header, not part of any description.

# Deals closing in a period,
# largest first.
#
# - one line per deal
# @destructiveHint false
query Deals { a }
# Stores a note.
mutation Note { b }

query Bare { c }
fragment F on Query { a }
`,
    );
    expect(operations.map(({ name, comment, hints }) => ({ name, comment, hints }))).toEqual([
      {
        name: 'Deals',
        comment: 'Deals closing in a period, largest first.\n\n- one line per deal',
        hints: { destructiveHint: false },
      },
      { name: 'Note', comment: 'Stores a note.', hints: {} },
      { name: 'Bare', comment: '', hints: {} },
    ]);
    expect(fragments.map((f) => f.name.value)).toEqual(['F']);
  });

  it('refuses what cannot be a tool, naming the file', () => {
    expect(() => parseOperationFile('x.graphql', 'query { a }')).toThrow(
      /^x\.graphql: every operation needs a name/,
    );
    expect(() => parseOperationFile('x.graphql', 'subscription S { a }')).toThrow(
      /S: a subscription cannot be a tool/,
    );
    expect(() => parseOperationFile('x.graphql', 'type Query { a: Int }')).toThrow(
      /only operations and fragments/,
    );
    expect(() => parseOperationFile('x.graphql', 'query Q { a ')).toThrow(/^x\.graphql: Syntax Error/);
  });

  it('reads every .graphql file of a folder and refuses a name defined twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sophia-mcp-ops-'));
    writeFileSync(join(dir, 'a.graphql'), 'query A { a }');
    writeFileSync(join(dir, 'b.gql'), 'query B { b }');
    writeFileSync(join(dir, 'README.md'), '# not GraphQL');
    expect((await readOperationDir(dir)).operations.map((o) => o.name)).toEqual(['A', 'B']);
    writeFileSync(join(dir, 'c.graphql'), 'query A { c }');
    await expect(readOperationDir(dir)).rejects.toThrow('c.graphql: A is already defined in a.graphql.');
  });

  it("Sophia's operations are all valid against schema/api.graphql, the tools the chat pipeline calls among them", async () => {
    const schema = buildSchema(readFileSync(repoPath('schema/api.graphql'), 'utf8'));
    const { tools, problems } = buildOperationTools(
      await readOperationDir(repoPath('schema/operations')),
      schema,
    );
    expect(problems).toEqual([]);
    expect([...tools.keys()]).toEqual(
      expect.arrayContaining([
        'KpiCards',
        'MetricValue',
        'MetricSeries',
        'Metrics',
        'TopDeals',
        'Pipeline',
        'FindAccounts',
        'Account',
        'Objectives',
        'AtRiskProjects',
        'FindPeople',
        'SearchMemories',
        'Remember',
      ]),
    );
    for (const tool of tools.values()) expect(tool.definition.description, tool.definition.name).toBeTruthy();
  });
});
