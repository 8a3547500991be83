import { until } from '../../src/kube/until.js';

test('returns the first value the check produces', async () => {
  let calls = 0;
  const value = await until(async () => (++calls === 3 ? 'done' : undefined), { timeoutMs: 10_000, pollIntervalMs: 1 });
  expect(value).toBe('done');
  expect(calls).toBe(3);
});

test('a wake-up triggers a check without waiting for the poll interval', async () => {
  let wake: () => void = () => undefined;
  let calls = 0;
  let stops = 0;
  const result = until(async () => (++calls === 2 ? calls : undefined), {
    timeoutMs: 60_000, pollIntervalMs: 60_000,
    wakeUps: (w) => {
      wake = w;
      return () => stops++;
    },
  });
  await new Promise((r) => setImmediate(r));
  wake();
  // Would hang (and the test time out) if only the 60 s poll could trigger the second check.
  await expect(result).resolves.toBe(2);
  expect(stops).toBe(1);
});

test('returns undefined once the time is up, after a last check', async () => {
  let calls = 0;
  await expect(until(async () => {
    calls++;
    return undefined;
  }, { timeoutMs: 30, pollIntervalMs: 10 })).resolves.toBeUndefined();
  expect(calls).toBeGreaterThan(1);
});

test('rejects with the reason when cancelled', async () => {
  const controller = new AbortController();
  const result = until(async () => undefined, { timeoutMs: 60_000, pollIntervalMs: 60_000, signal: controller.signal });
  controller.abort(new Error('run cancelled'));
  await expect(result).rejects.toThrow('run cancelled');
});
