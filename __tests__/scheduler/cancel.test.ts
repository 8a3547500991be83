import { cancellationOnSignals } from '../../src/scheduler/cancel.js';
import { stoppedUrgently } from '../../src/util/urgent-stop.js';
import { silentLog } from './harness.js';

describe('cancellationOnSignals', () => {
  it('stops the run on the first signal and ends the collection on a second of either kind', () => {
    const exits: number[] = [];
    const log = silentLog();
    const cancellation = cancellationOnSignals({ log, exit: (code) => exits.push(code) });
    try {
      expect(cancellation.signal.aborted).toBe(false);
      process.emit('SIGINT', 'SIGINT');
      expect(cancellation.signal.aborted).toBe(true);
      expect(cancellation.collection.aborted).toBe(false);
      expect((cancellation.signal.reason as Error).message).toBe('the run was cancelled by SIGINT');
      process.emit('SIGTERM', 'SIGTERM');
      expect(cancellation.collection.aborted).toBe(true);
      expect(exits).toEqual([]);
      expect((cancellation.collection.reason as Error).message).toBe('the evidence collection was ended by SIGTERM');
      expect(log.lines).toEqual([
        'received SIGINT: cancelling the run; the report is written now, then the evidence is collected (a second signal ends the collection)',
        'received SIGTERM again: ending the evidence collection; uploading what was collected',
      ]);
    } finally {
      cancellation.dispose();
    }
  });

  it('marks the stop urgent for a caller that will be killed in seconds', () => {
    const cancellation = cancellationOnSignals({ urgent: true });
    try {
      process.emit('SIGTERM', 'SIGTERM');
      expect(stoppedUrgently(cancellation.signal)).toBe(true);
      process.emit('SIGTERM', 'SIGTERM');
      expect(stoppedUrgently(cancellation.collection)).toBe(true);
    } finally {
      cancellation.dispose();
    }
    const local = cancellationOnSignals();
    try {
      process.emit('SIGINT', 'SIGINT');
      expect(stoppedUrgently(local.signal)).toBe(false);
    } finally {
      local.dispose();
    }
  });

  it('exits at once on a third SIGINT, not on a third SIGTERM', () => {
    const exits: number[] = [];
    const log = silentLog();
    const cancellation = cancellationOnSignals({ log, exit: (code) => exits.push(code) });
    try {
      process.emit('SIGINT', 'SIGINT');
      process.emit('SIGINT', 'SIGINT');
      process.emit('SIGTERM', 'SIGTERM');
      expect(exits).toEqual([]);
      expect(log.lines).toHaveLength(2);
      process.emit('SIGINT', 'SIGINT');
      expect(exits).toEqual([130]);
      expect(log.lines[2]).toBe('received SIGINT a third time: exiting without uploading');
    } finally {
      cancellation.dispose();
    }
    const unlogged = cancellationOnSignals({ exit: (code) => exits.push(code) });
    try {
      for (let i = 0; i < 3; i += 1) process.emit('SIGINT', 'SIGINT');
      expect(exits).toEqual([130, 130]);
    } finally {
      unlogged.dispose();
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
