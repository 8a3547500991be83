// Images hashed together share one listing: its biggest directories and suspect content are
// worked out once for all of them.
import { surveyContext, topDirectories } from '../../src/image-inputs/context-report.js';
import type { ContextEntry } from '../../src/image-inputs/context.js';

const file = (path: string, size: number): ContextEntry => ({ path, kind: 'file', executable: false, size });

describe('surveyContext', () => {
  const entries = [file('go.mod', 10), file('pkg/a.go', 300), file('vendor/x/x.go', 2000), file('cmd/main.go', 50)];

  it('finds the biggest directories and the suspect content', () => {
    const survey = surveyContext(entries);
    expect(survey.top).toEqual(topDirectories(entries));
    expect(survey.suspects).toEqual([{ pattern: 'vendor/', what: 'vendored modules', files: 1, bytes: 2000 }]);
  });

  it('surveys one listing once: the same listing gives the same survey', () => {
    expect(surveyContext(entries)).toBe(surveyContext(entries));
  });

  it('surveys another listing on its own, even with equal entries', () => {
    const other = [...entries, file('pkg/b.go', 5000)];
    expect(surveyContext(other).top[0]).toEqual({ path: 'pkg/', files: 2, bytes: 5300 });
    expect(surveyContext([...entries])).not.toBe(surveyContext(entries));
    expect(surveyContext([...entries])).toEqual(surveyContext(entries));
  });
});
