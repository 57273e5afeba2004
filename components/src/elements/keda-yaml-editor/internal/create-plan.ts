/**
 * Create mode: the objects a text of one or more documents creates, in the order written, and the
 * report of what became of each (dry run, create, or where it stopped). A partial failure is
 * reported, not rolled back: the objects are the person's own text, created as written, and they
 * fix the failing document and create again (what was created is not sent twice) or delete what
 * they no longer want. Deleting automatically could remove an object someone started to use
 * meanwhile, and could fail too.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CheckedDocument, CreatableKind } from '../../../core/keda/check-edit.js';
import type { ValidationIssue } from '../../../core/keda/validation-issue.js';
import type { LocatedIssue } from '../../../core/keda/check-edit.js';
import {
  apiVersionOf,
  qualifiedResource,
  SecretResource,
  type ResourceType,
} from '../../../core/kube/resource.js';
import type { KubeObject } from '../../../core/kube/types.js';
import type { LinkResolver } from '../../../context/contexts.js';
import { failureNotice, type Failure } from './failure-notice.js';
import { resolveKind } from './kinds.js';
import type { Redact } from './panels.js';

export interface PlannedObject {
  /** The document it is written in (1-based). */
  document: number;
  type: ResourceType;
  kind: CreatableKind;
  namespace?: string;
  name: string;
  body: KubeObject;
  /** `earlier`: created by a previous attempt on this text, not sent again. */
  state: 'pending' | 'checked' | 'created' | 'failed' | 'not-attempted' | 'earlier';
  failure?: Failure;
  stored?: KubeObject;
}

export interface CreatePlan {
  /** The text planned (a review closes when the text changes). */
  text: string;
  objects: PlannedObject[];
  /** `review`: every dry run passed; `refused`: a dry run failed; `partial`: a create failed. */
  phase: 'review' | 'refused' | 'partial' | 'done';
}

/** The objects of checked documents (no errors left), in the order written. */
export function planObjects(documents: readonly CheckedDocument[], namespace: string): PlannedObject[] {
  return documents.flatMap((doc) => {
    const value = doc.value as KubeObject;
    const type = doc.kind === 'Secret' ? SecretResource : doc.kind && resolveKind(doc.kind)?.type;
    if (!type || !doc.kind) return [];
    const metadata = { ...value.metadata };
    if (type.namespaced && !metadata.namespace) metadata.namespace = namespace;
    if (!type.namespaced) delete metadata.namespace;
    return [
      {
        document: doc.number,
        type,
        kind: doc.kind,
        namespace: type.namespaced ? metadata.namespace : undefined,
        name: metadata.name ?? metadata.generateName ?? '',
        body: { ...value, metadata },
        state: 'pending' as const,
      },
    ];
  });
}

/** Identifies an object across attempts: `secrets/shop/rabbit`. */
export function plannedObjectKey(o: PlannedObject): string {
  return `${o.type.plural}/${o.namespace ?? ''}/${o.name}`;
}

/** `Secret shop/rabbit`. */
export function objectLabel(o: PlannedObject): string {
  return `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
}

export interface PlanPanelOptions {
  redact: Redact;
  link: LinkResolver | undefined;
  busy: boolean;
  /** Where an issue of a document is in the current text. */
  locate: (document: number, issue: ValidationIssue) => LocatedIssue | undefined;
  goTo: (issue: LocatedIssue) => void;
  create: () => void;
  back: () => void;
}

function linked(o: PlannedObject, link: LinkResolver | undefined): TemplateResult {
  const stored = o.stored?.metadata;
  const href = link?.({
    kind: o.kind,
    apiVersion: apiVersionOf(o.type),
    namespace: stored?.namespace ?? o.namespace,
    name: stored?.name ?? o.name,
  });
  const label = objectLabel({ ...o, name: stored?.name ?? o.name });
  return href ? html`<a href=${href}>${label}</a>` : html`${label}`;
}

const list = (objects: PlannedObject[], show: (o: PlannedObject) => TemplateResult | string) =>
  objects.map((o, i) => html`${i ? ', ' : ''}${show(o)}`);

function failureOf(o: PlannedObject, options: PlanPanelOptions): TemplateResult | typeof nothing {
  if (!o.failure) return nothing;
  return html`<p class="document-failed">Document ${o.document}: ${objectLabel(o)}</p>
    ${failureNotice({
      ...o.failure,
      kind: o.kind,
      resource: qualifiedResource(o.type),
      redact: options.redact,
      locate: (issue) => options.locate(o.document, issue),
      goTo: options.goTo,
      creating: true,
    })}`;
}

/** The review before creating, the refused dry runs, or the report of what was created. */
export function planPanel(plan: CreatePlan, options: PlanPanelOptions): TemplateResult {
  const { objects } = plan;
  const n = objects.length;
  const count = `${n} ${n === 1 ? 'object' : 'objects'}`;
  const created = objects.filter((o) => o.state === 'created' || o.state === 'earlier');
  const failed = objects.filter((o) => o.state === 'failed');
  switch (plan.phase) {
    case 'review':
      return html`<section class="notice review" part="review" aria-labelledby="review-title">
        <h3 id="review-title">
          Create ${n === 1 ? 'this object' : `these ${count}`}, in this order? The API server accepted
          ${n === 1 ? 'it' : 'them'} in a dry run.
        </h3>
        <ol class="plan">
          ${objects.map(
            (o) =>
              html`<li data-state=${o.state}>
                ${objectLabel(o)} <span class="muted">(document ${o.document})</span>
                ${
                  o.state === 'earlier'
                    ? html`<span class="muted">: created by your last attempt, not sent again</span>`
                    : nothing
                }
              </li>`,
          )}
        </ol>
        <div class="actions">
          <button type="button" class="primary" ?disabled=${options.busy} @click=${options.create}>
            Create
          </button>
          <button type="button" ?disabled=${options.busy} @click=${options.back}>Back to editing</button>
        </div>
      </section>`;
    case 'refused':
      return html`<section class="plan-report refused" aria-label="Dry run">
        <p class="notice error" role="alert">
          <strong
            >The API server refused ${failed.length} of ${count} in a dry run: nothing was created.</strong
          >
        </p>
        ${failed.map((o) => failureOf(o, options))}
      </section>`;
    case 'partial': {
      const stopped = failed[0];
      const skipped = objects.filter((o) => o.state === 'not-attempted');
      return html`<section class="plan-report partial" aria-label="What was created">
        <div class="notice error" role="alert">
          <strong
            >Created ${created.length} of ${count}; stopped at
            ${stopped ? `${objectLabel(stopped)} (document ${stopped.document})` : 'an error'}.</strong
          >
          <p>
            ${
              created.length
                ? html`Created: ${list(created, (o) => linked(o, options.link))}.`
                : 'Nothing was created.'
            }
            ${skipped.length ? html`Not created: ${list(skipped, objectLabel)}.` : nothing}
          </p>
          <p>
            Nothing was deleted. Fix the document and press <em>Review and create…</em> again: what was
            created is not sent twice. Delete what was created yourself if you no longer want it.
          </p>
        </div>
        ${stopped ? failureOf(stopped, options) : nothing}
      </section>`;
    }
    case 'done':
      return html`<div class="notice success done" role="status">
        <strong>Created ${count}:</strong>
        <ul>
          ${created.map((o) => html`<li>${linked(o, options.link)}</li>`)}
        </ul>
      </div>`;
  }
}
