/**
 * The files of the evidence artifact, made safe to upload: directories expanded to their files,
 * paths the artifact service refuses left out, and registered secrets removed.
 *
 * A text file that contains a registered secret is redacted in place: the file is this run's own
 * evidence (a log, a report), so the copy kept in the work directory should not hold the secret
 * either, and no second, unredacted copy is left lying around. A binary file (such as a Go
 * coverage counter file) cannot be redacted without corrupting it, so one that contains a secret
 * is withheld from the artifact instead.
 */
import { lstat, readFile, readdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { redact } from '../util/secrets.js';
import { writeNamedFile } from '../util/file-write.js';

/** Characters the artifact service refuses in file paths (the name also refuses `\` and `/`). */
const FORBIDDEN_PATH_CHARACTERS = ['"', ':', '<', '>', '|', '*', '?', '\r', '\n'];

export interface WithheldFile {
  file: string;
  reason: string;
}

export interface ArtifactFiles {
  /** Absolute paths of the files to upload. */
  files: string[];
  /** Files in which registered secrets were replaced by `***`. */
  redacted: string[];
  withheld: WithheldFile[];
  /** Given paths that do not exist (a report the run never got to write). */
  missing: string[];
}

/** `paths` are absolute or relative to `rootDir`; every file must lie inside `rootDir`. */
export async function prepareArtifactFiles(rootDir: string, paths: readonly string[]): Promise<ArtifactFiles> {
  const root = resolve(rootDir);
  const result: ArtifactFiles = { files: [], redacted: [], withheld: [], missing: [] };
  const seen = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(root, path);
    const stats = await lstat(absolute).catch(() => undefined);
    if (stats === undefined) {
      result.missing.push(absolute);
      continue;
    }
    for (const file of stats.isDirectory() ? await filesUnder(absolute, result.withheld) : [absolute]) {
      if (seen.has(file)) continue;
      seen.add(file);
      await admit(root, file, result);
    }
  }
  return result;
}

async function admit(root: string, file: string, result: ArtifactFiles): Promise<void> {
  const inside = relative(root, file);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    result.withheld.push({ file, reason: `it is outside the artifact's root directory ${root}` });
    return;
  }
  const forbidden = FORBIDDEN_PATH_CHARACTERS.find((c) => inside.includes(c));
  if (forbidden !== undefined) {
    result.withheld.push({ file, reason: `its path contains ${JSON.stringify(forbidden)}, which artifact paths may not contain` });
    return;
  }
  const stats = await lstat(file);
  if (stats.isSymbolicLink()) {
    result.withheld.push({ file, reason: 'it is a symbolic link, whose target may lie outside the evidence' });
    return;
  }
  if (!stats.isFile()) {
    result.withheld.push({ file, reason: 'it is not a regular file' });
    return;
  }
  const scrubbed = await scrubSecrets(file);
  if (scrubbed === 'withheld') {
    result.withheld.push({ file, reason: 'it is a binary file that contains a registered secret' });
    return;
  }
  if (scrubbed === 'redacted') result.redacted.push(file);
  result.files.push(file);
}

/** Every file under `dir`, sorted; symbolic links are listed (and withheld later), not followed. */
async function filesUnder(dir: string, withheld: WithheldFile[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    withheld.push({ file: dir, reason: `it cannot be read (${error.code ?? error.message})` });
    return [];
  });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(path, withheld)));
    else files.push(path);
  }
  return files;
}

async function scrubSecrets(file: string): Promise<'clean' | 'redacted' | 'withheld'> {
  const content = await readFile(file);
  // Decoded as UTF-8, an ASCII secret stays findable even inside binary data.
  const text = content.toString('utf8');
  const redacted = redact(text);
  if (redacted === text) return 'clean';
  const isText = !content.includes(0) && Buffer.from(text, 'utf8').equals(content);
  if (!isText) return 'withheld';
  await writeNamedFile(file, redacted);
  return 'redacted';
}
