// The finalizers that keep the evidence, whatever happened before them. For a deployed stack:
// the logs bundle (on a failure, or always when asked) and then coverage; logs come first, since
// coverage scales the instrumented Deployments to zero and their pods' logs go with them. For a
// suite that set up its own stack: kind's logs while its cluster still stands, then what the
// suite left (must-gather, its coverage profile and data).
import { join, relative, resolve } from 'node:path';
import type { Config } from '../config/index.js';
import { collectCoverage, coverageRequestFrom } from '../collect/coverage.js';
import { collectLogsBundle, logsBundleWanted } from '../collect/logs-bundle.js';
import { keepSuiteEvidence, suiteCoverage } from '../collect/suite-evidence.js';
import type { Host } from '../host/host.js';
import { connectKube } from '../kube/client.js';
import type { Plan } from '../plan/plan.js';
import type { Task } from '../scheduler/task.js';
import type { PipelineState } from './state.js';

const API_CALL_TIMEOUT_MS = 30_000;
const FINALIZER_TIMEOUT_MS = 15 * 60_000;

export interface EvidenceTaskOptions {
  config: Config;
  plan: Plan;
  host: Host;
  state: PipelineState;
  /** The task whose outcome decides whether logs are wanted: the suite, the last real step. */
  after: string;
}

export function evidenceTasks(options: EvidenceTaskOptions): Task[] {
  return options.plan.setup === 'suite' ? suiteLeftovers(options) : deployedStackEvidence(options);
}

/** An evidence finalizer: it runs after `needs` whatever their outcome, within its own limit. */
function finalizer(id: string, title: string, needs: string, run: Task['run']): Task {
  return { id, title, phase: 'evidence', needs: [needs], finalizer: true, timeoutMs: FINALIZER_TIMEOUT_MS, run };
}

/** Files of the run's own evidence, kept relative to the work directory. */
function keeper(state: PipelineState, workDir: string): (files: readonly string[]) => void {
  return (files) => state.evidence.push(...files.map((file) => relative(workDir, file)));
}

/** The outcome of the task `after` as a run result. */
function resultOf(ctx: { outcome(id: string): string }, after: string): 'success' | 'cancelled' | 'failure' {
  const outcome = ctx.outcome(after);
  return outcome === 'success' ? 'success' : outcome === 'cancelled' ? 'cancelled' : 'failure';
}

function suiteLeftovers(options: EvidenceTaskOptions): Task[] {
  const { config, plan, host, state } = options;
  const keep = keeper(state, host.workDir);
  const kindLogs = finalizer('kind-logs', 'Export the kind logs', options.after, async (ctx) => {
    if (!logsBundleWanted(resultOf(ctx, options.after), config.report.logsOnSuccess)) return ctx.span.note('not wanted: the run succeeded');
    if (!state.kind || !(await state.kind.clusterExists())) return ctx.span.note('no cluster left: the suite deleted it');
    const dir = join(host.workDir, 'logs', 'kind');
    await state.kind.exportLogs(dir);
    keep([dir]);
  });
  const leftovers = finalizer('suite-evidence', 'Keep what the suite left', kindLogs.id, async (ctx) => {
    if (state.suiteStartedAt === undefined) return ctx.span.note('the suite did not start');
    const since = state.suiteStartedAt;
    const kept = await keepSuiteEvidence({ paths: plan.suite.evidence, repoRoot: host.repoRoot, workDir: host.workDir, since });
    for (const note of kept.notes) ctx.log.info(note);
    keep(kept.files);
    const coverage = plan.coverage.profile ? await suiteCoverage(resolve(host.repoRoot, plan.coverage.profile), since) : undefined;
    if (coverage) {
      state.coverageProfile = resolve(host.repoRoot, plan.coverage.profile);
      state.addSections('coverage', coverage.section);
      Object.assign(state.outputs, coverage.outputs);
    }
    return { kept: kept.files.length, coverage: coverage?.outputs['coverage-percent'] };
  });
  return [kindLogs, leftovers];
}

function deployedStackEvidence(options: EvidenceTaskOptions): Task[] {
  const { config, host, state } = options;
  const kube = (signal: AbortSignal) =>
    state.kubeconfig ? connectKube(state.kubeconfig, { callTimeoutMs: API_CALL_TIMEOUT_MS, signal }) : undefined;
  const keep = keeper(state, host.workDir);

  const logs = finalizer('logs-bundle', 'Collect the logs bundle', options.after, async (ctx) => {
    if (!logsBundleWanted(resultOf(ctx, options.after), config.report.logsOnSuccess)) return ctx.span.note('not wanted: the run succeeded');
    const bundle = await collectLogsBundle({
      workDir: host.workDir,
      kube: kube(ctx.signal),
      kind: state.kind,
      namespaces: [config.deploy.namespace],
      runFiles: [],
      log: ctx.log,
    });
    keep(bundle.files);
  });

  const coverage = finalizer('coverage', 'Collect coverage', logs.id, async (ctx) => {
    const clients = kube(ctx.signal);
    if (!options.plan.coverage.enabled) return ctx.span.note('coverage is off');
    if (!clients || !state.kind) return ctx.span.note('no cluster: nothing ran to measure');
    const result = await collectCoverage(
      coverageRequestFrom(config, {
        kube: clients,
        repoRoot: host.repoRoot,
        workDir: host.workDir,
        nodes: await state.kind.nodeNames(),
        engine: state.kind.provider,
        log: ctx.log,
        signal: ctx.signal,
      }),
    );
    keep(result.files);
    state.coverageProfile = result.profile;
    state.addSections('coverage', result.section);
    Object.assign(state.outputs, result.outputs);
  });
  return [logs, coverage];
}
