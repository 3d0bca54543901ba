/**
 * Writes an answer to the pipeline's sink: text as TOKEN events of a word or so each, so it arrives
 * progressively, and each cited entity once. Once the request is aborted it writes nothing more.
 */
import type { AnswerSink } from '../pipeline/answer-contract.ts';
import type { CitationType } from '../citations.ts';
import { cell } from './format.ts';

export class AnswerWriter {
  readonly #cited = new Set<string>();
  #written = 0;

  constructor(
    private readonly sink: AnswerSink,
    private readonly signal: AbortSignal,
  ) {}

  get aborted(): boolean {
    return this.signal.aborted;
  }

  /** Characters written so far. */
  get length(): number {
    return this.#written;
  }

  write(text: string): void {
    for (const piece of text.match(/\s*\S+\s*|\s+/g) ?? []) {
      if (this.signal.aborted) return;
      this.#written += piece.length;
      this.sink({ type: 'TOKEN', delta: piece });
    }
  }

  /** A paragraph: the text and a blank line. */
  paragraph(text: string): void {
    this.write(`${text}\n\n`);
  }

  /** A markdown table; each row is written as one piece so a table never arrives half a cell at a time. */
  table(headers: readonly string[], rows: readonly (readonly string[])[]): void {
    const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |\n`;
    const lines = [line(headers), line(headers.map(() => '---')), ...rows.map(line)];
    for (const text of lines) {
      if (this.signal.aborted) return;
      this.#written += text.length;
      this.sink({ type: 'TOKEN', delta: text });
    }
    this.write('\n');
  }

  cite(typename: CitationType, id: string): void {
    const key = `${typename}:${id}`;
    if (this.signal.aborted || this.#cited.has(key)) return;
    this.#cited.add(key);
    this.sink({ type: 'CITATION', citation: { typename, id } });
  }

  /** Lets other work run between pieces (the event log writes, other replies stream). */
  async yield(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
