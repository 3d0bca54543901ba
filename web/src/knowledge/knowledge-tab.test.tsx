import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { searchMemories } from '../testing/fixtures.ts';
import { renderWithFixtures } from '../testing/render.tsx';
import { KnowledgeTab } from './knowledge-tab.tsx';

afterEach(cleanup);

const remembered = (input: Record<string, unknown>) => ({
  data: {
    remember:
      input['content'] === 'x'
        ? {
            merged: false,
            memory: null,
            errors: [{ field: ['content'], message: 'Too short.', code: 'BAD_USER_INPUT' }],
          }
        : {
            merged: false,
            memory: { id: 'mem_9', content: input['content'], visibility: input['visibility'] },
            errors: [],
          },
  },
});

describe('knowledge', () => {
  it('searches and shows each hit with the tier that answered and its score', async () => {
    const { fixtures } = renderWithFixtures(<KnowledgeTab />, { SearchMemories: searchMemories });
    expect(screen.getByText('Search notes, documents and facts.')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search memories' }), {
      target: { value: ' Mayfield renewal ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    const results = await screen.findByRole('list', { name: 'Results for Mayfield renewal' });
    const hit = within(results).getAllByRole('listitem')[0]!;
    expect(within(hit).getByText('L2 index')).toBeTruthy();
    expect(within(hit).getByText('Warm')).toBeTruthy();
    expect(within(hit).getByTestId('hit-score').textContent).toBe('score 0.873');
    expect(hit.textContent).toContain('Mayfield Transport wants a three-year renewal');
    expect(fixtures.calls.find((c) => c.operationName === 'SearchMemories')?.variables).toEqual({
      query: 'Mayfield renewal',
      limit: 10,
    });
    expect(fixtures.drift).toEqual([]);
  });

  it('adds a note, and shows a refusal that comes back as data', async () => {
    const { fixtures } = renderWithFixtures(<KnowledgeTab />, {
      RememberNote: (variables) => remembered(variables['input'] as Record<string, unknown>),
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remember' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Too short.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Note' }), {
      target: { value: 'Board prefers Q1 launch' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Who may see the note' }), {
      target: { value: 'ORG' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remember' }));
    await waitFor(() => expect(screen.getByText('Saved.')).toBeTruthy());
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('');
    expect(fixtures.calls.at(-1)?.variables).toEqual({
      input: { content: 'Board prefers Q1 launch', kind: 'NOTE', visibility: 'ORG' },
    });
    expect(fixtures.drift).toEqual([]);
  });
});
