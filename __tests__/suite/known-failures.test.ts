import type { KnownFailure } from '../../src/config/index.js';
import { excused, judgeKnownFailures, today } from '../../src/suite/known-failures.js';
import { specsOf } from './helpers.js';

const NOW = new Date('2026-06-01T23:30:00Z');
const DS_HEALTH = 'Health Endpoints E2E Dependency health - BR-AI-025 should report Data Storage healthy';
const LIVENESS = 'Health Endpoints E2E Liveness probe (/healthz) - BR-AI-025 should return 200 OK when controller is alive';
const METRICS = 'Metrics Endpoint E2E Reconciliation metrics - BR-AI-022 should expose aianalysis_reconciler_reconciliations_total';
const STAGING = 'Full User Journey E2E Staging incident analysis - auto-approve should auto-approve for staging environment';

const entry = (spec: string, expires: string): KnownFailure => ({ spec, owner: '@kubernaut/datastorage', reason: 'DS health check deferred', expires });

describe('judgeKnownFailures', () => {
  const specs = specsOf('ginkgo-mixed.xml');

  it('a failing spec before or on its expiry date is allowed', () => {
    for (const expires of ['2026-12-31', '2026-06-01']) {
      const [result] = judgeKnownFailures([entry(DS_HEALTH, expires)], specs, NOW);
      expect(result).toMatchObject({ status: 'failing', expired: false, failsJob: false, index: 0 });
      expect(result?.problem).toBeUndefined();
    }
  });

  it('an expired entry fails the job again, naming the spec, the owner and what to do', () => {
    const [result] = judgeKnownFailures([entry(LIVENESS, '2027-01-01'), entry(DS_HEALTH, '2026-05-31')], specs, NOW).slice(1);
    expect(result).toMatchObject({ status: 'failing', expired: true, failsJob: true, index: 1 });
    expect(result?.problem).toBe(
      `known failure '${DS_HEALTH}' (owner @kubernaut/datastorage) expired on 2026-05-31 and still fails: ` +
        '@kubernaut/datastorage must fix the spec, or agree to a later date in suite.knownFailures[1].expires',
    );
  });

  it('a known failure that passes fails the job, so the list cannot rot', () => {
    const [result] = judgeKnownFailures([entry(`[It] ${LIVENESS} [e2e, health]`, '2027-01-01')], specs, NOW);
    expect(result).toMatchObject({ status: 'passing', failsJob: true });
    expect(result?.problem).toBe(
      `known failure '[It] ${LIVENESS} [e2e, health]' (owner @kubernaut/datastorage) passes now: ` +
        'remove suite.knownFailures[0], so that a new failure of this spec fails the job',
    );
  });

  it('a flaky pass, a skipped spec and a spec missing from the run do not fail the job, expired or not', () => {
    const results = judgeKnownFailures(
      [entry(METRICS, '2020-01-01'), entry(STAGING, '2020-01-01'), entry('A spec that was renamed', '2027-01-01')],
      specs,
      NOW,
    );
    expect(results.map((result) => [result.status, result.expired, result.failsJob])).toEqual([
      ['flaky', true, false],
      ['not run', true, false],
      ['not run', false, false],
    ]);
  });

  it('excuses only failures named by an entry that has not expired', () => {
    const failed = specs.filter((spec) => spec.status === 'failed');
    const valid = judgeKnownFailures([entry(`${DS_HEALTH} [e2e, health]`, '2026-12-31')], specs, NOW);
    const expired = judgeKnownFailures([entry(DS_HEALTH, '2026-01-01')], specs, NOW);
    expect(failed.filter((spec) => excused(spec, valid)).map((spec) => spec.title)).toEqual([`${DS_HEALTH} [e2e, health]`]);
    expect(failed.filter((spec) => excused(spec, expired))).toEqual([]);
  });

  it('compares dates in UTC', () => {
    expect(today(new Date('2026-06-01T23:59:59-05:00'))).toBe('2026-06-02');
  });
});
