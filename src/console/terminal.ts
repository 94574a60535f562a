// The console's terminal: node's readline, with line editing and history when stdin is a terminal. Output
// that arrives while the prompt waits (quiz reveals, sandbox progress) is printed above the prompt, which is
// then drawn again with what the person had typed so far.
import { clearLine, createInterface, cursorTo, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export interface TerminalOptions {
  input: Readable;
  output: Writable;
  /** A person at a terminal: prompt, line editing, history. Off for piped input (nothing is echoed). */
  interactive: boolean;
  /** Ctrl+C at the prompt (readline takes the key in terminal mode); default: end the input. */
  onInterrupt?: () => void;
}

export const PROMPT = '> ';
const HISTORY_SIZE = 500;

export class Terminal {
  private readonly rl: Interface;
  /** True while the prompt is shown and waits for a line. */
  private waiting = false;

  constructor(private readonly opts: TerminalOptions) {
    this.rl = createInterface({
      input: opts.input,
      output: opts.interactive ? opts.output : undefined,
      terminal: opts.interactive,
      historySize: HISTORY_SIZE,
      removeHistoryDuplicates: true,
      prompt: PROMPT,
    });
    if (opts.interactive) this.rl.on('SIGINT', () => (opts.onInterrupt ? opts.onInterrupt() : this.rl.close()));
  }

  /** Writes text as it comes (a streamed answer grows on one line); above the prompt when the prompt waits. */
  write(text: string): void {
    if (!this.waiting) {
      this.opts.output.write(text);
      return;
    }
    clearLine(this.opts.output, 0);
    cursorTo(this.opts.output, 0);
    this.opts.output.write(text.endsWith('\n') ? text : `${text}\n`);
    this.rl.prompt(true);
  }

  print(text: string): void {
    this.write(`${text}\n`);
  }

  /** The lines typed, one at a time, with the prompt shown before each. */
  async *lines(): AsyncGenerator<string> {
    const typed = this.rl[Symbol.asyncIterator]();
    for (;;) {
      if (this.opts.interactive) {
        this.waiting = true;
        this.rl.prompt();
      }
      const next = await typed.next();
      this.waiting = false;
      if (next.done) return;
      yield next.value;
    }
  }

  close(): void {
    this.waiting = false;
    this.rl.close();
  }
}
