import { describe, expect, it } from 'vitest';
import { titleFrom } from './title.ts';

describe('titleFrom', () => {
  it('keeps a short message whole, on one line', () => {
    expect(titleFrom('  What were our\nQ3 revenue numbers?  ')).toBe('What were our Q3 revenue numbers?');
  });

  it('cuts a long message at a word near 60 characters', () => {
    const title = titleFrom(
      'Please summarise everything we know about the Acme renewal, including risks and the people involved',
    );
    expect(title).toBe('Please summarise everything we know about the Acme renewal,…');
    expect(title.length).toBeLessThanOrEqual(61);
  });
});
