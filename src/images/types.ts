/** What the image phase hands on. Where each image comes from is decided before (src/images/source.ts). */

/**
 * How the image got here: `built-from-cache` means the engine ran the build but every step came
 * from its cache, so nothing was executed (a rebuild of unchanged sources).
 */
export type ImageSource = 'reused' | 'pulled' | 'built' | 'built-from-cache';

/** One image of the run, as the `images` output and the summary show it. */
export interface ImageResult {
  name: string;
  /** The reference deployments use: exactly the name the image has in the cluster. */
  reference: string;
  /** The registry's manifest digest (`sha256:…`) when the image came from or went to a registry. */
  digest: string | null;
  /** The engine's image id (`sha256:…`). */
  id: string;
  source: ImageSource;
  /** From the first attempt's start to the end, pushing excluded. */
  seconds: number;
  sizeBytes: number;
}

/** What loading into the cluster cost and freed. */
export interface LoadResult {
  images: number;
  archiveBytes: number;
  /** The archive, removed after loading, plus what pruning dangling images reclaimed. */
  bytesFreed: number;
}
