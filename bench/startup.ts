// Start-up of the bundled action: from process start to its first log line, against bare Node
// printing one line, both on the node24 runtime GitHub uses for the action.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alternate, timeToFirstLine, type Figure } from './measure.js';

export async function startup(root: string, node: string): Promise<Figure> {
  const work = mkdtempSync(join(tmpdir(), 'aianalysis-e2e-bench-'));
  try {
    const output = join(work, 'output');
    const summary = join(work, 'summary');
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const env = {
      ...process.env,
      'INPUT_DRY-RUN': 'true',
      GITHUB_WORKSPACE: work,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
    };
    const [bare, action] = await alternate(
      15,
      () => timeToFirstLine(node, ['-e', 'console.log("ready")']),
      () => timeToFirstLine(node, [join(root, 'dist/index.js')], env),
    );
    return {
      name: 'start-up (first log line)',
      baseline: { label: 'bare node', ms: bare },
      candidate: { label: 'dist/index.js', ms: action },
      maxExtraMs: 500,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
