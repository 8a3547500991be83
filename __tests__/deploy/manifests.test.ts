import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManifestError, loadManifestSet, parseManifest } from '../../src/deploy/manifests.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'manifests-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const CM = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
const CRD = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: aianalyses.kubernaut.ai\n';

test('reads default files, replacements, extras and CRDs; multi-document, empty documents skipped', async () => {
  write('a.yaml', `${CM('a1')}---\n${CM('a2')}---\n`);
  write('b.yaml', CM('b-default'));
  const mine = write('my-b.yaml', `---\n${CM('b-mine')}`);
  const extra = write('extra.yaml', CM('x'));
  const crd = write('crd.yaml', CRD);
  const set = await loadManifestSet({ builtinDir: dir, builtinFiles: ['a.yaml', 'b.yaml'], replace: { 'b.yaml': mine }, extra: [extra], crds: [crd] });
  expect([...set.files.keys()]).toEqual(['a.yaml', 'b.yaml', extra]);
  expect(set.files.get('a.yaml')!.documents.map((d) => d.metadata.name)).toEqual(['a1', 'a2']);
  expect(set.files.get('b.yaml')).toMatchObject({ path: mine, documents: [{ metadata: { name: 'b-mine' } }] });
  expect(set.crds.map((f) => f.documents[0].kind)).toEqual(['CustomResourceDefinition']);
});

test('every problem is reported at once, naming the file and the document', async () => {
  write('a.yaml', `${CM('ok')}---\nkind: ConfigMap\nmetadata: {}\n---\n- not\n- a mapping\n`);
  write('b.yaml', 'apiVersion: v1\nkind: [unclosed\n');
  write('empty.yaml', '---\n');
  const crd = write('crd.yaml', `${CRD}---\n${CM('stray')}`);
  const error = await loadManifestSet({
    builtinDir: dir, builtinFiles: ['a.yaml', 'b.yaml', 'empty.yaml', 'missing.yaml'], replace: { 'c.yaml': '/x' }, crds: [crd],
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ManifestError);
  const problems = (error as ManifestError).problems;
  expect(problems).toEqual(expect.arrayContaining([
    'replace: "c.yaml" is not a default manifest; the default manifests are: a.yaml, b.yaml, empty.yaml, missing.yaml',
    `${join(dir, 'a.yaml')}: document 2 has no apiVersion, metadata.name`,
    `${join(dir, 'a.yaml')}: document 3 is not a mapping (an object with apiVersion, kind, metadata)`,
    `${join(dir, 'empty.yaml')}: contains no objects`,
    `${join(dir, 'missing.yaml')}: cannot be read (ENOENT)`,
    `${crd}: object 2 (ConfigMap stray) is not a CustomResourceDefinition; put it in a stage instead`,
  ]));
  expect(problems.find((p) => p.startsWith(`${join(dir, 'b.yaml')}: document 1: invalid YAML`))).toBeDefined();
  expect(problems).toHaveLength(7);
  expect((error as Error).message).toMatch(/^the manifests are not usable:\n {2}- /);
});

test('parseManifest keeps document order and values as written', () => {
  const { documents, problems } = parseManifest('f.yaml', `${CM('one')}data:\n  port: "8080"\n---\n${CM('two')}`);
  expect(problems).toEqual([]);
  expect(documents).toEqual([
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one' }, data: { port: '8080' } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'two' } },
  ]);
});
