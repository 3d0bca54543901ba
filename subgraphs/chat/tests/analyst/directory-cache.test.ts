import { beforeEach, describe, expect, it } from 'vitest';
import { clearDirectoryCache, loadDirectory, perDirectory } from '../../src/analyst/directory.ts';
import type { ToolInvoker } from '../../src/pipeline/answer-contract.ts';

/** A viewer's tools that answer the four directory operations, counting every call. */
function directoryTools(scope: string, people: Array<{ id: string; name: string }>) {
  const calls: string[] = [];
  const tools: ToolInvoker = {
    scope,
    call: async (name) => {
      calls.push(name);
      switch (name) {
        case 'Metrics':
          return { metrics: [{ id: 'revenue', name: 'Revenue', unit: 'CURRENCY' }] };
        case 'AccountDirectory':
          return { accounts: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } };
        case 'PeopleDirectory':
          return { users: people.map((person) => ({ ...person, email: '', title: '', team: null })) };
        default:
          return { projects: [] };
      }
    },
  };
  return { tools, calls };
}

describe('the directory cache', () => {
  beforeEach(() => clearDirectoryCache());

  it('serves one viewer the same directory while it is cached, derived values computed once', async () => {
    const { tools, calls } = directoryTools('viewer a', [{ id: 'usr_1', name: 'Ada Lovelace' }]);
    let derivations = 0;
    const names = perDirectory((directory) => {
      derivations += 1;
      return directory.people.map((person) => person.name);
    });
    const first = await loadDirectory(tools);
    const second = await loadDirectory(tools);
    expect(second).toBe(first);
    expect(names(first)).toEqual(['Ada Lovelace']);
    expect(names(second)).toEqual(['Ada Lovelace']);
    expect(derivations).toBe(1);
    expect(calls.sort()).toEqual(['AccountDirectory', 'Metrics', 'PeopleDirectory', 'ProjectDirectory']);

    clearDirectoryCache();
    const reloaded = await loadDirectory(tools);
    expect(reloaded).not.toBe(first);
    expect(names(reloaded)).toEqual(['Ada Lovelace']);
    expect(derivations).toBe(2);
  });

  it('never lends one viewer’s directory to another', async () => {
    const a = directoryTools('viewer a', [{ id: 'usr_1', name: 'Ada Lovelace' }]);
    const b = directoryTools('viewer b', [{ id: 'usr_2', name: 'Grace Hopper' }]);
    const [seenByA, seenByB] = await Promise.all([loadDirectory(a.tools), loadDirectory(b.tools)]);
    expect(seenByA.people.map((person) => person.name)).toEqual(['Ada Lovelace']);
    expect(seenByB.people.map((person) => person.name)).toEqual(['Grace Hopper']);
    expect(b.calls).toHaveLength(4);
  });
});
