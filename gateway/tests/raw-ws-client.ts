import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/**
 * A WebSocket client written frame by frame over TCP, for what a well-behaved client library never does:
 * keep sending after the server has started to close (a hostile or slow client). Text frames only.
 */
export interface RawWebSocket {
  /** Sends one masked text frame, whatever the server has said. */
  send(text: string): void;
  /** Resolves with the close code once the server's close frame has arrived. */
  readonly closed: Promise<number>;
  /** The text frames received so far. */
  readonly messages: string[];
  destroy(): void;
}

function textFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = randomBytes(4);
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x81, 0x80 | length])
      : Buffer.from([0x81, 0x80 | 126, length >> 8, length & 0xff]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([header, mask, masked]);
}

export async function openRawWebSocket(httpUrl: string, protocol: string): Promise<RawWebSocket> {
  const url = new URL(httpUrl);
  const socket: Socket = connect(Number(url.port), url.hostname);
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(
    `GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n` +
      `Sec-WebSocket-Protocol: ${protocol}\r\n\r\n`,
  );
  const messages: string[] = [];
  let onClose: (code: number) => void = () => {};
  const closed = new Promise<number>((resolve) => (onClose = resolve));
  let buffer = Buffer.alloc(0);
  let upgraded = false;
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    if (!upgraded) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      upgraded = true;
      buffer = buffer.subarray(end + 4);
    }
    // Server frames are unmasked; lengths up to 64 KiB are all this client expects.
    while (buffer.length >= 2) {
      const opcode = buffer[0]! & 0x0f;
      let length = buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) return;
        length = buffer.readUInt16BE(2);
        offset = 4;
      }
      if (buffer.length < offset + length) return;
      const payload = buffer.subarray(offset, offset + length);
      buffer = buffer.subarray(offset + length);
      if (opcode === 0x1) messages.push(payload.toString('utf8'));
      if (opcode === 0x8) onClose(payload.length >= 2 ? payload.readUInt16BE(0) : 1005);
    }
  });
  return {
    send: (text) => void socket.write(textFrame(text)),
    closed,
    messages,
    destroy: () => socket.destroy(),
  };
}
