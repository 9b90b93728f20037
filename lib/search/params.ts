/**
 * The positional parameters of one SQL statement. Every fragment builder (filters, ranking) registers
 * the values it needs and writes only the returned placeholder, so user input never enters SQL text.
 */
export class Params {
  readonly values: unknown[] = [];
  /** Registers a value and returns its placeholder (`$1`, `$2`, …). */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
