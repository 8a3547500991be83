// Hashing as the action ships it, for the hashing and inputs benchmarks' candidate process:
// `node index.js <context dir> <images as JSON>` prints each image's tag, the images hashed
// together as the plan hashes them (bundled with ncc by bench/hashing.ts and bench/inputs.ts).
// Its own entry, so the candidate loads what hashing loads and none of the benchmark's harness.
import { hashImage } from '../src/image-inputs/hash.js';
import { HASH_LIMITS } from './hash-limits.js';

const [context, images] = process.argv.slice(2);
const results = await Promise.all((JSON.parse(images!) as Parameters<typeof hashImage>[1][]).map((image) => hashImage(context!, image, HASH_LIMITS)));
console.log(results.map((result) => result.tag).join('\n'));
