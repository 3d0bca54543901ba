/**
 * The `data` of each server-sent event in a response body (the WHATWG event-stream format): `data:` lines
 * joined with newlines, an event ending at a blank line; comments, `event:`, `id:` and `retry:` are skipped.
 */
export async function* sseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  const lineOf = (line: string): string | undefined => {
    if (line === '') {
      const event = data.length > 0 ? data.join('\n') : undefined;
      data = [];
      return event;
    }
    if (line.startsWith('data:')) data.push(line.slice(line[5] === ' ' ? 6 : 5));
    return undefined;
  };
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
      const event = lineOf(line);
      if (event !== undefined) yield event;
    }
  }
  buffer += decoder.decode();
  // A stream may end without the final blank line.
  for (const line of [...buffer.split(/\r\n|\r|\n/), '']) {
    const event = lineOf(line);
    if (event !== undefined) yield event;
  }
}
