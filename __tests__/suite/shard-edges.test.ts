/** Edges of sharding: a focus independent of the listing's order, and listings Ginkgo would not write. */
import { parseSpecListing, shardFocus, type ListedSpec } from '../../src/suite/shard.js';

const SUITE = 'AIAnalysis E2E Suite';
const listed = (texts: readonly string[]): ListedSpec[] => texts.map((text) => ({ suite: SUITE, text, labels: [] }));

describe('shardFocus edges', () => {
  it('is the same whatever the order of the listing, with each text once', () => {
    const texts = ['Metrics exposes the counter', 'Audit records the decision', 'Health serves /healthz'];
    const focus = shardFocus(listed(texts));
    expect(shardFocus(listed([...texts].reverse()))).toBe(focus);
    expect(shardFocus(listed([texts[1] as string, ...texts]))).toBe(focus);
    expect(focus).toBe(`^(${SUITE} Audit records the decision|${SUITE} Health serves /healthz|${SUITE} Metrics exposes the counter)$`);
  });
});

describe('parseSpecListing edges', () => {
  const listing = (suite: Record<string, unknown>) => JSON.stringify([{ SuiteDescription: SUITE, SuiteConfig: { DryRun: true }, ...suite }]);

  test.each([{}, 'specs', 3])('refuses SpecReports that are not a list (%j)', (specReports) => {
    expect(() => parseSpecListing(listing({ SpecReports: specReports }), 'specs.json')).toThrow(
      'specs.json: suite report [0] is not a Ginkgo suite report: expected SuiteDescription and SpecReports',
    );
  });

  it('says how to make the list command a dry run', () => {
    expect(() => parseSpecListing(listing({ SuiteConfig: { DryRun: false }, SpecReports: [] }), 'specs.json')).toThrow(
      'the list command must run ginkgo with --dry-run (the make target must pass GINKGO_DRY_RUN=true on as --dry-run)',
    );
  });

  it('leaves out texts and labels that are not strings', () => {
    const spec = { LeafNodeType: 'It', State: 'passed', ContainerHierarchyTexts: ['Health', 7, null], LeafNodeLabels: ['e2e', 1, { name: 'x' }] };
    expect(parseSpecListing(listing({ SpecReports: [spec] }), 'specs.json')).toEqual([{ suite: SUITE, text: 'Health', labels: ['e2e'] }]);
  });
});
