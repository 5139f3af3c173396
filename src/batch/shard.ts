// src/batch/shard.ts
// --shard K/N: keeps the inputs whose path or URL hashes to shard K (1-based) of N. The hash is
// FNV-1a over the UTF-8 bytes, so every machine, Node version and run splits a list the same way.

export interface Shard {
  /** 1-based, as job-array indices and `--shard 1/4` read. */
  index: number;
  count: number;
}

const SHARD_SPEC = /^(\d+)\/(\d+)$/;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Parses "K/N" with 1 <= K <= N; returns an error message for anything else. */
export function parseShard(value: string): Shard | string {
  const match = SHARD_SPEC.exec(value.trim());
  if (!match) return 'must be K/N, for example 3/8';
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) return 'needs 1 <= K <= N';
  return { index, count };
}

export function fnv1a(text: string): number {
  let hash = FNV_OFFSET;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash;
}

/** The 1-based shard an input belongs to. */
export function shardOf(key: string, count: number): number {
  return (fnv1a(key) % count) + 1;
}

export function inShard(key: string, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(key, shard.count) === shard.index;
}
