import { describe, expect, it } from 'vitest';
import { createInProcessEventLog } from '../event-log/in-process-event-log.ts';
import type { ChatEventRecord, ReplyEventLog } from '../event-log/index.ts';
import { ReplyWriter } from './reply-writer.ts';

/** An event log whose appends wait until `release()`: the log is "busy" until then. */
function slowLog() {
  const appended: ChatEventRecord[] = [];
  const waiting: Array<() => void> = [];
  const log = {
    append: (_id: string, event: ChatEventRecord) =>
      new Promise<void>((resolve) => {
        waiting.push(() => {
          appended.push(structuredClone(event));
          resolve();
        });
      }),
  } as unknown as ReplyEventLog;
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  /** Lets every queued append through, one at a time. */
  const release = async () => {
    for (await turn(); waiting.length > 0; await turn()) waiting.shift()!();
  };
  return { log, appended, release };
}

const TOOL = {
  id: 'c1',
  server: 'sophia',
  name: 'KpiCards',
  arguments: '{}',
  ok: null,
  errorCode: null,
  durationMs: null,
};

describe('ReplyWriter', () => {
  it('joins text written while the log is busy into the waiting TOKEN; never the first one', async () => {
    const { log, appended, release } = slowLog();
    const writer = new ReplyWriter(log, 'msg_1');
    writer.emit({ type: 'TOOL_CALL', toolCall: TOOL });
    writer.token('Revenue ');
    writer.token('was ');
    writer.token('$1.');
    writer.cite({ typename: 'Metric', id: 'revenue' });
    writer.token(' Up ');
    writer.token('4%.');
    await release();
    await writer.flush();
    expect(appended.map((event) => [event.seq, event.type, 'delta' in event ? event.delta : null])).toEqual([
      [1, 'TOOL_CALL', null],
      [2, 'TOKEN', 'Revenue was $1.'],
      [3, 'CITATION', null],
      [4, 'TOKEN', ' Up 4%.'],
    ]);
    expect(writer.content).toBe('Revenue was $1. Up 4%.');
  });

  it('starts a new TOKEN once the log has taken the previous one', async () => {
    const log = createInProcessEventLog({ maxEvents: 100, ttlMs: 60_000 });
    await log.open({ messageId: 'msg_2', ownerId: 'usr_001', conversationId: 'conv_1' });
    const writer = new ReplyWriter(log, 'msg_2');
    writer.token('one ');
    await writer.flush();
    writer.token('two ');
    writer.token('three');
    await writer.flush();
    const events: ChatEventRecord[] = [];
    for await (const event of log.read('msg_2', 0)) {
      events.push(event);
      if (events.length === 2) break;
    }
    expect(events.map((event) => [event.seq, 'delta' in event ? event.delta : null])).toEqual([
      [1, 'one '],
      [2, 'two three'],
    ]);
  });
});
