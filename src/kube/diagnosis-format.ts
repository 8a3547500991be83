/** A diagnosis as plain text (logs bundle, console) and as Markdown (job summary). */
import type { ContainerReport, Diagnosis, LogExcerpt } from './diagnose.js';
import { describeRef } from './types.js';

function containerSummary(c: ContainerReport): string {
  const parts = [`${c.state}${c.reason ? ` ${c.reason}` : ''}`];
  if (c.exitCode !== undefined) parts.push(`exit code ${c.exitCode}`);
  parts.push(`restarts ${c.restartCount}`);
  if (c.lastTermination) {
    parts.push(`last terminated: ${c.lastTermination.reason ?? 'unknown'}, exit code ${c.lastTermination.exitCode}`);
  }
  if (!c.ready && c.state === 'running') parts.push('not ready');
  return parts.join('; ');
}

interface LogSection { title: string; excerpt: LogExcerpt }

function logSections(pod: string, c: ContainerReport): LogSection[] {
  const sections = [{ title: `${pod}/${c.name} (current)`, excerpt: c.logs }];
  if (c.previousLogs) sections.push({ title: `${pod}/${c.name} (previous container)`, excerpt: c.previousLogs });
  return sections;
}

function allLogSections(d: Diagnosis): LogSection[] {
  return d.pods.flatMap((p) => p.containers.flatMap((c) => logSections(p.name, c)));
}

export function diagnosisText(d: Diagnosis): string {
  const out = [`${describeRef(d.ref)}: ${d.problem}`];
  if (d.pods.length === 0) out.push('  no pods');
  for (const pod of d.pods) {
    out.push(`  pod ${pod.name} (${pod.phase ?? 'unknown phase'}${pod.node ? ` on ${pod.node}` : ''})`);
    for (const c of pod.containers) {
      out.push(`    ${c.init ? 'init container' : 'container'} ${c.name}: ${containerSummary(c)}`);
      if (c.message) out.push(`      ${c.message}`);
    }
  }
  out.push(`  events (latest ${d.events.length}):`);
  for (const e of d.events) {
    out.push(`    ${e.time ?? '-'} ${e.type ?? ''} ${e.reason ?? ''} ${e.object}: ${e.message ?? ''}`
      + (e.count && e.count > 1 ? ` (x${e.count})` : ''));
  }
  for (const s of allLogSections(d)) {
    out.push(`  logs ${s.title}:`);
    if ('unavailable' in s.excerpt) out.push(`    (unavailable: ${s.excerpt.unavailable})`);
    else if (s.excerpt.lines.length === 0) out.push('    (empty)');
    else out.push(...s.excerpt.lines.map((l) => `    | ${l}`));
  }
  for (const n of d.notes) out.push(`  note: ${n}`);
  return `${out.join('\n')}\n`;
}

function cell(text: string | number | undefined): string {
  return String(text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A fence longer than any backtick run in the content, so logs cannot close it early. */
function fenced(lines: string[]): string {
  const longest = Math.max(2, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((m) => m.length))));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${lines.join('\n')}\n${fence}`;
}

export function diagnosisMarkdown(d: Diagnosis): string {
  const out = [`#### ${cell(describeRef(d.ref))}`, '', `**Problem:** ${cell(d.problem)}`, ''];
  if (d.pods.length) {
    out.push('| pod | container | state | restarts | last termination |', '| --- | --- | --- | --- | --- |');
    for (const pod of d.pods) {
      for (const c of pod.containers) {
        const state = `${c.state}${c.reason ? ` ${c.reason}` : ''}${c.exitCode !== undefined ? ` (exit ${c.exitCode})` : ''}`;
        const last = c.lastTermination ? `${c.lastTermination.reason ?? 'unknown'} (exit ${c.lastTermination.exitCode})` : '';
        out.push(`| ${cell(pod.name)} | ${cell(c.name)} | ${cell(state)} | ${c.restartCount} | ${cell(last)} |`);
      }
    }
    out.push('');
  }
  if (d.events.length) {
    out.push(`<details><summary>Events (latest ${d.events.length})</summary>`, '',
      '| time | type | reason | object | message |', '| --- | --- | --- | --- | --- |');
    for (const e of d.events) {
      const message = `${e.message ?? ''}${e.count && e.count > 1 ? ` (x${e.count})` : ''}`;
      out.push(`| ${cell(e.time)} | ${cell(e.type)} | ${cell(e.reason)} | ${cell(e.object)} | ${cell(message)} |`);
    }
    out.push('', '</details>', '');
  }
  for (const s of allLogSections(d)) {
    out.push(`<details><summary>Logs ${cell(s.title)}</summary>`, '');
    out.push('unavailable' in s.excerpt ? `_unavailable: ${cell(s.excerpt.unavailable)}_` : fenced(s.excerpt.lines));
    out.push('', '</details>', '');
  }
  for (const n of d.notes) out.push(`> ${cell(n)}`);
  return `${out.join('\n').trimEnd()}\n`;
}
