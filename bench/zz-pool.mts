import { listContext } from '../src/image-inputs/context.js';
import { ContextFiles } from '../src/image-inputs/context-files.js';
import { TimeSlices } from '../src/image-inputs/slices.js';
import { digestFiles } from '../src/image-inputs/digest-pool.js';
const img = { name: 'b', dockerfile: 'Dockerfile', context: '.' };
for (let round = 0; round < 4; round++) {
  let t = performance.now();
  const listing = await listContext('/tmp/hctx', img);
  const tl = performance.now() - t;
  const files = listing.entries.filter((e) => e.kind === 'file');
  const cf = new ContextFiles(listing.dir) as any;
  t = performance.now();
  for (const e of files) cf.streamDigest(e);
  const ts = performance.now() - t;
  t = performance.now();
  let mine = 0;
  await digestFiles(files.map((e) => ({ path: `${listing.dir}/${e.path}`, size: e.size })), (i) => (mine++, cf.streamDigest(files[i])), new TimeSlices());
  const tp = performance.now() - t;
  console.log(`list ${tl.toFixed(0)} serial ${ts.toFixed(0)} pool ${tp.toFixed(0)} main did ${mine}/${files.length}`);
}
