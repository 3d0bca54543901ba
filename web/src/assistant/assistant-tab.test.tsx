import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithFixtures } from '../testing/render.tsx';
import { AssistantTab } from './assistant-tab.tsx';

afterEach(cleanup);

const event = (seq: number, type: string, extra: Record<string, unknown> = {}) => ({
  replyStream: {
    seq,
    type,
    delta: null,
    toolCall: null,
    citation: null,
    error: null,
    message: null,
    ...extra,
  },
});
const toolCall = (ok: boolean | null) => ({
  id: 'call_1',
  server: 'sophia',
  name: 'kpi_cards',
  ok,
  errorCode: null,
  durationMs: ok === null ? null : 42,
});
const revenue = {
  __typename: 'Metric',
  id: 'revenue',
  name: 'Revenue',
  unit: 'CURRENCY',
  metricCurrency: 'USD',
  description: 'Recognised revenue.',
  value: 5_100_000,
};

describe('the AI assistant', () => {
  it('sends a question and renders the streamed answer with tool activity, a table and a citation', async () => {
    let sent = false;
    const { fixtures } = renderWithFixtures(<AssistantTab />, {
      Conversations: () => ({
        data: {
          conversations: sent
            ? [{ id: 'conv_1', title: 'Q3 revenue', updatedAt: '2026-11-24T09:00:00Z' }]
            : [],
        },
      }),
      SendMessage: () => {
        sent = true;
        return {
          data: {
            sendMessage: {
              conversation: { id: 'conv_1', title: 'Q3 revenue' },
              userMessage: { id: 'msg_1' },
              reply: { id: 'msg_2' },
              errors: [],
            },
          },
        };
      },
      Conversation: {
        data: {
          conversation: {
            id: 'conv_1',
            title: 'Q3 revenue',
            messages: [
              {
                id: 'msg_1',
                role: 'USER',
                content: 'What were our Q3 revenue numbers?',
                status: 'COMPLETE',
                createdAt: '2026-11-24T09:00:00Z',
                citations: [],
              },
              {
                id: 'msg_2',
                role: 'ASSISTANT',
                content: '',
                status: 'STREAMING',
                createdAt: '2026-11-24T09:00:01Z',
                citations: [],
              },
            ],
          },
        },
      },
      ReplyStream: [
        { data: event(1, 'TOOL_CALL', { toolCall: toolCall(null) }) },
        { data: event(2, 'TOOL_RESULT', { toolCall: toolCall(true) }) },
        { data: event(3, 'TOKEN', { delta: 'Q3 revenue was **$7.99M**.\n\n| Month | Revenue |\n' }) },
        { data: event(4, 'TOKEN', { delta: '| --- | --- |\n| Jul | $2.6M |\n' }) },
        { data: event(5, 'CITATION', { citation: revenue }) },
        { data: event(6, 'DONE', { message: { id: 'msg_2', status: 'COMPLETE' } }) },
      ],
    });
    expect(await screen.findByText('No conversations yet.')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Ask Sophia' }), {
      target: { value: 'What were our Q3 revenue numbers?' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    const reply = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('[data-live-reply="msg_2"]');
      expect(found?.getAttribute('aria-busy')).toBe('false');
      return found!;
    });
    expect(within(reply).getByText('$7.99M').tagName).toBe('STRONG');
    expect(within(reply).getByRole('table')).toBeTruthy();
    expect(within(reply).getByRole('cell', { name: '$2.6M' })).toBeTruthy();
    expect(within(reply).getByRole('list', { name: 'Tool activity' }).textContent).toContain(
      '✓ kpi_cards · 42 ms',
    );
    expect(fixtures.drift).toEqual([]);
    const citation = reply.querySelector('details summary')!;
    expect(citation.textContent).toBe('[1] Metric: Revenue');
    fireEvent.click(citation);
    expect(reply.querySelector('details')?.textContent).toContain('Recognised revenue. · this quarter $5.1M');
    // The stored question shows; the reply being streamed is not shown twice.
    expect(await screen.findByText('What were our Q3 revenue numbers?', { selector: 'p' })).toBeTruthy();
    expect(document.querySelector('[data-message="msg_2"]')).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: /Q3 revenue/ })).toBeTruthy());
    expect(fixtures.calls.find((c) => c.operationName === 'SendMessage')?.variables).toEqual({
      input: { text: 'What were our Q3 revenue numbers?', conversationId: null },
    });
    expect(fixtures.calls.find((c) => c.operationName === 'ReplyStream')?.variables).toEqual({
      messageId: 'msg_2',
      after: null,
    });
    expect(fixtures.drift).toEqual([]);
  });
});
