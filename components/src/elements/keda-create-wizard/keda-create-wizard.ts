import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import {
  ClusterTriggerAuthenticationResource,
  DeploymentResource,
  NamespaceResource,
  ScaledJobResource,
  ScaledObjectResource,
  StatefulSetResource,
  TriggerAuthenticationResource,
} from '../../core/kube/resource.js';
import type { KubeObject } from '../../core/kube/types.js';
import type { InformerState } from '../../data/informer.js';
import type { ScaledJob, ScaledObject, TriggerAuthentication } from '../../core/keda/types.js';
import {
  buildWizardObjects,
  firstStepWithError,
  initialWizardState,
  locateApiError,
  newAuthParameters,
  newTriggerDraft,
  numbersValid,
  stepIssues,
  validateWizard,
  WIZARD_STEP_TITLES,
  WIZARD_STEPS,
  type LocatedProblem,
  type WizardContext,
  type WizardIssue,
  type WizardKind,
  type WizardObjectRole,
  type WizardState,
  type WizardStep,
} from '../../core/keda/wizard.js';
import { presetCurve, type LoadCurve, type LoadPresetId } from '../../core/scaling/load-curves.js';
import { simulateWhatIf, type WhatIfResult } from '../../core/scaling/what-if.js';
import { linksContext, type LinkResolver, type ObjectRef } from '../../context/contexts.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { KedaStore } from '../../data/keda-store.js';
import { KubeApiError } from '../../data/kube-client.js';
import { listSecretKeys } from '../../data/secret-keys.js';
import { themeStyles } from '../../styles/theme.js';
import { wizardStyles } from './keda-create-wizard.styles.js';
import { renderAdvancedStep, type WhatIfControls } from './internal/step-advanced.js';
import { providedParameters, renderAuthStep } from './internal/step-auth.js';
import { renderReviewStep, type ObjectRun, type ReviewPhase } from './internal/step-review.js';
import { renderScalingStep } from './internal/step-scaling.js';
import { renderTargetStep } from './internal/step-target.js';
import { renderTriggersStep, type PickerState } from './internal/step-triggers.js';
import {
  issueSummary,
  type ListData,
  type WizardData,
  type WizardView,
  type WorkloadItem,
} from './internal/view.js';

/** `detail` of `keda-created`. */
export interface KedaCreatedDetail {
  kind: WizardKind;
  namespace: string;
  name: string;
  /** Every object created, in creation order (Secret, TriggerAuthentication, then the scaled object). */
  created: ObjectRef[];
}

interface WorkloadObject extends KubeObject {
  spec?: { replicas?: number; template?: { spec?: { containers?: Array<{ name: string }> } } };
  status?: { readyReplicas?: number };
}

const STEP_LEADS: Readonly<Record<WizardStep, string>> = {
  target: 'What to create, in which namespace, and what it scales.',
  scaling: 'How far KEDA may scale, and how quickly it reacts.',
  triggers: 'What KEDA watches to decide the scale: pick any of KEDA’s 79 trigger types.',
  auth: 'Where the triggers’ credentials come from: never typed into the trigger itself.',
  advanced: 'Optional: fallback, HPA behaviour and formulas, and a preview of the scaling under a load.',
  review: 'The objects to create, checked by the API server before anything is written.',
};

function combine(a: InformerState, b: InformerState): InformerState {
  return {
    ...a,
    synced: a.synced && b.synced,
    error: a.error ?? b.error,
    phase: a.synced && b.synced ? 'live' : a.error || b.error ? 'error' : 'listing',
  };
}

/**
 * Creates a ScaledObject or a ScaledJob without memorising KEDA's spec, in six steps: the target
 * (a workload from the store's lists, any `/scale` resource by hand, or a Job template), scaling
 * bounds and timings with KEDA's defaults shown, triggers (any of the 79 types, forms generated
 * from KEDA's scaler catalog, credentials only through a TriggerAuthentication or `<key>FromEnv`),
 * authentication (an existing TriggerAuthentication, or a new one over an existing or new Secret
 * whose values go straight to the API), advanced settings with a what-if preview, and a review
 * that shows each object's YAML (Secret values masked), dry-runs them on the server, then creates
 * them in order and says exactly what happened if one fails.
 *
 * @fires keda-created - Everything was created; `detail` is a {@link KedaCreatedDetail}.
 * @fires keda-cancel - The person pressed Cancel; `detail` is `{}`.
 * @csspart header - The title.
 * @csspart steps - The step list (buttons to visited steps).
 * @csspart step - The current step's panel.
 * @csspart issues - The error summary at the top of a step.
 * @csspart notice - Loading, empty, error and info messages.
 * @csspart what-if - The what-if preview.
 * @csspart outcome - The result of a create (success or partial failure).
 * @csspart footer - Back, Cancel and Next.
 * @cssprop --keda-fg - Text colour.
 * @cssprop --keda-bg - Background.
 * @cssprop --keda-muted - Secondary text.
 * @cssprop --keda-border - Borders.
 * @cssprop --keda-surface - Panels.
 * @cssprop --keda-accent - Primary button, focus, the replicas line.
 * @cssprop --keda-on-accent - Text on the primary (accent-filled) button.
 * @cssprop --keda-error - Errors.
 * @cssprop --keda-warn - Warnings and the load line.
 * @cssprop --keda-ok - Success.
 */
export class CreateWizard extends LitElement {
  static override styles = [themeStyles, wizardStyles];

  /** The namespace to start in (the person can change it in the first step). */
  @property() namespace = 'default';

  /** What to create at first: `ScaledObject` (default) or `ScaledJob`. */
  @property() kind: WizardKind = 'ScaledObject';

  /** A target to preselect, as `apiVersion/kind/name` (`apps/v1/Deployment/orders`). */
  @property() target = '';

  /** An explicit store; by default the one of the enclosing `<keda-connection>`. */
  @property({ attribute: false })
  set store(store: KedaStore | undefined) {
    this.data.use(store);
  }
  get store(): KedaStore | undefined {
    return this.data.store;
  }

  @consume({ context: linksContext, subscribe: true })
  private links: LinkResolver | undefined;

  @state() private wizard: WizardState = initialWizardState();
  @state() private step: WizardStep = 'target';
  @state() private reached = 0;
  @state() private attempted = new Set<WizardStep>();
  @state() private apiProblems: LocatedProblem[] = [];
  @state() private filledSecrets = new Set<string>();
  @state() private secrets: WizardData['secrets'] = { phase: 'idle' };
  @state() private picker: PickerState = { query: '', category: '', open: false };
  @state() private runs: ObjectRun[] = [];
  @state() private phase: ReviewPhase = 'idle';
  @state() private curve: LoadCurve = presetCurve('burst', 100);
  @state() private peak = 100;
  @state() private jobSeconds = 120;
  @state() private whatIf: WhatIfResult | undefined;
  @state() private listNamespace = 'default';

  /** Secret values by parameter: only here and in their password inputs; cleared once created. */
  private readonly secretValues = new Map<string, string>();
  /** Objects already created (kept across a retry so nothing is sent twice). */
  private readonly created = new Map<WizardObjectRole, { kind: string; name: string; apiVersion: string }>();
  private readonly data = new StoreController(this, []);
  private initialized = false;
  private checkedKey = '';
  /** The simulation the last render asked for (scheduled after the update). */
  private whatIfRequest: { key: string; run: () => WhatIfResult } | undefined;
  private whatIfKey = '';
  private whatIfDone = '';
  private whatIfTimer: ReturnType<typeof setTimeout> | undefined;
  private namespaceTimer: ReturnType<typeof setTimeout> | undefined;
  private focusAfterUpdate: string | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.whatIfTimer);
    clearTimeout(this.namespaceTimer);
    this.secretValues.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.initialized) {
      this.initialized = true;
      this.wizard = initialWizardState(
        this.namespace || 'default',
        this.kind === 'ScaledJob' ? 'ScaledJob' : 'ScaledObject',
      );
      this.applyTargetAttribute();
      this.listNamespace = this.wizard.namespace;
    } else {
      if (changed.has('namespace') && this.namespace) {
        this.wizard.namespace = this.namespace;
        this.listNamespace = this.namespace;
      }
      if (changed.has('kind')) this.wizard.kind = this.kind === 'ScaledJob' ? 'ScaledJob' : 'ScaledObject';
      if (changed.has('target')) this.applyTargetAttribute();
    }
    this.data.need(this.needs());
  }

  private applyTargetAttribute(): void {
    const parts = this.target.split('/').filter(Boolean);
    if (parts.length < 3) return;
    const name = parts.pop() as string;
    const kind = parts.pop() as string;
    const t = this.wizard.target;
    t.apiVersion = parts.join('/');
    t.kind = kind;
    t.name = name;
    if (!this.wizard.name) this.wizard.name = name;
  }

  private needs() {
    const namespace = this.listNamespace || undefined;
    return [
      { type: DeploymentResource, namespace },
      { type: StatefulSetResource, namespace },
      { type: ScaledObjectResource, namespace },
      { type: ScaledJobResource, namespace },
      { type: TriggerAuthenticationResource, namespace },
      { type: ClusterTriggerAuthenticationResource },
      { type: NamespaceResource },
    ];
  }

  // ---------------------------------------------------------------- data

  private collection<T extends KubeObject>(
    store: KedaStore,
    type: typeof DeploymentResource,
    namespaced = true,
  ) {
    return store.collection<T>(type, namespaced ? { namespace: this.listNamespace } : {});
  }

  private wizardData(store: KedaStore): WizardData {
    const deployments = this.collection<WorkloadObject>(store, DeploymentResource);
    const statefulSets = this.collection<WorkloadObject>(store, StatefulSetResource);
    const toItem =
      (kind: string) =>
      (w: WorkloadObject): WorkloadItem => ({
        apiVersion: 'apps/v1',
        kind,
        name: w.metadata.name ?? '',
        ...(w.spec?.replicas !== undefined ? { replicas: w.spec.replicas } : {}),
        ...(w.status?.readyReplicas !== undefined ? { ready: w.status.readyReplicas } : {}),
        containers: (w.spec?.template?.spec?.containers ?? []).map((c) => c.name),
      });
    const workloads: ListData<WorkloadItem> = {
      items: [
        ...deployments.items.map(toItem('Deployment')),
        ...statefulSets.items.map(toItem('StatefulSet')),
      ].sort((a, b) => a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind)),
      state: combine(deployments.state, statefulSets.state),
    };
    const namespaces = this.collection<KubeObject>(store, NamespaceResource, false);
    return {
      namespaces: {
        items: namespaces.items
          .map((n) => n.metadata.name ?? '')
          .filter(Boolean)
          .sort(),
        state: namespaces.state,
      },
      workloads,
      triggerAuthentications: this.collection<TriggerAuthentication>(store, TriggerAuthenticationResource),
      clusterTriggerAuthentications: this.collection<TriggerAuthentication>(
        store,
        ClusterTriggerAuthenticationResource,
        false,
      ),
      secrets: this.secrets,
    };
  }

  private context(store: KedaStore, data: WizardData): WizardContext {
    const names = (items: readonly KubeObject[], synced: boolean, except?: string) =>
      synced ? items.map((o) => o.metadata.name ?? '').filter((n) => n && n !== except) : undefined;
    const scaledObjects = this.collection<ScaledObject>(store, ScaledObjectResource);
    const scaledJobs = this.collection<ScaledJob>(store, ScaledJobResource);
    const createdName = (role: WizardObjectRole) => this.created.get(role)?.name;
    const authParameters: Record<string, readonly string[] | undefined> = {};
    for (const ta of data.triggerAuthentications.items)
      authParameters[`TriggerAuthentication/${ta.metadata.name}`] = providedParameters(ta);
    for (const ta of data.clusterTriggerAuthentications.items)
      authParameters[`ClusterTriggerAuthentication/${ta.metadata.name}`] = providedParameters(ta);
    const existing: NonNullable<WizardContext['existing']> = {
      scaledObjects: names(scaledObjects.items, scaledObjects.state.synced, createdName('scaledObject')),
      scaledJobs: names(scaledJobs.items, scaledJobs.state.synced, createdName('scaledJob')),
      triggerAuthentications: names(
        data.triggerAuthentications.items,
        data.triggerAuthentications.state.synced,
        createdName('triggerAuthentication'),
      ),
      clusterTriggerAuthentications: names(
        data.clusterTriggerAuthentications.items,
        data.clusterTriggerAuthentications.state.synced,
      ),
      ...(data.secrets.phase === 'ready'
        ? { secrets: data.secrets.items.map((s) => s.name).filter((n) => n !== createdName('secret')) }
        : {}),
    };
    return {
      existing,
      managedTargets: scaledObjects.items.map((so) => ({
        scaledObject: so.metadata.name ?? '',
        apiVersion: so.spec.scaleTargetRef.apiVersion || 'apps/v1',
        kind: so.spec.scaleTargetRef.kind || 'Deployment',
        name: so.spec.scaleTargetRef.name,
      })),
      authParameters,
      filledSecrets: this.filledSecrets,
    };
  }

  // ---------------------------------------------------------------- state changes

  private change(field: string | undefined, mutate: (s: WizardState) => void): void {
    const namespaceBefore = this.wizard.namespace;
    mutate(this.wizard);
    if (field) this.apiProblems = this.apiProblems.filter((p) => p.field !== field);
    if (this.wizard.namespace !== namespaceBefore) {
      if (this.wizard.target.mode === 'list') this.wizard.target.name = '';
      this.namespaceChanged();
    }
    // Secret values of parameters no longer mapped are forgotten.
    const mapped = new Set(newAuthParameters(this.wizard));
    for (const p of [...this.secretValues.keys()]) if (!mapped.has(p)) this.secretValues.delete(p);
    this.filledSecrets = new Set(
      [...this.secretValues.entries()].filter(([, v]) => v !== '').map(([k]) => k),
    );
    if (this.phase === 'checked' || this.phase === 'idle') this.phase = 'idle';
    this.requestUpdate();
  }

  private namespaceChanged(): void {
    this.secrets = { phase: 'idle' };
    clearTimeout(this.namespaceTimer);
    this.namespaceTimer = setTimeout(() => {
      this.listNamespace = this.wizard.namespace;
    }, 400);
  }

  private addTrigger(type: string): void {
    const trigger = newTriggerDraft(type);
    this.change('triggers', (s) => {
      s.triggers.push(trigger);
      const base = s.name.trim() || s.target.name.trim() || 'keda';
      if (trigger.auth.mode === 'new') {
        if (!s.auth.name) s.auth.name = `${base}-${type}`.slice(0, 63);
        if (!s.auth.secretName) s.auth.secretName = `${base}-${type}`.slice(0, 63);
      }
    });
    this.picker = { query: '', category: '', open: false };
    this.focusAfterUpdate = `[data-trigger="${trigger.id}"] input`;
  }

  private setSecretValue(parameter: string, value: string): void {
    if (value) this.secretValues.set(parameter, value);
    else this.secretValues.delete(parameter);
    this.apiProblems = this.apiProblems.filter((p) => p.field !== `auth.value.${parameter}`);
    const has = this.filledSecrets.has(parameter);
    if (has !== !!value) {
      const next = new Set(this.filledSecrets);
      if (value) next.add(parameter);
      else next.delete(parameter);
      this.filledSecrets = next;
    }
  }

  private async loadSecrets(): Promise<void> {
    const store = this.data.store;
    if (!store) return;
    const namespace = this.wizard.namespace;
    this.secrets = { phase: 'loading' };
    try {
      const items = await listSecretKeys(store.client, namespace);
      if (namespace === this.wizard.namespace) this.secrets = { phase: 'ready', items };
    } catch (error) {
      this.secrets = { phase: 'error', error: asApiError(error) };
    }
  }

  // ---------------------------------------------------------------- navigation

  private goTo(step: WizardStep, field?: string): void {
    const index = WIZARD_STEPS.indexOf(step);
    this.step = step;
    this.reached = Math.max(this.reached, index);
    if (field) {
      this.attempted = new Set([...this.attempted, step]);
      this.focusAfterUpdate = `[data-field="${CSS.escape(field)}"]`;
    } else {
      this.focusAfterUpdate = '#step-title';
    }
    if (step === 'auth') this.suggestAuthNames();
    if (step === 'review') this.enterReview();
  }

  private suggestAuthNames(): void {
    const s = this.wizard;
    const first = s.triggers.find((t) => t.auth.mode === 'new');
    if (!first) return;
    const base = `${s.name.trim() || s.target.name.trim() || 'keda'}-${first.type}`.slice(0, 63);
    if (!s.auth.name) s.auth.name = base;
    if (!s.auth.secretName) s.auth.secretName = base;
  }

  private next(issues: readonly WizardIssue[]): void {
    const errors = stepIssues(issues, this.step).filter((i) => i.severity === 'error');
    const apiErrors = this.apiProblems.filter((p) => p.step === this.step);
    if (errors.length || apiErrors.length) {
      this.attempted = new Set([...this.attempted, this.step]);
      const first = errors[0]?.field ?? apiErrors[0]?.field;
      this.focusAfterUpdate = first
        ? `[data-field="${CSS.escape(first)}"], [data-field-row="${CSS.escape(first)}"] input`
        : '.issue-summary';
      return;
    }
    const index = WIZARD_STEPS.indexOf(this.step);
    const next = WIZARD_STEPS[index + 1];
    if (next) this.goTo(next);
  }

  private back(): void {
    const index = WIZARD_STEPS.indexOf(this.step);
    const prev = WIZARD_STEPS[index - 1];
    if (prev) this.goTo(prev);
  }

  private focusField(field: string): void {
    const target = this.renderRoot.querySelector<HTMLElement>(
      `[data-field="${CSS.escape(field)}"], [data-field-row="${CSS.escape(field)}"] input, [data-field-row="${CSS.escape(field)}"] select`,
    );
    target?.focus();
  }

  // ---------------------------------------------------------------- review: dry run and create

  private stateKey(): string {
    return JSON.stringify(buildWizardObjects(this.wizard)) + [...this.filledSecrets].join(',');
  }

  private enterReview(): void {
    if (this.phase === 'creating' || this.phase === 'dry-running' || this.phase === 'done') return;
    const issues = this.currentIssues();
    if (issues.some((i) => i.severity === 'error')) return;
    if (this.stateKey() !== this.checkedKey || this.runs.length === 0) void this.dryRun();
  }

  private currentIssues(): WizardIssue[] {
    const store = this.data.store;
    if (!store) return [];
    return validateWizard(this.wizard, this.context(store, this.wizardData(store)));
  }

  private runsFor(): ObjectRun[] {
    const objects = buildWizardObjects(this.wizard).objects;
    return objects.map((o) => {
      const name = o.object.metadata.name ?? '';
      const done = this.created.get(o.role)?.name === name;
      return {
        role: o.role,
        kind: o.object.kind ?? o.type.kind,
        name,
        dryRun: done ? 'ok' : 'pending',
        create: done ? 'created' : 'not-started',
        problems: [],
      };
    });
  }

  private async dryRun(): Promise<void> {
    const store = this.data.store;
    if (!store || this.phase === 'dry-running' || this.phase === 'creating') return;
    this.checkedKey = this.stateKey();
    const state = structuredClone(this.wizard);
    const objects = buildWizardObjects(state, Object.fromEntries(this.secretValues)).objects;
    const runs = this.runsFor();
    this.runs = runs;
    this.phase = 'dry-running';
    for (const [i, o] of objects.entries()) {
      const run = runs[i] as ObjectRun;
      if (run.create === 'created') continue;
      run.dryRun = 'running';
      this.runs = [...runs];
      try {
        await store.client.create(o.type, { namespace: state.namespace }, o.object, { dryRun: true });
        run.dryRun = 'ok';
      } catch (error) {
        const e = asApiError(error);
        run.dryRun = 'error';
        run.code = e.code;
        run.problems = locateApiError(state, o.role, e);
      }
      this.runs = [...runs];
    }
    this.apiProblems = runs.flatMap((r) => r.problems).filter((p) => p.step !== 'review');
    this.phase = 'checked';
  }

  private async createAll(): Promise<void> {
    const store = this.data.store;
    if (!store || this.phase === 'creating') return;
    const state = structuredClone(this.wizard);
    const objects = buildWizardObjects(state, Object.fromEntries(this.secretValues)).objects;
    const runs = this.runsFor().map((r, i) => ({ ...r, dryRun: this.runs[i]?.dryRun ?? r.dryRun }));
    this.runs = runs;
    this.phase = 'creating';
    for (const [i, o] of objects.entries()) {
      const run = runs[i] as ObjectRun;
      if (run.create === 'created') continue;
      run.create = 'running';
      run.problems = [];
      this.runs = [...runs];
      try {
        await store.client.create(o.type, { namespace: state.namespace }, o.object);
        run.create = 'created';
        this.created.set(o.role, { kind: run.kind, name: run.name, apiVersion: o.object.apiVersion ?? '' });
      } catch (error) {
        const e = asApiError(error);
        run.create = 'failed';
        run.code = e.code;
        run.problems = locateApiError(state, o.role, e);
        for (const later of runs.slice(i + 1)) if (later.create !== 'created') later.create = 'not-attempted';
        this.runs = [...runs];
        this.apiProblems = run.problems.filter((p) => p.step !== 'review');
        this.phase = 'partial';
        return;
      }
      this.runs = [...runs];
    }
    this.phase = 'done';
    this.apiProblems = [];
    // The values reached the API; nothing keeps them any more.
    this.secretValues.clear();
    this.filledSecrets = new Set();
    for (const input of this.renderRoot.querySelectorAll<HTMLInputElement>('input[type="password"]'))
      input.value = '';
    const main = runs[runs.length - 1];
    const detail: KedaCreatedDetail = {
      kind: state.kind,
      namespace: state.namespace,
      name: main?.name ?? state.name,
      created: runs.map((r) => ({
        kind: r.kind,
        apiVersion: this.created.get(r.role)?.apiVersion ?? '',
        namespace: state.namespace,
        name: r.name,
      })),
    };
    this.dispatchEvent(new CustomEvent('keda-created', { detail, bubbles: true, composed: true }));
  }

  private async rollback(): Promise<void> {
    const store = this.data.store;
    if (!store) return;
    const order = ['scaledObject', 'scaledJob', 'triggerAuthentication', 'secret'] as const;
    const types = new Map(buildWizardObjects(this.wizard).objects.map((o) => [o.role, o.type]));
    const failures: string[] = [];
    for (const role of order) {
      const created = this.created.get(role);
      const type = types.get(role);
      if (!created || !type) continue;
      try {
        await store.client.delete(type, { namespace: this.wizard.namespace, name: created.name });
        this.created.delete(role);
      } catch (error) {
        const e = asApiError(error);
        if (e.code === 404) this.created.delete(role);
        else failures.push(`${created.kind} ${created.name}: ${e.message}`);
      }
    }
    this.runs = this.runsFor();
    this.phase = this.created.size ? 'partial' : 'idle';
    this.checkedKey = '';
    if (failures.length) {
      this.apiProblems = [];
      this.runs = this.runs.map((r) => ({
        ...r,
        problems: failures
          .filter((f) => f.startsWith(`${r.kind} ${r.name}:`))
          .map((message) => ({ step: 'review' as const, message: `Could not delete ${message}` })),
      }));
    }
  }

  private startOver(): void {
    this.created.clear();
    this.secretValues.clear();
    this.filledSecrets = new Set();
    this.wizard = initialWizardState(this.wizard.namespace, this.wizard.kind);
    this.runs = [];
    this.phase = 'idle';
    this.apiProblems = [];
    this.attempted = new Set();
    this.reached = 0;
    this.checkedKey = '';
    this.goTo('target');
  }

  // ---------------------------------------------------------------- what-if

  private whatIfControls(issues: readonly WizardIssue[], data: WizardData): WhatIfControls {
    const blocked = !numbersValid(issues)
      ? 'Fix the numbers in Scaling and Advanced first.'
      : this.wizard.triggers.length === 0
        ? 'Add a trigger to preview the scaling.'
        : undefined;
    const built = buildWizardObjects(this.wizard);
    const current = data.workloads.items.find(
      (w) => w.name === this.wizard.target.name && w.kind === this.wizard.target.kind,
    )?.replicas;
    const key = blocked
      ? ''
      : JSON.stringify([
          built.scaledObject?.spec ?? built.scaledJob?.spec,
          this.curve,
          this.jobSeconds,
          current,
        ]);
    this.whatIfRequest = key ? { key, run: () => this.runWhatIf(built, current) } : undefined;
    return {
      curve: this.curve,
      peak: this.peak,
      jobSeconds: this.jobSeconds,
      result: blocked ? undefined : this.whatIf,
      pending: key !== '' && key !== this.whatIfDone,
      ...(blocked ? { blocked } : {}),
      choosePreset: (id: LoadPresetId) => (this.curve = presetCurve(id, this.peak)),
      setPeak: (peak: number) => {
        const old = Math.max(...this.curve.points.map((p) => p.value), 0);
        this.peak = peak;
        this.curve =
          this.curve.id === 'custom'
            ? {
                ...this.curve,
                points: this.curve.points.map((p) => ({ ...p, value: old ? (p.value * peak) / old : peak })),
              }
            : presetCurve(this.curve.id, peak);
      },
      setJobSeconds: (seconds: number) => (this.jobSeconds = seconds),
      setCurve: (curve: LoadCurve) => (this.curve = curve),
    };
  }

  private runWhatIf(built: ReturnType<typeof buildWizardObjects>, current: number | undefined): WhatIfResult {
    const namespace = this.wizard.namespace;
    const name = this.wizard.name.trim() || 'preview';
    return built.scaledObject
      ? simulateWhatIf({
          kind: 'ScaledObject',
          name,
          namespace,
          spec: built.scaledObject.spec,
          load: this.curve,
          initialReplicas: current ?? 1,
        })
      : simulateWhatIf({
          kind: 'ScaledJob',
          name,
          namespace,
          spec: (built.scaledJob as ScaledJob).spec,
          load: this.curve,
          jobSeconds: this.jobSeconds,
        });
  }

  /** Runs the requested simulation shortly after the last change (typing does not re-simulate each key). */
  private scheduleWhatIf(): void {
    const request = this.whatIfRequest;
    if (!request || request.key === this.whatIfKey) return;
    this.whatIfKey = request.key;
    clearTimeout(this.whatIfTimer);
    this.whatIfTimer = setTimeout(() => {
      this.whatIf = request.run();
      this.whatIfDone = request.key;
    }, 120);
  }

  // ---------------------------------------------------------------- render

  protected override render(): TemplateResult {
    const store = this.data.store;
    if (!store) {
      return html`<div class="notice info" role="status" part="notice">
        <strong>Not connected</strong>
        <div>
          Place this element inside <code>&lt;keda-connection&gt;</code>, or give it a <code>store</code>.
        </div>
      </div>`;
    }
    const data = this.wizardData(store);
    const issues = validateWizard(this.wizard, this.context(store, data));
    const step = this.step;
    const index = WIZARD_STEPS.indexOf(step);
    const shown = stepIssues(issues, step).filter(
      (i) => i.severity === 'warning' || this.attempted.has(step),
    );
    const view: WizardView = {
      state: this.wizard,
      data,
      issues: shown,
      apiProblems: this.apiProblems.filter((p) => p.step === step),
      update: (field, mutate) => this.change(field, mutate),
      goTo: (s, field) => this.goTo(s, field),
      link: (ref) => this.links?.(ref),
    };
    const errorSteps = new Set([
      ...[...this.attempted].filter((s) => stepIssues(issues, s).some((i) => i.severity === 'error')),
      ...this.apiProblems.map((p) => p.step),
    ]);
    return html`<header part="header">
        <h2>Create a ${this.wizard.kind}</h2>
        <span class="muted">in ${this.wizard.namespace || '—'}</span>
      </header>
      <nav aria-label="Steps" part="steps">
        <ol class="steps">
          ${WIZARD_STEPS.map((s, i) => {
            const current = s === step;
            return html`<li>
              <button
                type="button"
                data-step=${s}
                aria-current=${current ? 'step' : 'false'}
                ?disabled=${i > this.reached}
                class=${errorSteps.has(s) ? 'has-error' : ''}
                @click=${() => this.goTo(s)}
              >
                <span class="num" aria-hidden="true">${i + 1}</span> ${WIZARD_STEP_TITLES[s]}
                ${errorSteps.has(s) ? html`<span class="visually-hidden">(has errors)</span>` : nothing}
              </button>
            </li>`;
          })}
        </ol>
      </nav>
      <section class="step" part="step" aria-labelledby="step-title" data-current-step=${step}>
        <h3 id="step-title" tabindex="-1">
          Step ${index + 1} of ${WIZARD_STEPS.length}: ${WIZARD_STEP_TITLES[step]}
        </h3>
        <p class="lead">${STEP_LEADS[step]}</p>
        ${step === 'review' ? nothing : issueSummary(view, (f) => this.focusField(f))}
        ${this.renderStep(view, issues, data)}
      </section>
      <footer part="footer">
        <button
          type="button"
          data-action="back"
          ?disabled=${index === 0 || this.phase === 'creating'}
          @click=${() => this.back()}
        >
          Back
        </button>
        <button
          type="button"
          data-action="cancel"
          @click=${() => this.dispatchEvent(new CustomEvent('keda-cancel', { detail: {}, bubbles: true, composed: true }))}
        >
          ${this.phase === 'done' ? 'Close' : 'Cancel'}
        </button>
        ${
          step !== 'review'
            ? html`<button type="button" class="primary" data-action="next" @click=${() => this.next(issues)}>
                Next: ${WIZARD_STEP_TITLES[WIZARD_STEPS[index + 1] as WizardStep]}
              </button>`
            : nothing
        }
      </footer>`;
  }

  private renderStep(view: WizardView, issues: readonly WizardIssue[], data: WizardData): TemplateResult {
    switch (this.step) {
      case 'target':
        return renderTargetStep(view);
      case 'scaling':
        return renderScalingStep(view);
      case 'triggers':
        return renderTriggersStep(view, {
          picker: this.picker,
          setPicker: (p) => (this.picker = { ...this.picker, ...p }),
          addTrigger: (type) => this.addTrigger(type),
        });
      case 'auth':
        return renderAuthStep(view, {
          secretValue: (p) => this.secretValues.get(p) ?? '',
          setSecretValue: (p, v) => this.setSecretValue(p, v),
          loadSecrets: () => void this.loadSecrets(),
        });
      case 'advanced':
        return renderAdvancedStep(view, this.whatIfControls(issues, data));
      case 'review': {
        const blocking = [...new Set(issues.filter((i) => i.severity === 'error').map((i) => i.step))];
        return renderReviewStep(view, {
          objects: buildWizardObjects(this.wizard),
          runs: this.runs.length ? this.runs : this.runsFor(),
          phase: this.phase,
          blockingSteps: this.phase === 'done' || this.phase === 'creating' ? [] : blocking,
          dryRun: () => void this.dryRun(),
          create: () => void this.createAll(),
          rollback: () => void this.rollback(),
          startOver: () => this.startOver(),
        });
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.step === 'advanced') this.scheduleWhatIf();
    if (this.focusAfterUpdate) {
      const selector = this.focusAfterUpdate;
      this.focusAfterUpdate = undefined;
      this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    }
  }

  /** The first step with an error, for hosts that want to say so (`undefined` when valid). */
  get firstInvalidStep(): WizardStep | undefined {
    return firstStepWithError(this.currentIssues());
  }
}

function asApiError(error: unknown): KubeApiError {
  return error instanceof KubeApiError
    ? error
    : new KubeApiError(0, error instanceof Error ? error.message : String(error));
}

declare global {
  interface HTMLElementTagNameMap {
    'keda-create-wizard': CreateWizard;
  }
  interface HTMLElementEventMap {
    'keda-created': CustomEvent<KedaCreatedDetail>;
    /** From the wizard (`{}`) and the YAML editor (`{dirty}`): the user backed out. */
    'keda-cancel': CustomEvent<{ dirty?: boolean }>;
  }
}
