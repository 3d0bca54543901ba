import { describe, expect, it } from 'vitest';
import { AnswerWriter } from '../../src/analyst/writer.ts';
import type { AnswerEvent } from '../../src/pipeline/answer-contract.ts';

function record(signal = new AbortController().signal) {
  const events: AnswerEvent[] = [];
  return { events, writer: new AnswerWriter((event) => events.push(event), signal) };
}

const text = (events: readonly AnswerEvent[]) =>
  events.map((event) => (event.type === 'TOKEN' ? event.delta : '')).join('');

describe('AnswerWriter', () => {
  it('streams text a word at a time and loses nothing', () => {
    const { events, writer } = record();
    writer.paragraph('Revenue for 2026-Q3 was **$7,992,709**, up 17.6%.');
    expect(events.length).toBeGreaterThanOrEqual(7);
    expect(
      events.every((event) => event.type === 'TOKEN' && event.delta.trim().split(/\s+/).length <= 1),
    ).toBe(true);
    expect(text(events)).toBe('Revenue for 2026-Q3 was **$7,992,709**, up 17.6%.\n\n');
  });

  it('writes a markdown table a row at a time, escaping pipes', () => {
    const { events, writer } = record();
    writer.table(['Deal', 'Amount'], [['A | B', '$1']]);
    expect(text(events)).toBe('| Deal | Amount |\n| --- | --- |\n| A \\| B | $1 |\n\n');
  });

  it('cites each entity once', () => {
    const { events, writer } = record();
    writer.cite('Metric', 'revenue');
    writer.cite('Metric', 'revenue');
    writer.cite('Deal', 'deal_1');
    expect(events).toEqual([
      { type: 'CITATION', citation: { typename: 'Metric', id: 'revenue' } },
      { type: 'CITATION', citation: { typename: 'Deal', id: 'deal_1' } },
    ]);
  });

  it('writes nothing once the request is aborted', () => {
    const controller = new AbortController();
    const { events, writer } = record(controller.signal);
    writer.write('one two ');
    controller.abort();
    writer.write('three four');
    writer.cite('Metric', 'arr');
    writer.table(['a'], [['b']]);
    expect(text(events)).toBe('one two ');
    expect(writer.aborted).toBe(true);
  });
});
