import { pushDecision } from '../../src/images/push-policy.js';

function event(head: string | null, base = 'kubernaut/kubernaut'): string {
  return JSON.stringify({
    pull_request: { head: { repo: head === null ? null : { full_name: head } }, base: { repo: { full_name: base } } },
  });
}

const reader = (text: string) => async (file: string) => {
  if (file !== '/github/event.json') throw new Error(`ENOENT: ${file}`);
  return text;
};

const PR = { eventName: 'pull_request', eventPath: '/github/event.json' };

describe('pushDecision', () => {
  it('does not push when pushing is off', async () => {
    expect(await pushDecision(false, PR, reader(event('kubernaut/kubernaut')))).toEqual({ allowed: false });
  });

  it('pushes outside pull requests', async () => {
    expect(await pushDecision(true, { eventName: 'push' })).toEqual({ allowed: true });
    expect(await pushDecision(true, {})).toEqual({ allowed: true });
  });

  it('pushes for a pull request from a branch of the same repository', async () => {
    expect(await pushDecision(true, PR, reader(event('kubernaut/kubernaut')))).toEqual({ allowed: true });
  });

  it('refuses a pull request from a fork with a notice naming the fork', async () => {
    const decision = await pushDecision(true, PR, reader(event('someone/kubernaut')));
    expect(decision.allowed).toBe(false);
    expect(decision.notice).toMatch(/fork someone\/kubernaut/);
  });

  it('refuses pull_request_target from a fork too', async () => {
    const decision = await pushDecision(true, { ...PR, eventName: 'pull_request_target' }, reader(event('someone/kubernaut')));
    expect(decision.allowed).toBe(false);
  });

  it('refuses when the fork was deleted (no head repository)', async () => {
    expect((await pushDecision(true, PR, reader(event(null)))).allowed).toBe(false);
  });

  it('refuses, saying why, when the event payload cannot be read', async () => {
    const decision = await pushDecision(true, { eventName: 'pull_request', eventPath: '/elsewhere.json' }, reader(''));
    expect(decision).toMatchObject({ allowed: false, notice: expect.stringMatching(/GITHUB_EVENT_PATH.*ENOENT/) });
  });
});
