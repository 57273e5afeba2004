/**
 * Seedable randomness (uids, generateName suffixes, scenario jitter). With a seed, every run of a
 * scenario produces the same objects.
 */
import { randomInt } from 'node:crypto';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** RFC 4122 version-4 style UUID. */
  uuid(): string;
  /** `n` characters from the alphabet the apiserver uses for generateName suffixes. */
  suffix(n: number): string;
}

/** Alphabet of k8s.io/apimachinery/pkg/util/rand.String (no vowels, no confusable digits). */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function createRandom(seed?: number): Random {
  // mulberry32: tiny, fast and good enough for simulation data.
  let state = (seed ?? randomInt(0, 2 ** 31)) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const hex = (count: number): string => {
    let out = '';
    for (let i = 0; i < count; i++) out += int(16).toString(16);
    return out;
  };
  return {
    next,
    int,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(4)] ?? '8'}${hex(3)}-${hex(12)}`,
    suffix: (n: number) => {
      let out = '';
      for (let i = 0; i < n; i++) out += SUFFIX_ALPHABET[int(SUFFIX_ALPHABET.length)] ?? 'x';
      return out;
    },
  };
}
