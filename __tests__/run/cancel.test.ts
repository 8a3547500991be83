import { cancellationOnSignals } from '../../src/run/cancel.js';
import { silentLog } from './harness.js';

describe('cancellationOnSignals', () => {
  it('aborts on the first SIGTERM and ignores a second one', () => {
    const exits: number[] = [];
    const log = silentLog();
    const cancellation = cancellationOnSignals({ log, exit: (code) => exits.push(code) });
    try {
      expect(cancellation.signal.aborted).toBe(false);
      process.emit('SIGTERM', 'SIGTERM');
      expect(cancellation.signal.aborted).toBe(true);
      expect((cancellation.signal.reason as Error).message).toBe('the run was cancelled by SIGTERM');
      process.emit('SIGTERM', 'SIGTERM');
      expect(exits).toEqual([]);
      expect(log.lines[0]).toMatch(/^received SIGTERM: cancelling the run/);
    } finally {
      cancellation.dispose();
    }
  });

  it('exits at once on a second SIGINT', () => {
    const exits: number[] = [];
    const cancellation = cancellationOnSignals({ exit: (code) => exits.push(code) });
    try {
      process.emit('SIGINT', 'SIGINT');
      expect(exits).toEqual([]);
      process.emit('SIGINT', 'SIGINT');
      expect(exits).toEqual([130]);
    } finally {
      cancellation.dispose();
    }
  });

  it('stops listening once disposed', () => {
    const before = { int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM') };
    const cancellation = cancellationOnSignals();
    expect(process.listenerCount('SIGINT')).toBe(before.int + 1);
    expect(process.listenerCount('SIGTERM')).toBe(before.term + 1);
    cancellation.dispose();
    expect(process.listenerCount('SIGINT')).toBe(before.int);
    expect(process.listenerCount('SIGTERM')).toBe(before.term);
  });
});
