/** A line diff (longest common subsequence) and its grouping into hunks with context, for review views. */

export interface DiffLine {
  kind: 'same' | 'add' | 'del';
  text: string;
  /** 1-based line in the old text (same, del). */
  oldLine?: number;
  /** 1-based line in the new text (same, add). */
  newLine?: number;
}

export interface DiffHunk {
  lines: DiffLine[];
}

/** Above this many cells the middle is shown as replaced wholesale rather than aligned. */
const MAX_CELLS = 4_000_000;

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The lines of `a` and `b` aligned: unchanged, removed from `a`, added in `b`. */
export function diffLines(a: string, b: string): DiffLine[] {
  const x = splitLines(a);
  const y = splitLines(b);
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start += 1;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX -= 1;
    endY -= 1;
  }
  const out: DiffLine[] = [];
  for (let i = 0; i < start; i += 1) out.push({ kind: 'same', text: x[i]!, oldLine: i + 1, newLine: i + 1 });

  const n = endX - start;
  const m = endY - start;
  if (n * m > MAX_CELLS) {
    for (let i = start; i < endX; i += 1) out.push({ kind: 'del', text: x[i]!, oldLine: i + 1 });
    for (let j = start; j < endY; j += 1) out.push({ kind: 'add', text: y[j]!, newLine: j + 1 });
  } else {
    // lcs[i][j] = LCS length of x[start+i..endX) and y[start+j..endY)
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i -= 1) {
      for (let j = m - 1; j >= 0; j -= 1) {
        lcs[i * width + j] =
          x[start + i] === y[start + j]
            ? lcs[(i + 1) * width + j + 1]! + 1
            : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && x[start + i] === y[start + j]) {
        out.push({ kind: 'same', text: x[start + i]!, oldLine: start + i + 1, newLine: start + j + 1 });
        i += 1;
        j += 1;
      } else if (i < n && (j === m || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
        out.push({ kind: 'del', text: x[start + i]!, oldLine: start + i + 1 });
        i += 1;
      } else {
        out.push({ kind: 'add', text: y[start + j]!, newLine: start + j + 1 });
        j += 1;
      }
    }
  }
  for (let k = 0; k < x.length - endX; k += 1) {
    out.push({ kind: 'same', text: x[endX + k]!, oldLine: endX + k + 1, newLine: endY + k + 1 });
  }
  // Show removals before additions inside each change block (reads like a unified diff).
  return reorderBlocks(out);
}

function reorderBlocks(lines: DiffLine[]): DiffLine[] {
  const out: DiffLine[] = [];
  let dels: DiffLine[] = [];
  let adds: DiffLine[] = [];
  const flush = () => {
    out.push(...dels, ...adds);
    dels = [];
    adds = [];
  };
  for (const line of lines) {
    if (line.kind === 'del') dels.push(line);
    else if (line.kind === 'add') adds.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out;
}

/** Counts of added and removed lines. */
export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const l of lines) {
    if (l.kind === 'add') added += 1;
    else if (l.kind === 'del') removed += 1;
  }
  return { added, removed };
}

/** The changed lines with `context` unchanged lines around them, as separate hunks. */
export function diffHunks(lines: readonly DiffLine[], context = 3): DiffHunk[] {
  const keep = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, i) => {
    if (line.kind === 'same') return;
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k += 1)
      keep[k] = true;
  });
  const hunks: DiffHunk[] = [];
  let current: DiffLine[] | undefined;
  lines.forEach((line, i) => {
    if (keep[i]) {
      current ??= [];
      current.push(line);
    } else if (current) {
      hunks.push({ lines: current });
      current = undefined;
    }
  });
  if (current) hunks.push({ lines: current });
  return hunks;
}
