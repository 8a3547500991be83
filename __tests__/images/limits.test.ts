import { imageLimits } from '../../src/images/limits.js';

const RUNNER = { totalMemoryMiB: 16_384, cpus: 4 }; // a GitHub-hosted Linux runner
const SMALL = { totalMemoryMiB: 7_168, cpus: 2 }; // the 7 GB machine of the first Podman crash

describe('imageLimits', () => {
  it('auto: the memory the machine can spare, so kubernaut\'s three builds (2 + 6 + 2 GiB) fit together on a runner', () => {
    const limits = imageLimits({ concurrency: 'auto', memoryBudgetMiB: 'auto' }, RUNNER);
    expect(limits.memoryBudgetMiB).toBe(12_288);
    expect(limits.memoryBudgetMiB).toBeGreaterThanOrEqual(2048 + 6144 + 2048);
    expect(limits.concurrency).toBeGreaterThanOrEqual(3);
  });

  it('auto on a small machine: the big build cannot run beside the others', () => {
    const limits = imageLimits({ concurrency: 'auto', memoryBudgetMiB: 'auto' }, SMALL);
    expect(limits.memoryBudgetMiB).toBe(5_120);
    expect(limits.memoryBudgetMiB).toBeLessThan(6144 + 2048);
  });

  it('a build-concurrency number is a plain limit, without a memory budget', () => {
    expect(imageLimits({ concurrency: 1, memoryBudgetMiB: 'auto' }, RUNNER)).toEqual({ concurrency: 1 });
  });

  it('an explicit memory budget is kept as given', () => {
    expect(imageLimits({ concurrency: 3, memoryBudgetMiB: 4096 }, RUNNER)).toEqual({ concurrency: 3, memoryBudgetMiB: 4096 });
    expect(imageLimits({ concurrency: 'auto', memoryBudgetMiB: 4096 }, SMALL).memoryBudgetMiB).toBe(4096);
  });

  it('never gives a machine with little memory a budget below what one small build needs', () => {
    expect(imageLimits({ concurrency: 'auto', memoryBudgetMiB: 'auto' }, { totalMemoryMiB: 1024, cpus: 1 })).toEqual({
      concurrency: 2,
      memoryBudgetMiB: 512,
    });
  });
});
