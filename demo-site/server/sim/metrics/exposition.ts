/**
 * The Prometheus text exposition format (version 0.0.4), as client_golang writes it: `# HELP`,
 * `# TYPE`, then one line per series with its labels sorted by name and escaped.
 */

export type MetricKind = 'gauge' | 'counter';

export interface Family {
  name: string;
  help: string;
  type: MetricKind;
  series: Array<{ labels: Record<string, string>; value: number }>;
}

export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

export function escapeLabelValue(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** Go's strconv.FormatFloat(v, 'g', -1, 64) for the values we export, and Prometheus' special values. */
export function formatSampleValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e21 || abs < 1e-4)) {
    const [mantissa, exponent] = v.toExponential().split('e') as [string, string];
    const sign = exponent.startsWith('-') ? '-' : '+';
    const digits = exponent.replace(/^[+-]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(v);
}

/** Renders families in the given order; families without series are left out, as client_golang does. */
export function renderExposition(families: readonly Family[]): string {
  const lines: string[] = [];
  for (const f of families) {
    if (!f.series.length) continue;
    lines.push(`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type}`);
    for (const s of f.series) {
      const labels = Object.keys(s.labels)
        .sort()
        .map((k) => `${k}="${escapeLabelValue(s.labels[k] ?? '')}"`)
        .join(',');
      lines.push(`${f.name}${labels ? `{${labels}}` : ''} ${formatSampleValue(s.value)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
