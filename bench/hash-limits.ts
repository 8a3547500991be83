/** Context size limits for the hashing benchmarks: high enough that they only ever warn. */
export const HASH_LIMITS = { warnMiB: 1024, limitMiB: 4096 };
