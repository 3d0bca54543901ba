/**
 * The model's text on its way to the reply, checked figure by figure against the evidence of this reply
 * (its tool results, the memories it was given and the question). Text is released at word boundaries,
 * so a figure is checked whole; a figure no evidence supports is withheld in place, and counted at the end
 * (never repeated).
 * Streaming goes on: an executive sees the answer arrive, never an invented number.
 */
import type { AnswerSink } from '../pipeline/answer-contract.ts';
import { inventedFigures, type Evidence } from '../pipeline/grounding.ts';

export const WITHHELD = '[figure withheld: no tool returned it]';

export class GroundedStream {
  #pending = '';
  readonly #withheld: string[] = [];
  #text = '';

  constructor(
    private readonly sink: AnswerSink,
    private readonly evidence: () => Evidence,
  ) {}

  /** What the reply has been given so far. */
  get text(): string {
    return this.#text;
  }

  /** The figures withheld so far, as the model wrote them. */
  get withheld(): readonly string[] {
    return this.#withheld;
  }

  push(delta: string): void {
    this.#pending += delta;
    // Up to the last whitespace: a figure never straddles what is released and what waits.
    const cut = this.#pending.search(/\s(?=\S*$)/);
    if (cut < 0) return;
    this.#release(this.#pending.slice(0, cut + 1));
    this.#pending = this.#pending.slice(cut + 1);
  }

  /** Releases what is left and, when figures were withheld, says so. */
  end(): void {
    if (this.#pending !== '') this.#release(this.#pending);
    this.#pending = '';
    if (this.#withheld.length > 0) {
      this.#emit(
        `\n\n*Sophia withheld ${this.#withheld.length === 1 ? 'a figure' : `${this.#withheld.length} figures`} ` +
          `the model gave: no tool result of this reply contains ` +
          `${this.#withheld.length === 1 ? 'it' : 'them'}.*`,
      );
    }
  }

  #release(text: string): void {
    let checked = text;
    for (const figure of inventedFigures(text, this.evidence())) {
      this.#withheld.push(figure.text);
      checked = checked.replace(figure.text, WITHHELD);
    }
    this.#emit(checked);
  }

  #emit(text: string): void {
    if (text === '') return;
    this.#text += text;
    this.sink({ type: 'TOKEN', delta: text });
  }
}
