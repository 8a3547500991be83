/**
 * The logging seam of the engine: one `Log` interface, rendered either as GitHub Actions
 * workflow commands or as plain lines for a terminal.
 *
 * Several tasks may log at once, but a GitHub log group is a single, non-nesting region of the
 * output. So a group is a shared resource: the first log to open one while none is open gets a
 * real collapsible group; everyone else renders groups as `▶ title` / `◀ title (duration)` lines.
 * A task log (`log.task(name)`) prefixes its lines with `[name] ` except inside a real group it
 * owns, so interleaved lines stay attributable.
 *
 * Every line goes through `redact` before it reaches the sink.
 */
import * as core from '@actions/core';
import { randomUUID } from 'node:crypto';
import { formatDuration } from './duration.js';
import { onSecretRegistered, redact } from './secrets.js';

export { redact, registerSecret } from './secrets.js';

/** Where an annotation points; rendered as GitHub annotation properties or a console location. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
}

export interface Log {
  info(message: string): void;
  /** Hidden unless the host shows debug output (runner debug logging, `consoleLog` debug option). */
  debug(message: string): void;
  notice(message: string, properties?: AnnotationProperties): void;
  warning(message: string, properties?: AnnotationProperties): void;
  error(message: string, properties?: AnnotationProperties): void;
  /** Runs `fn` with its output grouped under `title`; the group is closed however `fn` ends. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /** A log for one of several concurrent tasks (see the module comment). */
  task(name: string): Log;
}

/** Receives complete lines, each ending in `\n` (a stream such as process.stdout, or a test fake). */
export interface LogSink {
  write(text: string): unknown;
}

type AnnotationLevel = 'notice' | 'warning' | 'error';

/** How one host renders each kind of output; every method returns the lines to write. */
interface Format {
  info(text: string): string[];
  debug(text: string): string[];
  annotation(level: AnnotationLevel, text: string, properties: AnnotationProperties): string[];
  openGroup(title: string): string[];
  closeGroup(title: string, durationMs: number): string[];
}

function groupHeader(title: string): string {
  return `▶ ${title}`;
}

function groupFooter(title: string, durationMs: number): string {
  return `◀ ${title} (${formatDuration(durationMs)})`;
}

/** The output shared by a root log and all its task logs. */
class Channel {
  /** The log holding the one real group, if any. */
  groupOwner: ChannelLog | undefined;

  constructor(
    private readonly sink: LogSink,
    readonly format: Format,
  ) {}

  emit(lines: string[]): void {
    if (lines.length > 0) this.sink.write(lines.map((line) => `${line}\n`).join(''));
  }
}

class ChannelLog implements Log {
  constructor(
    private readonly channel: Channel,
    private readonly name?: string,
  ) {}

  info(message: string): void {
    this.channel.emit(this.channel.format.info(this.attribute(redact(message))));
  }

  debug(message: string): void {
    this.channel.emit(this.channel.format.debug(this.attribute(redact(message))));
  }

  notice(message: string, properties: AnnotationProperties = {}): void {
    this.annotate('notice', message, properties);
  }

  warning(message: string, properties: AnnotationProperties = {}): void {
    this.annotate('warning', message, properties);
  }

  error(message: string, properties: AnnotationProperties = {}): void {
    this.annotate('error', message, properties);
  }

  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    const shownTitle = redact(title);
    const startedAt = Date.now();
    const real = this.channel.groupOwner === undefined;
    if (real) {
      this.channel.groupOwner = this;
      this.channel.emit(this.channel.format.openGroup(shownTitle));
    } else {
      this.info(groupHeader(shownTitle));
    }
    try {
      return await fn();
    } finally {
      const durationMs = Date.now() - startedAt;
      if (real) {
        this.channel.emit(this.channel.format.closeGroup(shownTitle, durationMs));
        this.channel.groupOwner = undefined;
      } else {
        this.info(groupFooter(shownTitle, durationMs));
      }
    }
  }

  task(name: string): Log {
    return new ChannelLog(this.channel, this.name === undefined ? name : `${this.name}/${name}`);
  }

  private annotate(level: AnnotationLevel, message: string, properties: AnnotationProperties): void {
    const shown: AnnotationProperties = {
      ...properties,
      title: properties.title === undefined ? undefined : redact(properties.title),
      file: properties.file === undefined ? undefined : redact(properties.file),
    };
    this.channel.emit(this.channel.format.annotation(level, this.attribute(redact(message)), shown));
  }

  /** Prefixes every line with the task name unless this log owns the real group. */
  private attribute(text: string): string {
    if (this.name === undefined || this.channel.groupOwner === this) return text;
    return text
      .split('\n')
      .map((line) => `[${this.name}] ${line}`)
      .join('\n');
  }
}

// Workflow-command escaping, as the runner expects it (same rules as @actions/core).
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function workflowCommand(name: string, properties: Record<string, string | undefined>, message: string): string {
  const rendered = Object.entries(properties)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${name}${rendered ? ` ${rendered}` : ''}::${escapeData(message)}`;
}

/**
 * A plain line that looks like a workflow command (a tool printing `::error::` or `::endgroup::`)
 * would be executed by the runner; it is printed between stop-commands markers instead.
 */
function inertLines(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    if (!line.trimStart().startsWith('::')) return [line];
    const token = randomUUID();
    return [`::stop-commands::${token}`, line, `::${token}::`];
  });
}

const actionsFormat: Format = {
  info: inertLines,
  debug: (text) => [workflowCommand('debug', {}, text)],
  annotation: (level, text, { title, file, startLine }) => [
    workflowCommand(level, { title, file, line: startLine === undefined ? undefined : String(startLine) }, text),
  ],
  openGroup: (title) => [workflowCommand('group', {}, title)],
  closeGroup: () => ['::endgroup::'],
};

function consoleFormat(showDebug: boolean): Format {
  const lines = (text: string) => text.split('\n');
  return {
    info: lines,
    debug: (text) => (showDebug ? lines(`debug: ${text}`) : []),
    annotation: (level, text, { title, file, startLine }) => {
      const location = file === undefined ? '' : `${file}${startLine === undefined ? '' : `:${startLine}`}: `;
      return lines(`${level}: ${location}${title === undefined ? '' : `${title}: `}${text}`);
    },
    openGroup: (title) => [groupHeader(title)],
    closeGroup: (title, durationMs) => [groupFooter(title, durationMs)],
  };
}

/**
 * The log of the GitHub Action. `sink` receives exactly what the runner reads from stdout.
 * Every registered secret (earlier or later) is also handed to `maskSecret`, by default
 * `core.setSecret`, so the runner masks it in output this process does not print itself.
 * Create it once per process: each call subscribes to the secret registry for good.
 */
export function actionsLog(sink: LogSink = process.stdout, maskSecret: (secret: string) => void = core.setSecret): Log {
  onSecretRegistered(maskSecret);
  return new ChannelLog(new Channel(sink, actionsFormat));
}

/** The log of the local command: plain lines, `warning:`/`error:` prefixes, debug lines on request. */
export function consoleLog(stream: LogSink = process.stdout, options: { debug?: boolean } = {}): Log {
  return new ChannelLog(new Channel(stream, consoleFormat(options.debug ?? false)));
}
