/**
 * What the coverage data that was (or was not) found says about the setup, in words that name the
 * likely cause. A binary built with `-cover` writes its meta file when it starts and its counters
 * when it exits normally, so each missing piece points to one link of the chain: image build
 * (`-cover`), pod env (GOCOVERDIR), pod folder on the node (hostPath), the node's mount of the
 * host folder (extraMounts), and stopping the pods.
 */
import type { GatheredCoverage } from './coverage-data.js';

export interface CoverageEvidence {
  gathered: Pick<GatheredCoverage, 'host' | 'from' | 'nodesRead' | 'nodeProblems' | 'binaries' | 'withoutCounters'>;
  hostDir: string;
  podDir: string;
  /** Where the nodes mount the host folder. */
  mountPath: string;
  /** The engine program, for messages. */
  engine: string;
  /** Deployments whose pods were still present when the data was read. */
  notStopped: readonly string[];
}

export interface CoverageDiagnosis {
  /** Data from at least one binary that ran and exited. */
  usable: boolean;
  warnings: string[];
  /** Worth saying, not wrong. */
  notes: string[];
}

export function diagnoseCoverageData(evidence: CoverageEvidence): CoverageDiagnosis {
  const { gathered } = evidence;
  const warnings: string[] = [];
  const notes: string[] = [];
  if (gathered.host.state === 'data' && gathered.host.detail) {
    warnings.push(`Some coverage files in ${evidence.hostDir} could not be read and are left out: ${gathered.host.detail}`);
  }
  if (gathered.from === 'nodes') {
    const found = `${evidence.hostDir} ${describeHost(gathered.host)}, but the nodes' ${evidence.podDir} held coverage data ` +
      `(copied out with ${evidence.engine} cp).`;
    if (evidence.podDir !== evidence.mountPath) warnings.push(`${found} ${pathMismatch(evidence)}`);
    else notes.push(`${found} The nodes' mount of the host folder does not show their files on the host (as with rootless Podman).`);
  }
  if (gathered.binaries === 0) {
    warnings.push(`No coverage data was found although coverage is on: ${noDataCause(evidence)}`);
    return { usable: false, warnings, notes };
  }
  if (gathered.withoutCounters > 0) {
    const all = gathered.withoutCounters === gathered.binaries;
    const which = all ? 'No instrumented binary' : `${gathered.withoutCounters} of ${gathered.binaries} instrumented binaries`;
    const left = all ? 'There is no coverage to report.' : 'Their packages are left out of the profile.';
    warnings.push(`${which} wrote coverage counters (a covmeta file without covcounters): ` +
      `${notExitedCause(evidence.notStopped)} ${left}`);
  }
  return { usable: gathered.withoutCounters < gathered.binaries, warnings, notes };
}

function describeHost(host: GatheredCoverage['host']): string {
  switch (host.state) {
    case 'missing': return 'does not exist';
    case 'unreadable': return `cannot be read (${host.detail ?? 'permission denied'})`;
    default: return 'holds no coverage files';
  }
}

function pathMismatch({ podDir, mountPath }: CoverageEvidence): string {
  return `GOCOVERDIR/path mismatch: the pods write to ${podDir} on their node, but the node mounts the host folder at ` +
    `${mountPath}; set coverage.podDir to ${mountPath}.`;
}

function noDataCause(evidence: CoverageEvidence): string {
  const { gathered, hostDir, podDir, mountPath } = evidence;
  if (podDir !== mountPath) return pathMismatch(evidence);
  if (gathered.host.state === 'missing') {
    return `the host folder ${hostDir} does not exist: the kind cluster was created without mounting it at ${mountPath} ` +
      '(extraMounts); coverage must be on when the cluster is created.';
  }
  if (gathered.nodesRead.length === 0) {
    const problems = gathered.nodeProblems.length > 0 ? ` (${gathered.nodeProblems.join('; ')})` : '';
    return `the host folder ${hostDir} ${describeHost(gathered.host)} and the node containers could not be read${problems}: ` +
      `is the host folder mounted at ${mountPath} on the nodes (extraMounts)?`;
  }
  return `neither ${hostDir} nor the nodes' ${podDir} hold a covmeta file, so no instrumented binary ever started: ` +
    'the images were not built with -cover (their Dockerfiles must hand the coverage build arguments, GOFLAGS=-cover, ' +
    `to go build) or the pods lack GOCOVERDIR=${podDir} (only the Deployments in coverage.deployments get it).`;
}

function notExitedCause(notStopped: readonly string[]): string {
  if (notStopped.length > 0) {
    return `the pods of ${notStopped.join(', ')} were not stopped (still running) when the data was read.`;
  }
  return 'the binaries did not exit normally. A binary writes its counters when it exits on SIGTERM (returning from ' +
    'main or calling os.Exit) within terminationGracePeriodSeconds; one killed with SIGKILL writes none.';
}
