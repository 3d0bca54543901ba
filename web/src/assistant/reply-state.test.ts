import { describe, expect, it } from 'vitest';
import { emptyReply, foldReplyEvent, type ReplyEvent } from './reply-state.ts';

const fold = (events: ReplyEvent<string>[]) => events.reduce(foldReplyEvent<string>, emptyReply<string>());

describe('folding reply events', () => {
  it('appends text, tracks tools from call to result, collects citations and ends', () => {
    const state = fold([
      { seq: 1, type: 'TOOL_CALL', toolCall: { id: 't1', name: 'kpi_cards', server: 'sophia' } },
      {
        seq: 2,
        type: 'TOOL_RESULT',
        toolCall: { id: 't1', name: 'kpi_cards', server: 'sophia', ok: true, durationMs: 12 },
      },
      { seq: 3, type: 'TOKEN', delta: 'Revenue ' },
      { seq: 4, type: 'TOKEN', delta: 'was $8M.' },
      { seq: 5, type: 'CITATION', citation: 'metric:revenue' },
      { seq: 6, type: 'DONE' },
    ]);
    expect(state.text).toBe('Revenue was $8M.');
    expect(state.tools).toEqual([
      { id: 't1', name: 'kpi_cards', server: 'sophia', ok: true, durationMs: 12, errorCode: null },
    ]);
    expect(state.citations).toEqual(['metric:revenue']);
    expect(state.status).toBe('DONE');
    expect(state.lastSeq).toBe(6);
  });

  it('ignores events replayed after a reconnect, so text is never doubled', () => {
    const state = fold([
      { seq: 1, type: 'TOKEN', delta: 'a' },
      { seq: 2, type: 'TOKEN', delta: 'b' },
      { seq: 2, type: 'TOKEN', delta: 'b' },
      { seq: 1, type: 'TOKEN', delta: 'a' },
      { seq: 3, type: 'TOKEN', delta: 'c' },
    ]);
    expect(state.text).toBe('abc');
  });

  it('keeps the error of a failed reply', () => {
    const state = fold([
      { seq: 1, type: 'ERROR', error: { code: 'DOWNSTREAM_SERVICE_ERROR', message: 'LLM down' } },
    ]);
    expect(state).toMatchObject({ status: 'ERROR', error: { code: 'DOWNSTREAM_SERVICE_ERROR' } });
  });
});
