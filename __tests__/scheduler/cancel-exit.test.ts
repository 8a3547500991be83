import { jest } from '@jest/globals';
import { cancellationOnSignals } from '../../src/scheduler/cancel.js';

describe('cancellationOnSignals without an exit of its own', () => {
  it('ends the process with 130 on a third SIGINT', () => {
    // The test runner must live on: the real process.exit is watched, not called.
    const exit = jest.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    const cancellation = cancellationOnSignals();
    try {
      process.emit('SIGINT', 'SIGINT');
      process.emit('SIGINT', 'SIGINT');
      expect(exit).not.toHaveBeenCalled();
      process.emit('SIGINT', 'SIGINT');
      expect(exit.mock.calls).toEqual([[130]]);
    } finally {
      cancellation.dispose();
      exit.mockRestore();
    }
  });
});
