import { describe, expect, it } from 'vitest';
import { ConfigError } from '@sophia/kit';
import { loadMemoryConfig } from './env.ts';

describe('memory configuration', () => {
  it('refuses a timer period beyond a day, which Node would run every millisecond instead', () => {
    for (const name of [
      'MEMORY_ACCESS_FLUSH_MS',
      'MEMORY_MAINTENANCE_INTERVAL_MS',
      'MEMORY_CHANGE_POLL_MS',
    ]) {
      expect(() => loadMemoryConfig({ [name]: String(2 ** 31) }), name).toThrow(ConfigError);
      expect(loadMemoryConfig({ [name]: '86400000' })[name as 'MEMORY_CHANGE_POLL_MS']).toBe(86_400_000);
    }
  });
});
