import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../repo-path.ts';
import { IMPORT_KINDS } from './kinds/index.ts';

describe('the README’s import column reference', () => {
  it('lists every kind with every column it reads', () => {
    const readme = readFileSync(repoPath('README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Columns'), readme.indexOf('## Deployment'));
    for (const kind of IMPORT_KINDS) {
      const start = section.indexOf(`**${kind.name}**`);
      expect(start, kind.name).toBeGreaterThanOrEqual(0);
      const next = section.indexOf('\n**', start + 1);
      const table = section.slice(start, next === -1 ? undefined : next);
      for (const field of kind.fields)
        expect(table, `${kind.name}.${field.column}`).toContain(`\`${field.column}\``);
    }
  });
});
