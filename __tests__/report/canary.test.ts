// A canary registry password, given the way the action receives it (INPUT_REGISTRY-PASSWORD),
// pushed through every rendering of a run: the job summary file, the outputs file, the log with
// its annotations, the local command's printed summary and outputs.json, evidence files (a JUnit
// message, a pod log holding a base64 environment dump), and the environment of a child process.
// It must not come out anywhere, in any encoding.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareArtifactFiles } from '../../src/collect/artifact-files.js';
import { defaultConfig } from '../../src/config/index.js';
import { actionsHost } from '../../src/host/actions.js';
import { consoleHost } from '../../src/host/console.js';
import { makePlan } from '../../src/plan/plan.js';
import type { RunReport } from '../../src/report/run-report.js';
import { actionsLog, consoleLog, type LogSink } from '../../src/util/log.js';
import { run } from '../../src/util/process.js';

// `|` and a backtick are rewritten by the Markdown and text renderings; `&`, `<` and `"` by XML.
const CANARY = 'Canary|pw`&<"+/ x-9f2c41d7';
const base64 = (text: string) => Buffer.from(text).toString('base64');

/** Every form in which the canary would be recognisable. */
const FORMS = [
  CANARY,
  base64(CANARY),
  Buffer.from(CANARY).toString('base64url'),
  encodeURIComponent(CANARY),
  CANARY.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;'),
  CANARY.replace(/\|/g, '\\|'),
  CANARY.replace(/`/g, ''),
  // The middle of the canary, as it appears inside the base64 of a longer text at each alignment.
  ...[0, 1, 2].map((offset) => base64(`${'x'.repeat(offset)}${CANARY}`).slice(8, -8)),
];

function expectNoCanary(what: string, text: string): void {
  for (const form of FORMS) expect({ what, leaked: text.includes(form) }).toEqual({ what, leaked: false });
}

function sink(): LogSink & { text: () => string } {
  let text = '';
  return { write: (chunk: string) => (text += chunk), text: () => text };
}

const files = mkdtempSync(join(tmpdir(), 'canary-'));
const commandFiles = { GITHUB_OUTPUT: join(files, 'output'), GITHUB_STEP_SUMMARY: join(files, 'summary'), GITHUB_STATE: join(files, 'state') };
for (const file of Object.values(commandFiles)) writeFileSync(file, '');
Object.assign(process.env, commandFiles, { 'INPUT_REGISTRY-PASSWORD': CANARY, AIANALYSIS_E2E_REGISTRY_PASSWORD: CANARY });

const stdout = sink();
// Reading the inputs registers the password: nothing else tells the redaction about it.
const host = actionsHost(actionsLog(stdout, () => {}));

const envDump = base64(`HOME=/root\nINPUT_REGISTRY-PASSWORD=${CANARY}\nPATH=/usr/bin\n`);
const report: RunReport = {
  result: 'failure',
  plan: makePlan(defaultConfig()),
  error: `suite: [It] logs in: login with ${CANARY} refused`,
  sections: [
    {
      heading: `Tests ${CANARY}`,
      paragraphs: [`spec failed: expected ${CANARY}`, `https://bot:${encodeURIComponent(CANARY)}@registry.example/`],
      table: { header: ['spec', 'message'], rows: [['logs in', `got ${CANARY}`]] },
      preformatted: `crash-looping pod said:\n${envDump}\n${CANARY}`,
    },
  ],
  outputs: { images: `{"aianalysis":"${CANARY}"}` },
};

describe('the canary password', () => {
  it('is in none of the job summary, the outputs file and the log of the action', async () => {
    await host.publish(report);
    host.log.error(`spec failed: ${CANARY}`, { title: `E2E ${CANARY}`, file: 'test/e2e/aianalysis/login_test.go', startLine: 3 });
    host.log.warning(`pod env: ${envDump}`);
    host.log.info(`json: ${JSON.stringify({ password: CANARY })}`);

    const summary = readFileSync(commandFiles.GITHUB_STEP_SUMMARY, 'utf8');
    expect(summary).toContain('AIAnalysis E2E failed');
    expectNoCanary('summary', summary);
    const outputs = readFileSync(commandFiles.GITHUB_OUTPUT, 'utf8');
    expect(outputs).toContain('result');
    expectNoCanary('outputs', outputs);
    expect(stdout.text()).toContain('::error title=E2E ***,file=test/e2e/aianalysis/login_test.go,line=3::spec failed: ***');
    expectNoCanary('log', stdout.text());
  });

  it("is in neither the local command's printed summary nor its outputs.json", async () => {
    const workDir = join(files, 'local');
    let printed = '';
    const local = consoleHost({ log: consoleLog(sink()), inputs: {}, repoRoot: files, workDir, print: (text) => (printed += text) });
    await local.publish(report);
    expect(printed).toContain('AIAnalysis E2E failed');
    expectNoCanary('printed summary', printed);
    expectNoCanary('outputs.json', readFileSync(join(workDir, 'outputs.json'), 'utf8'));
  });

  it('is in no evidence file: a JUnit message and a pod log with a base64 environment dump', async () => {
    const evidence = join(files, 'evidence');
    mkdirSync(join(evidence, 'logs'), { recursive: true });
    const junit = `<testsuite><testcase name="logs in"><failure message="got ${CANARY.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}"/></testcase></testsuite>\n`;
    writeFileSync(join(evidence, 'e2e-junit.xml'), junit);
    writeFileSync(join(evidence, 'logs', 'pod.log'), `env: ${envDump}\nurl: ${encodeURIComponent(CANARY)}\n`);

    const prepared = await prepareArtifactFiles(evidence, ['e2e-junit.xml', 'logs']);

    expect(prepared.files).toHaveLength(2);
    for (const file of prepared.files) expectNoCanary(file, readFileSync(file, 'utf8'));
  });

  it("is not in a child process's environment, nor are the runner's command files", async () => {
    const dump = await run(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(process.env))']);
    const seen = JSON.parse(dump.stdout) as Record<string, string>;
    expectNoCanary('child environment', dump.stdout);
    expect(Object.keys(seen).filter((name) => name.startsWith('INPUT_') || name in commandFiles)).toEqual([]);
    expect(seen.PATH).toBe(process.env.PATH);
  });
});
