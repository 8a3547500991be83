import { execFileSync } from 'node:child_process';
import { parseSpecListing, quoteMeta, selectShard, shardFocus, shardOf, type ListedSpec } from '../../src/suite/shard.js';

const SUITE = 'AIAnalysis E2E Suite';

/** Distinct spec texts with the characters Ginkgo texts carry: brackets, slashes, dots, `$`, `|`, quotes. */
function specTexts(count: number, seed: string): string[] {
  const specials = ['(/healthz)', '[e2e]', 'a.b', '$1.50', 'x|y', '^start', 'c++', 'w{2}', 'back\\slash', "it's", '?'];
  return Array.from({ length: count }, (_, i) => `${seed} spec ${i} ${specials[i % specials.length]}`);
}

const listed = (texts: readonly string[]): ListedSpec[] => texts.map((text) => ({ suite: SUITE, text, labels: [] }));

/** Spec text → the shard that runs it, found by asking every shard for its specs. */
function assignment(texts: readonly string[], total: number): Map<string, number> {
  const shardOfText = new Map<string, number>();
  for (let index = 1; index <= total; index += 1) {
    for (const spec of selectShard(listed(texts), { index, total }).specs) shardOfText.set(spec.text, index);
  }
  return shardOfText;
}

describe('shard assignment', () => {
  test.each([1, 2, 3, 4, 7, 16])('%i shards partition the specs: every spec in exactly one shard', (total) => {
    const specs = listed(specTexts(120, `p${total}`));
    const shards = Array.from({ length: total }, (_, i) => selectShard(specs, { index: i + 1, total }));
    const assigned = shards.flatMap((shard) => shard.specs.map((spec) => spec.text));
    expect(assigned.sort()).toEqual(specs.map((spec) => spec.text).sort());
    expect(new Set(assigned).size).toBe(specs.length);
    for (const shard of shards) expect(shard.listed).toBe(120);
  });

  it('does not depend on the order of the listing', () => {
    const specs = listed(specTexts(50, 'order'));
    const forward = selectShard(specs, { index: 2, total: 4 }).specs.map((spec) => spec.text);
    const backward = selectShard([...specs].reverse(), { index: 2, total: 4 }).specs.map((spec) => spec.text);
    expect(backward.sort()).toEqual(forward.sort());
  });

  it('adding specs moves none of the existing ones', () => {
    const before = specTexts(60, 'stable');
    const after = [...before.slice(0, 30), ...specTexts(25, 'added'), ...before.slice(30)];
    for (const total of [2, 3, 5, 8]) {
      const was = assignment(before, total);
      const is = assignment(after, total);
      for (const text of before) expect([text, is.get(text)]).toEqual([text, was.get(text)]);
      expect(is.size).toBe(after.length);
    }
  });

  it('is the same on every machine: 1 + the first 32 bits of the SHA-256 of the UTF-8 text, mod n', () => {
    const texts = ['Health Endpoints E2E Liveness probe (/healthz) - BR-AI-025 should return 200 OK', 'Prüfung – ünïcödé ✓'];
    for (const text of texts) {
      // sha256sum is an implementation of its own: the definition, not this module, decides.
      const digest = execFileSync('sha256sum', [], { input: Buffer.from(text, 'utf8') }).toString().slice(0, 8);
      for (const total of [2, 3, 5, 64]) expect(shardOf(text, total)).toBe(1 + (Number.parseInt(digest, 16) % total));
    }
  });

  it('spreads specs over all shards', () => {
    const specs = listed(specTexts(400, 'spread'));
    const sizes = [1, 2, 3, 4].map((index) => selectShard(specs, { index, total: 4 }).specs.length);
    for (const size of sizes) expect(size).toBeGreaterThan(60);
  });
});

describe('shardFocus', () => {
  it('matches exactly the texts of its specs as Ginkgo sees them (suite description, space, text)', () => {
    const all = listed(specTexts(40, 'focus'));
    const mine = selectShard(all, { index: 1, total: 3 }).specs;
    const focus = new RegExp(shardFocus(mine));
    const matched = all.filter((spec) => focus.test(`${SUITE} ${spec.text}`));
    expect(matched.map((spec) => spec.text).sort()).toEqual(mine.map((spec) => spec.text).sort());
  });

  it('is anchored: a spec whose text extends or ends another spec is not matched', () => {
    const focus = new RegExp(shardFocus(listed(['Health should work'])));
    expect(focus.test(`${SUITE} Health should work`)).toBe(true);
    expect(focus.test(`${SUITE} Health should work fast`)).toBe(false);
    expect(focus.test(`Other Suite ${SUITE} Health should work`)).toBe(false);
    expect(focus.test(`${SUITE} Metrics Health should work`)).toBe(false);
  });

  it('keeps each spec with its own suite', () => {
    const focus = new RegExp(shardFocus([{ suite: 'Suite A', text: 'x', labels: [] }, { suite: 'Suite B', text: 'y', labels: [] }]));
    expect(['Suite A x', 'Suite B y', 'Suite A y', 'Suite B x'].map((text) => focus.test(text))).toEqual([true, true, false, false]);
  });

  it('refuses to focus on nothing, which Ginkgo would read as "no focus"', () => {
    expect(() => shardFocus([])).toThrow('a shard without specs has no focus');
  });

  test.each(['(/healthz)', '$1.50 [e2e]', 'a|b', '^x*', 'w{2}+?', 'back\\slash'])('quoteMeta(%s) is literal', (text) => {
    expect(new RegExp(`^${quoteMeta(text)}$`).test(text)).toBe(true);
    expect(quoteMeta('a-b c/d <e> #f "g"')).toBe('a-b c/d <e> #f "g"');
  });
});

describe('parseSpecListing', () => {
  const spec = (fields: Record<string, unknown>) => ({
    ContainerHierarchyTexts: ['Health Endpoints E2E', 'Liveness probe'],
    LeafNodeType: 'It',
    LeafNodeText: 'should return 200',
    LeafNodeLabels: ['e2e', 'health'],
    State: 'passed',
    ...fields,
  });
  const report = (specReports: unknown[], fields: Record<string, unknown> = {}) =>
    JSON.stringify([{ SuiteDescription: SUITE, SuiteConfig: { DryRun: true }, SpecReports: specReports, ...fields }]);

  it('lists the It specs the dry run would run, with their full text and labels', () => {
    const json = report([
      spec({ LeafNodeType: 'SynchronizedBeforeSuite', ContainerHierarchyTexts: null, LeafNodeText: '' }),
      spec({}),
      spec({ LeafNodeText: 'filtered out', State: 'skipped' }),
      spec({ LeafNodeText: 'pending', State: 'pending' }),
      spec({ ContainerHierarchyTexts: ['Outer', ''], LeafNodeText: 'empty container text', LeafNodeLabels: null }),
    ]);
    expect(parseSpecListing(json, 'specs.json')).toEqual([
      { suite: SUITE, text: 'Health Endpoints E2E Liveness probe should return 200', labels: ['e2e', 'health'] },
      { suite: SUITE, text: 'Outer empty container text', labels: [] },
    ]);
  });

  it('reads several suites and a suite without specs', () => {
    const json = JSON.stringify([
      { SuiteDescription: 'A', SpecReports: null },
      { SuiteDescription: 'B', SpecReports: [spec({})] },
    ]);
    expect(parseSpecListing(json, 'specs.json').map((s) => s.suite)).toEqual(['B']);
  });

  test.each([
    ['{"SuiteDescription": "x"', 'the spec listing specs.json is not JSON ('],
    ['{"SuiteDescription": "x"}', 'the spec listing specs.json is not a Ginkgo JSON report: expected an array of suite reports'],
    ['[{"SpecReports": []}]', 'specs.json: suite report [0] is not a Ginkgo suite report: expected SuiteDescription and SpecReports'],
    [report([], { SuiteConfig: { DryRun: false } }), 'specs.json: suite report [0] comes from a real run, not a dry run'],
  ])('refuses %s', (json, message) => {
    expect(() => parseSpecListing(json, 'specs.json')).toThrow(message);
  });
});
