// The toolkit's clients (@actions/tool-cache and the others) print their debug lines on stdout as
// `::debug::` workflow commands, which the runner hides unless asked. A terminal has no runner to
// hide them, so the local command hands them to its log as debug lines (shown with --verbose).
import type { Log } from '../util/log.js';

const DEBUG_COMMAND = '::debug::';

/** Undoes the escaping @actions/core applies to a command's message. */
function unescapeCommandData(data: string): string {
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/** Routes the toolkit's `::debug::` lines written to `stream` into `log.debug`; returns the undo. */
export function routeToolkitDebug(log: Log, stream: NodeJS.WriteStream = process.stdout): () => void {
  const write = stream.write;
  // @actions/core writes each command whole, in one call, ending in a newline.
  stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    if (typeof chunk === 'string' && chunk.startsWith(DEBUG_COMMAND)) {
      log.debug(unescapeCommandData(chunk.slice(DEBUG_COMMAND.length).trimEnd()));
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }
    return write.call(this, chunk as string, ...(rest as [BufferEncoding, () => void]));
  } as NodeJS.WriteStream['write'];
  return () => {
    stream.write = write;
  };
}
