/**
 * The notice for a refused save: what happened in the API server's words (credentials masked),
 * where in the text when the error names a field, and what to do next. Webhook denials and RBAC
 * refusals are shown prominently; every kind says that the text is kept.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { WriteErrorReport } from '../../../core/keda/api-write-error.js';
import type { LocatedIssue } from '../../../core/keda/check-edit.js';
import { formatFieldPath } from '../../../core/keda/field-path.js';
import type { ValidationIssue } from '../../../core/keda/validation-issue.js';
import { errorHint } from '../../../core/kube/error-hints.js';

export interface Failure {
  report: WriteErrorReport;
  /** The step that failed. */
  step: 'dry run' | 'save';
}

export interface FailureNoticeOptions extends Failure {
  /** The kind of the object written (a KEDA kind, or `Secret` in create mode). */
  kind: string;
  /** `scaledobjects.keda.sh`. */
  resource: string;
  redact: (text: string) => string;
  /** Where an issue is in the current text. */
  locate: (issue: ValidationIssue) => LocatedIssue | undefined;
  goTo: (issue: LocatedIssue) => void;
  /** The write was a create (a 404 then means its namespace is missing, not the object). */
  creating?: boolean;
}

export function failureNotice(options: FailureNoticeOptions): TemplateResult {
  const { report, step, kind, resource, redact, locate, goTo } = options;
  const kept = 'Your text is kept (also as a draft in this browser).';
  const firstLine = (issue: ValidationIssue | undefined) => {
    const located = issue ? locate(issue) : undefined;
    return issue && located
      ? html`<p>
          About <code>${formatFieldPath(issue.path)}</code>, line ${located.line}.
          <button type="button" class="link" @click=${() => goTo(located)}>Go to line ${located.line}</button>
        </p>`
      : nothing;
  };
  let title: string;
  let body: TemplateResult | typeof nothing = nothing;
  let prominent = false;
  switch (report.kind) {
    case 'webhook':
      prominent = true;
      title = `KEDA's admission webhook refused the ${step}`;
      body = html`<p class="api-message denial">${redact(report.denial ?? report.message)}</p>
        ${firstLine(report.issues[0])}
        <p>Fix the ${kind} and save again. ${kept}</p>
        <details>
          <summary>Full API message (${report.webhook})</summary>
          <p class="api-message">${redact(report.message)}</p>
        </details>`;
      break;
    case 'invalid':
      title = `The API server rejected the ${kind} (422 Invalid)`;
      body = html`<p class="api-message">${redact(report.message)}</p>
        ${report.issues.length > 1 ? html`<p>${report.issues.length} fields are marked in the text.</p>` : nothing}
        ${firstLine(report.issues[0])}
        <p>${kept}</p>`;
      break;
    case 'bad-request':
      title = `The API server could not read the ${kind} (400)`;
      body = html`<p class="api-message">${redact(report.message)}</p>
        ${firstLine(report.issues[0])}
        <p>${kept}</p>`;
      break;
    case 'forbidden':
      prominent = true;
      title = `You may not change this ${kind} (403 Forbidden)`;
      body = html`<p class="api-message">${redact(report.message)}</p>
        <p>
          Ask for the <code>update</code> verb on <code>${resource}</code> (and <code>create</code> for new
          objects). ${kept}
        </p>`;
      break;
    case 'network':
      title = 'Could not reach the cluster';
      body = html`<p class="api-message">${redact(report.message)}</p>
        <p>Nothing was saved. ${kept} Try again when the connection is back.</p>`;
      break;
    case 'not-found':
      title = options.creating
        ? `Nowhere to create the ${kind} (404 Not Found)`
        : `This ${kind} no longer exists`;
      body = html`<p class="api-message">${redact(report.message)}</p>
        <p>${options.creating ? 'Does its namespace exist? ' : ''}${kept}</p>`;
      break;
    case 'already-exists':
      title = `A ${kind} with this name already exists`;
      body = html`<p class="api-message">${redact(report.message)}</p>
        <p>Choose another name, or edit the existing one. ${kept}</p>`;
      break;
    default:
      title = `The API server refused the ${step} (${report.code})`;
      body = html`<p class="api-message">${redact(report.message)}</p>
        <p>${errorHint(report.code, resource)} ${kept}</p>`;
  }
  return html`<div
    class="notice error failure ${prominent ? 'prominent' : ''}"
    role="alert"
    part="alert"
    data-kind=${report.kind}
  >
    <strong>${title}</strong
    >${step === 'dry run' ? html` <span class="muted">(dry run: nothing was changed)</span>` : nothing}
    ${body}
  </div>`;
}
