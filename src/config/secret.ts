import { inspect } from 'node:util';

const REDACTED = '***';

/**
 * A value that must never be printed or serialised: JSON, string conversion and util.inspect all
 * show '***'. Code that really needs the value (e.g. to log in to a registry) calls reveal().
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toJSON(): string {
    return REDACTED;
  }

  toString(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `Secret(${REDACTED})`;
  }
}
