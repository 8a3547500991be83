import { actionsLog, consoleLog, redact, registerSecret, type LogSink } from '../../src/util/log.js';

/** A sink that records printed lines; every write must consist of whole lines. */
function recorder(): LogSink & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    write(text: string) {
      expect(text.endsWith('\n')).toBe(true);
      lines.push(...text.slice(0, -1).split('\n'));
    },
  };
}

function latch(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const noMask = () => {};

describe('consoleLog', () => {
  it('prints plain lines with level prefixes and locations', () => {
    const sink = recorder();
    const log = consoleLog(sink);
    log.info('hello\nworld');
    log.warning('slow pull', { title: 'Images', file: 'config.yaml', startLine: 7 });
    log.error('failed');
    log.notice('reused 3 images', { file: 'plan.json' });
    log.debug('not shown');
    expect(sink.lines).toEqual([
      'hello',
      'world',
      'warning: config.yaml:7: Images: slow pull',
      'error: failed',
      'notice: plan.json: reused 3 images',
    ]);
  });

  it('prints debug lines when asked to', () => {
    const sink = recorder();
    consoleLog(sink, { debug: true }).debug('details');
    expect(sink.lines).toEqual(['debug: details']);
  });

  it('renders a group as a header and an end line with its duration, even when it throws', async () => {
    const sink = recorder();
    const log = consoleLog(sink);
    await expect(
      log.group('Build', async () => {
        log.info('step');
        throw new Error('broken');
      }),
    ).rejects.toThrow('broken');
    expect(sink.lines[0]).toBe('▶ Build');
    expect(sink.lines[1]).toBe('step');
    expect(sink.lines[2]).toMatch(/^◀ Build \(\d+\.\ds\)$/);
    expect(sink.lines).toHaveLength(3);
  });
});

describe('actionsLog', () => {
  it('writes annotations, debug lines and groups as workflow commands', async () => {
    const sink = recorder();
    const log = actionsLog(sink, noMask);
    log.warning('50% done\nstill going', { title: 'a: b, c', file: 'x.yaml', startLine: 2 });
    log.error('plain');
    log.debug('trace');
    expect(await log.group('Deploy', async () => 42)).toBe(42);
    expect(sink.lines).toEqual([
      '::warning title=a%3A b%2C c,file=x.yaml,line=2::50%25 done%0Astill going',
      '::error::plain',
      '::debug::trace',
      '::group::Deploy',
      '::endgroup::',
    ]);
  });

  it('does not let printed text act as a workflow command', () => {
    const sink = recorder();
    actionsLog(sink, noMask).info('ok\n  ::error::injected');
    expect(sink.lines[0]).toBe('ok');
    const [stop, line, resume] = sink.lines.slice(1);
    const token = /^::stop-commands::(.+)$/.exec(stop)?.[1];
    expect(token).toBeDefined();
    expect(line).toBe('  ::error::injected');
    expect(resume).toBe(`::${token}::`);
  });

  it('gives one task a real group and prefixes the lines of the others', async () => {
    const sink = recorder();
    const log = actionsLog(sink, noMask);
    const [a, b] = [log.task('build-a'), log.task('build-b')];
    const aInside = latch();
    const bInside = latch();
    const releaseA = latch();
    const releaseB = latch();

    const groupA = a.group('Build A', async () => {
      a.info('a1');
      aInside.open();
      await releaseA.promise;
      a.warning('a2');
    });
    await aInside.promise;
    const groupB = b.group('Build B', async () => {
      b.info('b1');
      bInside.open();
      await releaseB.promise;
      b.info('b2');
    });
    await bInside.promise;
    releaseA.open();
    await groupA;
    b.info('between');
    releaseB.open();
    await groupB;
    // With no group open, the next group of b is a real one.
    await b.group('Push B', async () => b.info('pushed'));

    expect(sink.lines.slice(0, 5)).toEqual(['::group::Build A', 'a1', '[build-b] ▶ Build B', '[build-b] b1', '::warning::a2']);
    expect(sink.lines[5]).toBe('::endgroup::');
    expect(sink.lines.slice(6, 8)).toEqual(['[build-b] between', '[build-b] b2']);
    expect(sink.lines[8]).toMatch(/^\[build-b\] ◀ Build B \(\d+\.\ds\)$/);
    expect(sink.lines.slice(9)).toEqual(['::group::Push B', 'pushed', '::endgroup::']);
  });

  it('prefixes a task line outside any group, inside annotations too, and nests task names', () => {
    const sink = recorder();
    const task = actionsLog(sink, noMask).task('suite');
    task.info('starting');
    task.error('1 test failed', { file: 'a_test.go' });
    task.task('junit').info('parsed');
    expect(sink.lines).toEqual(['[suite] starting', '::error file=a_test.go::[suite] 1 test failed', '[suite/junit] parsed']);
  });

  it('renders a nested group inline because GitHub groups do not nest', async () => {
    const sink = recorder();
    const log = actionsLog(sink, noMask);
    await log.group('Outer', () => log.group('Inner', async () => log.info('x')));
    expect(sink.lines[0]).toBe('::group::Outer');
    expect(sink.lines[1]).toBe('▶ Inner');
    expect(sink.lines[2]).toBe('x');
    expect(sink.lines[3]).toMatch(/^◀ Inner /);
    expect(sink.lines[4]).toBe('::endgroup::');
  });

  it('tells the runner about secrets registered before and after it was created', () => {
    registerSecret('early-secret-1');
    const masked: string[] = [];
    actionsLog(recorder(), (secret) => masked.push(secret));
    registerSecret('late-secret-2');
    expect(masked.filter((secret) => secret === 'early-secret-1')).toHaveLength(1);
    expect(masked.filter((secret) => secret === 'late-secret-2')).toHaveLength(1);
  });
});

describe('secrets', () => {
  it('redacts every printed part: messages, annotation properties, group titles', async () => {
    registerSecret('hunter2-password');
    const sink = recorder();
    const log = actionsLog(sink, noMask).task('login');
    log.info('password is hunter2-password');
    log.warning('bad hunter2-password', { title: 'hunter2-password', file: '/tmp/hunter2-password' });
    await log.group('login with hunter2-password', async () => {});
    expect(sink.lines.join('\n')).not.toContain('hunter2-password');
    expect(sink.lines[0]).toBe('[login] password is ***');
    expect(sink.lines[1]).toBe('::warning title=***,file=/tmp/***::[login] bad ***');
    expect(sink.lines[2]).toBe('::group::login with ***');
  });

  it('ignores values too short to mask without destroying the output', () => {
    registerSecret('abc');
    registerSecret('');
    expect(redact('abc is not hidden')).toBe('abc is not hidden');
  });

  it('masks each line of a multi-line secret and prefers the longest match', () => {
    registerSecret('line-one-key\nline-two-key');
    registerSecret('token-xyz');
    registerSecret('token-xyz-extended');
    expect(redact('a line-two-key b')).toBe('a *** b');
    expect(redact('token-xyz-extended')).toBe('***');
    expect(redact('token-xyz-ext')).toBe('***-ext');
  });
});
