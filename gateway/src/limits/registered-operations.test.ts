import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { documentHash, loadRegisteredOperations } from './registered-operations.ts';

describe('registered operations', () => {
  it('knows schema/operations and the dashboard documents by name and by printed form', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sophia-registered-'));
    writeFileSync(join(dir, 'a.graphql'), 'query One { one }\nquery Two { two { id } }\n');
    const dashboard = { kind: 'Document', definitions: parse('query Three { three }').definitions };
    writeFileSync(
      join(dir, 'graphql.ts'),
      `export const ThreeDocument = ${JSON.stringify(dashboard)} as unknown as DocumentNode;`,
    );
    const registered = loadRegisteredOperations({
      operationsDir: dir,
      dashboardDocuments: join(dir, 'graphql.ts'),
    });
    expect([...registered.names].sort()).toEqual(['One', 'Three', 'Two']);
    // Each operation on its own, however formatted, and with the __typename fields urql adds.
    expect(registered.hashes.has(documentHash(parse('query Two {\n  two { __typename id }\n}')))).toBe(true);
    expect(registered.hashes.has(documentHash(parse('query   Three{three}')))).toBe(true);
    expect(registered.hashes.has(documentHash(parse('query Two { two { id name } }')))).toBe(false);
  });

  it('registers the admin/ subfolder too (administration runs under the safelist, though it is no MCP tool)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sophia-registered-'));
    mkdirSync(join(dir, 'admin'));
    writeFileSync(join(dir, 'admin', 'keys.graphql'), 'mutation Revoke($id: ID!) { revoke(id: $id) }\n');
    const registered = loadRegisteredOperations({
      operationsDir: dir,
      dashboardDocuments: join(dir, 'none.ts'),
    });
    expect([...registered.names]).toEqual(['Revoke']);
    expect(registered.hashes.has(documentHash(parse('mutation Revoke($id: ID!) { revoke(id: $id) }')))).toBe(
      true,
    );
  });
});
