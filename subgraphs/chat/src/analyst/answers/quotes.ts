/** Quotes memories in an answer, each with its source, and cites them. */
import type { AnswerWriter } from '../writer.ts';

export interface Quote {
  readonly id: string;
  readonly text: string;
  readonly source: string | null;
}

export function writeQuotes(writer: AnswerWriter, quotes: readonly Quote[]): void {
  for (const quote of quotes) {
    writer.write(`> ${quote.text}\n`);
    writer.write(quote.source ? `> — *${quote.source}*\n\n` : '\n');
    writer.cite('Memory', quote.id);
  }
}
