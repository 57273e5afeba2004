import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One benchmark result, as ARCHITECTURE.md defines it. */
export interface BenchResult {
  bench: string;
  metric: string;
  unit: string;
  ours: number;
  peer: number | null;
  peerName: string | null;
  ratio: number | null;
  goal: string;
  runs: number;
  date: string;
  /** Anything else worth keeping next to the headline number. */
  details?: Record<string, unknown>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function writeResult(
  result: Omit<BenchResult, 'date' | 'ratio'> & { ratio?: number | null },
): BenchResult {
  const full: BenchResult = {
    ...result,
    ratio: result.ratio ?? (result.peer !== null ? round(result.peer / result.ours, 2) : null),
    date: new Date().toISOString(),
  };
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${result.bench}.json`), `${JSON.stringify(full, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(full, null, 2)}\n`);
  return full;
}
