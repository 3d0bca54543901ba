import type { CitationRef } from '../citations.ts';
import { isFinal, type ChatEventBody, type ChatEventRecord, type ReplyEventLog } from '../event-log/index.ts';

/**
 * The single writer of one reply's stream: numbers events from 1 without gaps, appends them in order, and
 * keeps the text and citations written so far. After the final event it ignores everything (a synthesizer
 * that goes on after a cancel writes nothing).
 *
 * Text written while the log is still busy with earlier events joins the TOKEN waiting to be appended
 * instead of becoming an event of its own: a reader gets the same text, as soon as the log can take it, in
 * far fewer events (each costs a log write, and a resolution and a socket frame at the chat service, the
 * gateway and the client). The first TOKEN is never held back: it waits only for the events before it.
 */
export class ReplyWriter {
  private seq = 0;
  private pending: Promise<void> = Promise.resolve();
  private failure: unknown;
  private finished = false;
  private text = '';
  private readonly cited: CitationRef[] = [];
  /** The last event queued and not yet handed to the log; text may still join it while it is a TOKEN. */
  private waiting: { delta: string } | undefined;

  constructor(
    private readonly log: ReplyEventLog,
    readonly messageId: string,
  ) {}

  get content(): string {
    return this.text;
  }

  get citations(): readonly CitationRef[] {
    return this.cited;
  }

  get closed(): boolean {
    return this.finished;
  }

  /** Appends the text and streams it as a TOKEN. */
  token(delta: string): void {
    if (this.finished || delta === '') return;
    this.text += delta;
    if (this.waiting) this.waiting.delta += delta;
    else this.emit({ type: 'TOKEN', delta });
  }

  /** Records and streams a citation, once per entity. */
  cite(citation: CitationRef): void {
    if (this.finished) return;
    if (this.cited.some((c) => c.typename === citation.typename && c.id === citation.id)) return;
    this.cited.push(citation);
    this.emit({ type: 'CITATION', citation });
  }

  /** Queues an event; appends happen one at a time, in `seq` order. */
  emit(body: ChatEventBody): void {
    if (this.finished) return;
    if (isFinal(body)) this.finished = true;
    const event = { ...body, seq: ++this.seq } as ChatEventRecord;
    this.waiting = event.type === 'TOKEN' ? (event as { delta: string }) : undefined;
    this.pending = this.pending.then(() => {
      // From here on the event is the log's: later text starts a new TOKEN.
      if (this.waiting === event) this.waiting = undefined;
      return this.failure === undefined
        ? this.log.append(this.messageId, event).catch((error: unknown) => {
            this.failure = error;
          })
        : undefined;
    });
  }

  /** Resolves once every queued event is in the log; rejects with the first append that failed. */
  async flush(): Promise<void> {
    await this.pending;
    if (this.failure !== undefined) throw this.failure;
  }
}
