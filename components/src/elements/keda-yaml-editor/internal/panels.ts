/**
 * Templates for the panels beside the editor: the problems list, the line diff and the list of
 * rebase conflicts. Every string passes through `redact` and lit's text interpolation (never HTML).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocatedIssue } from '../../../core/keda/check-edit.js';
import { formatFieldPath } from '../../../core/keda/field-path.js';
import { diffHunks, diffLines, diffStats, type DiffLine } from '../../../core/keda/line-diff.js';
import { maskYamlLine } from '../../../core/keda/redact.js';
import type { MergeConflict } from '../../../core/keda/three-way-merge.js';

export type Redact = (text: string) => string;

const SOURCE_LABEL: Record<LocatedIssue['source'], string> = {
  yaml: 'YAML',
  schema: 'schema',
  rule: 'CRD rule',
  admission: 'KEDA webhook',
  server: 'API server, last save attempt',
};

export function problemsList(
  issues: readonly LocatedIssue[],
  redact: Redact,
  go: (issue: LocatedIssue) => void,
): TemplateResult | typeof nothing {
  if (issues.length === 0) return nothing;
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const title = [
    errors ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : '',
    warnings ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return html`<section class="problems" part="problems" aria-labelledby="problems-title" tabindex="-1">
    <h3 id="problems-title">${title}</h3>
    <ul>
      ${issues.map(
        (issue) =>
          html`<li
            class=${issue.severity}
            data-line=${issue.line}
            data-column=${issue.column}
            data-severity=${issue.severity}
            data-source=${issue.source}
          >
            <button
              type="button"
              class="link where"
              @click=${() => go(issue)}
              title=${`Go to line ${issue.line}, column ${issue.column}`}
            >
              ${issue.line}:${issue.column}
            </button>
            <span class="severity">${issue.severity}</span>
            <span class="text"
              ><span class="said">${redact(issue.message)}</span>
              ${issue.hint ? html`<span class="hint">${issue.hint}</span>` : nothing}
              <span class="muted">(${SOURCE_LABEL[issue.source]})</span></span
            >
          </li>`,
      )}
    </ul>
  </section>`;
}

/** A unified line diff of two YAML texts; credential values masked line by line. */
export function diffView(before: string, after: string, redact: Redact, label: string): TemplateResult {
  const lines = diffLines(before, after);
  const { added, removed } = diffStats(lines);
  if (added === 0 && removed === 0) {
    return html`<p class="muted diff-summary">No differences.</p>`;
  }
  const hunks = diffHunks(lines, 3);
  const sign = { add: '+', del: '-', same: ' ' } as const;
  // One interpolation per line: the lines are `white-space: pre`, so no template whitespace inside.
  const show = (line: DiffLine) => `${sign[line.kind]} ${redact(maskYamlLine(line.text))}`;
  return html`<p class="muted diff-summary">${added} added, ${removed} removed lines.</p>
    <div class="diff" role="region" aria-label=${label} tabindex="0">
      ${hunks.map(
        (hunk, i) =>
          html`${i > 0 ? html`<div class="gap">⋯</div>` : nothing}${hunk.lines.map(
            (line) => html`<div class=${line.kind}>${show(line)}</div>`,
          )}`,
      )}
    </div>`;
}

function shortValue(value: unknown, key: string, redact: Redact): string {
  if (value === undefined) return '(not set)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const masked = redact(maskYamlLine(`${key}: ${text}`).slice(key.length + 2));
  return masked.length > 80 ? `${masked.slice(0, 77)}…` : masked;
}

/** The fields both sides changed: where, what the live object has and what was kept (the edit). */
export function conflictList(conflicts: readonly MergeConflict[], redact: Redact): TemplateResult {
  return html`<ul class="conflicts">
    ${conflicts.map((c) => {
      const key = String(c.path[c.path.length - 1] ?? 'value');
      return html`<li>
        <code>${formatFieldPath(c.path) || '(whole object)'}</code>: live has
        <code>${shortValue(c.theirs, key, redact)}</code>, kept yours
        <code>${shortValue(c.mine, key, redact)}</code>
      </li>`;
    })}
  </ul>`;
}
