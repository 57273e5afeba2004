import { html, nothing, type TemplateResult } from 'lit';
import { dump } from 'js-yaml';
import {
  maskTriggerCredentials,
  WIZARD_STEP_TITLES,
  type LocatedProblem,
  type WizardObjectRole,
  type WizardObjects,
  type WizardStep,
} from '../../../core/keda/wizard.js';
import type { KubeObject } from '../../../core/kube/types.js';
import { notice, type WizardView } from './view.js';

/** Where one object stands in the dry run and the create. */
export interface ObjectRun {
  role: WizardObjectRole;
  kind: string;
  name: string;
  dryRun: 'pending' | 'running' | 'ok' | 'error';
  create: 'not-started' | 'running' | 'created' | 'failed' | 'not-attempted';
  /** The API's messages (verbatim), placed at steps and fields. */
  problems: LocatedProblem[];
  /** The API's status code of the last failure (0 = network). */
  code?: number;
}

export type ReviewPhase = 'idle' | 'dry-running' | 'checked' | 'creating' | 'done' | 'partial';

export interface ReviewControls {
  /** The objects to create, Secret values masked. */
  objects: WizardObjects;
  runs: readonly ObjectRun[];
  phase: ReviewPhase;
  /** Client-side errors that block the dry run, by step. */
  blockingSteps: readonly WizardStep[];
  dryRun(): void;
  create(): void;
  rollback(): void;
  startOver(): void;
}

/** YAML of an object as it is sent (Secret values masked by the builder). */
export function toYaml(object: unknown): string {
  return dump(object, { noRefs: true, lineWidth: -1 });
}

const DRY_RUN_TEXT: Record<ObjectRun['dryRun'], string> = {
  pending: 'Not checked yet',
  running: 'Checking with the API server (dry run)…',
  ok: 'The API server accepts it (dry run)',
  error: 'The API server refuses it (dry run)',
};

const CREATE_TEXT: Record<ObjectRun['create'], string> = {
  'not-started': '',
  running: 'Creating…',
  created: 'Created',
  failed: 'Failed',
  'not-attempted': 'Not created (an earlier object failed)',
};

function problemList(view: WizardView, run: ObjectRun): TemplateResult | typeof nothing {
  if (run.problems.length === 0) return nothing;
  return html`<ul class="api-problems" data-problems-for=${run.role}>
    ${run.problems.map(
      (p) =>
        html`<li>
          <span class="api-message">${p.message}</span>
          ${
            p.step !== 'review'
              ? html` <button type="button" class="link" @click=${() => view.goTo(p.step, p.field)}>
                  Fix in ${WIZARD_STEP_TITLES[p.step]}
                </button>`
              : nothing
          }
        </li>`,
    )}
  </ul>`;
}

function renderObject(
  view: WizardView,
  r: ReviewControls,
  run: ObjectRun,
  object: KubeObject | undefined,
): TemplateResult {
  const status = run.create !== 'not-started' ? CREATE_TEXT[run.create] : DRY_RUN_TEXT[run.dryRun];
  const bad = run.dryRun === 'error' || run.create === 'failed';
  const good = run.create === 'created' || (run.create === 'not-started' && run.dryRun === 'ok');
  return html`<section class="object" data-role=${run.role} aria-labelledby=${`obj-${run.role}`}>
    <header>
      <h4 id=${`obj-${run.role}`}>${run.kind} <code>${run.name}</code></h4>
      <span class="status ${bad ? 'bad' : good ? 'ok' : ''}" data-status=${run.role} role="status"
        >${status}</span
      >
    </header>
    ${problemList(view, run)}
    <pre class="yaml" tabindex="0" aria-label="YAML of ${run.kind} ${run.name}">
${toYaml(object && maskTriggerCredentials(object))}</pre>
  </section>`;
}

function outcome(view: WizardView, r: ReviewControls): TemplateResult | typeof nothing {
  const created = r.runs.filter((x) => x.create === 'created');
  const failed = r.runs.find((x) => x.create === 'failed');
  const skipped = r.runs.filter((x) => x.create === 'not-attempted');
  const link = (run: ObjectRun) => {
    const href =
      run.role === 'secret'
        ? undefined
        : view.link({
            kind: run.kind,
            apiVersion: 'keda.sh/v1alpha1',
            namespace: view.state.namespace,
            name: run.name,
          });
    return href ? html`<a href=${href}>${run.kind} ${run.name}</a>` : html`${run.kind} ${run.name}`;
  };
  if (r.phase === 'done') {
    return html`<div class="outcome ok" role="status" part="outcome">
      <strong>Created ${created.length === 1 ? 'one object' : `${created.length} objects`}.</strong>
      <ul>
        ${created.map((c) => html`<li>${link(c)}</li>`)}
      </ul>
      <p>KEDA picks it up within a few seconds; its conditions show whether the triggers work.</p>
      <button type="button" @click=${() => r.startOver()}>Create another</button>
    </div>`;
  }
  if (r.phase === 'partial' && failed) {
    return html`<div class="outcome bad" role="alert" part="outcome">
      <strong>Stopped at ${failed.kind} ${failed.name} (${failed.code || 'network'}).</strong>
      <p>
        ${
          created.length
            ? html`Created: ${created.map((c, i) => html`${i ? ', ' : ''}${link(c)}`)}.`
            : 'Nothing was created.'
        }
        Failed: ${failed.kind} ${failed.name}.
        ${skipped.length ? html`Not created: ${skipped.map((s) => `${s.kind} ${s.name}`).join(', ')}.` : nothing}
      </p>
      ${problemList(view, failed)}
      <p>
        What to do: fix the problem and press <em>Create</em> again (what was created is kept and not sent
        twice),
        ${created.length ? html`or remove what was created with <em>Delete what was created</em>.` : 'or cancel.'}
      </p>
      ${
        created.length
          ? html`<button type="button" class="danger" @click=${() => r.rollback()}>
              Delete what was created
            </button>`
          : nothing
      }
    </div>`;
  }
  return nothing;
}

/** Step 6: the YAML of every object, a server-side dry run of each, then the create in order. */
export function renderReviewStep(view: WizardView, r: ReviewControls): TemplateResult {
  const byRole = new Map(r.objects.objects.map((o) => [o.role, o.object]));
  const busy = r.phase === 'dry-running' || r.phase === 'creating';
  const dryRunFailed = r.runs.some((x) => x.dryRun === 'error');
  const allChecked = r.runs.length > 0 && r.runs.every((x) => x.dryRun === 'ok');
  const canCreate =
    !busy && r.phase !== 'done' && r.blockingSteps.length === 0 && (allChecked || r.phase === 'partial');
  return html`${
      r.blockingSteps.length
        ? notice(
            'error',
            'Fix the wizard’s errors first',
            html`<p>
              Problems remain in
              ${r.blockingSteps.map(
                (s, i) =>
                  html`${i ? ', ' : ''}<button type="button" class="link" @click=${() => view.goTo(s)}>
                      ${WIZARD_STEP_TITLES[s]}
                    </button>`,
              )}.
            </p>`,
          )
        : nothing
    }
    ${outcome(view, r)}
    <p class="intro">
      ${r.objects.objects.length === 1 ? 'One object is' : `${r.objects.objects.length} objects are`} created
      in this order. Secret values are shown as <code>****</code>.
    </p>
    ${r.runs.map((run) => renderObject(view, r, run, byRole.get(run.role)))}
    <div class="review-actions">
      <button
        type="button"
        data-action="dry-run"
        ?disabled=${busy || r.blockingSteps.length > 0 || r.phase === 'done'}
        @click=${() => r.dryRun()}
      >
        ${r.phase === 'dry-running' ? 'Checking…' : dryRunFailed || allChecked ? 'Check again (dry run)' : 'Check (dry run)'}
      </button>
      <button
        type="button"
        class="primary"
        data-action="create"
        ?disabled=${!canCreate}
        @click=${() => r.create()}
      >
        ${r.phase === 'creating' ? 'Creating…' : 'Create'}
      </button>
    </div>`;
}
