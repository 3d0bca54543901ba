import { describe, expect, it } from 'vitest';
import { sseData } from './sse.ts';

function streamOf(...pieces: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
}

async function dataOf(...pieces: string[]): Promise<string[]> {
  const all: string[] = [];
  for await (const data of sseData(streamOf(...pieces))) all.push(data);
  return all;
}

describe('sseData', () => {
  it('yields each event’s data, whatever the chunk boundaries', async () => {
    const wire = 'data: {"a":1}\n\ndata: {"b":2}\n\ndata: [DONE]\n\n';
    const expected = ['{"a":1}', '{"b":2}', '[DONE]'];
    expect(await dataOf(wire)).toEqual(expected);
    expect(await dataOf(...wire.split(''))).toEqual(expected);
    expect(await dataOf(wire.slice(0, 9), wire.slice(9, 20), wire.slice(20))).toEqual(expected);
  });

  it('joins multi-line data, skips comments and other fields, accepts CRLF and CR', async () => {
    expect(await dataOf(': keep-alive\r\nevent: message\r\nid: 7\r\ndata: one\r\ndata:two\r\n\r\n')).toEqual([
      'one\ntwo',
    ]);
    expect(await dataOf('data: x\r\rdata: y\r\r')).toEqual(['x', 'y']);
  });

  it('yields a last event that lacks its blank line', async () => {
    expect(await dataOf('data: a\n\ndata: b')).toEqual(['a', 'b']);
  });
});
