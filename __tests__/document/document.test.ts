import { renderMarkdown, renderText, type ReportDocument } from '../../src/document/document.js';

const doc: ReportDocument = [
  {
    heading: 'Steps',
    paragraphs: ['**Passed** in `3s`.'],
    table: { header: ['step', 'seconds'], rows: [['a | b', '7'], ['long step name', '120']], numeric: [1] },
  },
  { preformatted: 'log with ``` inside' },
];

describe('report documents', () => {
  it('renders Markdown tables with escaped cells and right-aligned numbers', () => {
    const markdown = renderMarkdown(doc);
    expect(markdown).toContain('### Steps\n\n**Passed** in `3s`.');
    expect(markdown).toContain('| step | seconds |\n| --- | ---: |\n| a \\| b | 7 |\n| long step name | 120 |');
  });

  it('fences preformatted text with a fence longer than any backtick run inside it', () => {
    expect(renderMarkdown(doc)).toContain('````text\nlog with ``` inside\n````');
  });

  it('renders plain text with aligned columns and no Markdown markup', () => {
    const text = renderText(doc);
    expect(text).toContain('Steps\n=====\n\nPassed in 3s.');
    expect(text).toContain('step            seconds\n--------------  -------\na | b                 7\nlong step name      120');
    expect(text).toContain('    log with ``` inside');
  });
});
