/**
 * The kind releases this action can install without being told a checksum: the SHA-256 of each
 * Linux binary, as published next to it (`kind-linux-<arch>.sha256sum` on the release page).
 * To support another release, add its two published digests here; a release missing from this
 * table needs an explicit `kind-sha256`.
 */

export type KindArch = 'amd64' | 'arm64';

export const KIND_LINUX_SHA256: Readonly<Record<string, Readonly<Record<KindArch, string>>>> = {
  'v0.29.0': {
    amd64: 'c72eda46430f065fb45c5f70e7c957cc9209402ef309294821978677c8fb3284',
    arm64: '03d45095dbd9cc1689f179a3e5e5da24b77c2d1b257d7645abf1b4174bebcf2a',
  },
  'v0.30.0': {
    amd64: '517ab7fc89ddeed5fa65abf71530d90648d9638ef0c4cde22c2c11f8097b8889',
    arm64: '7ea2de9d2d190022ed4a8a4e3ac0636c8a455e460b9a13ccf19f15d07f4f00eb',
  },
  'v0.31.0': {
    amd64: 'eb244cbafcc157dff60cf68693c14c9a75c4e6e6fedaf9cd71c58117cb93e3fa',
    arm64: '8e1014e87c34901cc422a1445866835d1e666f2a61301c27e722bdeab5a1f7e4',
  },
  'v0.32.0': {
    amd64: '50030de23cf40a18505f20426f6a8506bedf13c6e509244bd1fa9463721b0f54',
    arm64: 'b92cd615e97585de8ddade28ed5cd7feb4248d717c233eea5b03c37298900f5d',
  },
  'v0.33.0': {
    amd64: 'aee6151561422756b764a4ae28e7f44cda5af5a9eead3cc9985112b1de8d8e0d',
    arm64: '20022bee6cfcd5086cb7234d218e3454e6090022f2a8f55d1fa7fcf42c3867a2',
  },
};

export function knownKindVersions(): string[] {
  return Object.keys(KIND_LINUX_SHA256);
}
