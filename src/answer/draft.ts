// The answer being written, and what it has said so far.
import { Said, type Forms } from './novelty.js';

/** A held part's citation (" [n]") and the space before it. */
const CITED_EXTRA = 5;

/** The answer being written: its parts, what it has said, and its length against the budget. */
export class Draft {
  readonly parts: string[] = [];
  readonly said = new Said();
  length = 0;
  constructor(readonly maxChars: number) {}
  add(text: string, forms: Forms): void {
    this.parts.push(text);
    this.said.add(forms, text);
    this.length += text.length + 1;
  }
  /**
   * Counts a part placed later (supporting sentences go in passage order once chosen): what it says, and its length
   * with its citation (" [n]") and a space.
   */
  hold(text: string, forms: Forms): void {
    this.said.add(forms, text);
    this.length += text.length + CITED_EXTRA;
  }
  /** Places a part that `hold` has counted. */
  place(part: string): void {
    this.parts.push(part);
  }
  /** Whether this many more characters fit the budget. */
  fits(extra: number): boolean {
    return this.length + extra <= this.maxChars;
  }
  get text(): string {
    return this.parts.join(' ');
  }
}
