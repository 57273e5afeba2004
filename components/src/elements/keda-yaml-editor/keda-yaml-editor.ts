import { consume } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { linksContext, type LinkResolver } from '../../context/contexts.js';
import { explainWriteError } from '../../core/keda/api-write-error.js';
import {
  checkDocuments,
  checkEdit,
  locateIssues,
  type DocumentsCheck,
  type EditCheck,
  type LocatedIssue,
} from '../../core/keda/check-edit.js';
import { isKedaKind, KEDA_KINDS, type CrdSchema, type KedaKind } from '../../core/keda/crd-schema.js';
import {
  editableView,
  editableYaml,
  objectToSave,
  statusYaml,
  toYaml,
} from '../../core/keda/editable-object.js';
import { loadCrdSchema } from '../../core/keda/load-crd-schema.js';
import { collectSecrets, redactor } from '../../core/keda/redact.js';
import { jsonEqual, threeWayMerge, type MergeConflict } from '../../core/keda/three-way-merge.js';
import { documentKindAt } from '../../core/keda/yaml-cursor.js';
import type { ValidationIssue } from '../../core/keda/validation-issue.js';
import {
  accessReview,
  SelfSubjectAccessReviewResource,
  type SelfSubjectAccessReview,
} from '../../core/kube/access-review.js';
import { errorHint } from '../../core/kube/error-hints.js';
import { qualifiedResource, type ResourceType } from '../../core/kube/resource.js';
import type { KubeObject } from '../../core/kube/types.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { KedaStore } from '../../data/keda-store.js';
import { KubeApiError } from '../../data/kube-client.js';
import { themeStyles } from '../../styles/theme.js';
import { CodeEditor } from './internal/code-editor.js';
import {
  plannedObjectKey,
  planObjects,
  planPanel,
  type CreatePlan,
  type PlannedObject,
} from './internal/create-plan.js';
import { DraftStore, draftKey, type DraftStorage } from './internal/draft-store.js';
import { resolveKind, type EditorKind } from './internal/kinds.js';
import { failureNotice, type Failure } from './internal/failure-notice.js';
import { conflictList, diffView, problemsList } from './internal/panels.js';
import { newObjectTemplate } from './internal/templates.js';
import { yamlEditorStyles } from './keda-yaml-editor.styles.js';

export type { EditorKind } from './internal/kinds.js';
export type { DraftStorage } from './internal/draft-store.js';

/** `keda-cancel`'s detail. */
export interface YamlEditorCancelDetail {
  /** Whether the text had unsaved changes (they stay in the draft). */
  dirty: boolean;
}

/**
 * `keda-objects-created`'s detail. Not the wizard's `keda-created`: that one names one scaled object
 * it made, while a text may create any KEDA objects and Secrets, in any number.
 */
export interface YamlEditorCreatedDetail {
  /** As the API server returned them, in the order created (with those an earlier attempt created). */
  objects: KubeObject[];
}

type Busy = 'dry-run' | 'saving' | 'fetching';

interface Review {
  /** The text reviewed (the review closes when the text changes). */
  text: string;
  body: KubeObject;
  before: string;
}

/**
 * Edits one KEDA object (ScaledObject, ScaledJob, TriggerAuthentication,
 * ClusterTriggerAuthentication) as YAML, or writes new ones (`mode="create"`: one or more `---`
 * documents, KEDA objects and the Secrets they read, created in the order written): completion, hover
 * documentation and inline errors from KEDA's CRD schemas and admission rules; a server-side dry
 * run and a diff against the live object before saving; API errors placed on their lines; on a
 * conflict, a rebase onto the live object or an overwrite. The text is never lost: it is kept as a
 * draft in the browser (per cluster, kind, namespace and name) until saved or discarded.
 *
 * The object is read from the store (`<keda-connection>` or `store`), whose watch tells the editor
 * when the live object changes. Server-owned fields (`status`, `metadata.managedFields`,
 * `resourceVersion`, `uid`, timestamps, kubectl's last-applied annotation) are not in the text;
 * they are restored on save, and `status` is shown read-only below the editor.
 *
 * Keyboard: Tab indents; Esc then Tab leaves the editor; Ctrl/Cmd-Space completes; Ctrl/Cmd-S saves.
 *
 * @fires keda-saved - The object was stored; `detail` is the object as the API server returned it. In
 * create mode, only when the text was one object of `kind` (the editor then edits it); several
 * objects are reported in the editor, with links to them.
 * @fires keda-objects-created - Create mode: every object of the text was created (one or several);
 * `detail` is a {@link YamlEditorCreatedDetail}. Fired before `keda-saved` when both are.
 * @fires keda-cancel - Cancel was pressed; `detail` is `{dirty}` (a dirty text stays in the draft).
 * @csspart header - Title and live state.
 * @csspart editor - The CodeMirror editor's frame.
 * @csspart problems - The list of problems with their lines.
 * @csspart alert - A refused save (webhook denial, validation, RBAC, network).
 * @csspart review - The diff and confirmation before saving.
 * @csspart conflict - Live vs yours after a 409 Conflict, with rebase and overwrite.
 * @csspart actions - The Cancel / Save buttons.
 * @csspart status - The read-only status.
 * @cssprop --keda-fg - Text colour.
 * @cssprop --keda-bg - Editor background.
 * @cssprop --keda-surface - Gutters, notices.
 * @cssprop --keda-border - Borders.
 * @cssprop --keda-accent - Focus, selection and the primary button.
 * @cssprop --keda-on-accent - Text on the primary (accent-filled) button.
 * @cssprop --keda-error - Errors. @cssprop --keda-warn - Warnings. @cssprop --keda-ok - Added lines.
 * @cssprop --keda-mono-font - The editor font.
 * @cssprop --keda-editor-height - Height of the editor (default 28em; the frame is resizable).
 * @cssprop --keda-editor-font-size - Font size in the editor (default 13px).
 * @cssprop --keda-syntax-key - Colour of keys. @cssprop --keda-syntax-string - Quoted strings.
 * @cssprop --keda-syntax-meta - Anchors, tags, document markers.
 */
export class YamlEditor extends LitElement {
  static override styles = [themeStyles, yamlEditorStyles];

  /** `ScaledObject` (default), `ScaledJob`, `TriggerAuthentication`, `ClusterTriggerAuthentication`, or their ResourceType. */
  @property() kind: EditorKind = 'ScaledObject';
  /** The object's namespace (edit); the namespace to create in when the text names none (create). */
  @property() namespace = '';
  /** The object's name (edit mode). */
  @property() name = '';
  /**
   * `edit` an existing object, or `create` new ones from `initialText` (several `---` documents allowed).
   * After creating one object of `kind` the editor edits it.
   */
  @property() mode: 'edit' | 'create' = 'edit';
  /** Create mode: the starting text (a minimal object of the kind when empty). */
  @property({ attribute: 'initial-text' }) initialText = '';
  /** The cluster's identity (a kube context, a Headlamp cluster name): drafts are stored per cluster. */
  @property({ attribute: 'draft-key' }) draftKey = '';
  /** The user may not change the object: the text can be read and copied, not saved. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Do not ask the API server (SelfSubjectAccessReview) whether the user may update the object. */
  @property({ type: Boolean, attribute: 'no-access-check' }) noAccessCheck = false;

  /** An explicit store; by default the one of the enclosing `<keda-connection>`. */
  @property({ attribute: false })
  set store(store: KedaStore | undefined) {
    this.data.use(store);
  }
  get store(): KedaStore | undefined {
    return this.data.store;
  }

  /** Where drafts are kept (default `localStorage`). */
  @property({ attribute: false })
  set draftStorage(storage: DraftStorage | undefined) {
    this.storage = storage;
    this.drafts = new DraftStore(storage);
  }
  get draftStorage(): DraftStorage | undefined {
    return this.storage;
  }

  @state() private schema: CrdSchema | undefined;
  /** Every KEDA kind's schema (create mode checks each document against its kind's). */
  @state() private schemas: Partial<Record<KedaKind, CrdSchema>> = {};
  @state() private schemaError: string | undefined;
  @state() private base: KubeObject | undefined;
  @state() private started = false;
  @state() private check: EditCheck | undefined;
  /** Create mode: the check of each document. */
  @state() private docs: DocumentsCheck | undefined;
  /** Create mode: the objects being (or last) created and what became of each. */
  @state() private plan: CreatePlan | undefined;
  @state() private serverIssues: ValidationIssue[] = [];
  @state() private failure: Failure | undefined;
  @state() private review: Review | undefined;
  @state() private conflict: KubeObject | undefined;
  @state() private rebased: { conflicts: MergeConflict[]; resourceVersion: string } | undefined;
  @state() private done: string | undefined;
  @state() private restoredDraft: number | undefined;
  @state() private liveChanged: KubeObject | undefined;
  @state() private liveGone = false;
  @state() private busy: Busy | undefined;
  @state() private accessDenied: string | undefined;
  @state() private draftFailed = false;
  @query('.editor') private editorHost!: HTMLElement | null;

  @consume({ context: linksContext, subscribe: true })
  private links: LinkResolver | undefined;

  private readonly data = new StoreController(this, []);
  private drafts = new DraftStore();
  private storage: DraftStorage | undefined;
  private editor: CodeEditor | undefined;
  private startText = '';
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private checkTimer: ReturnType<typeof setTimeout> | undefined;
  private accessChecked = '';
  private schemaKind: KedaKind | undefined;
  /** Set while the element changes its own name/namespace/mode (after a create). */
  private adopting = false;
  /** The draft key of the object being edited (fixed when editing starts: properties may change first). */
  private activeKey: string | undefined;
  /** Whether the object was seen in the store since editing started (a new one may not be there yet). */
  private seenLive = false;
  /** Create mode: the text the editor started with (the initial text or the template). */
  private createText = '';
  /** Create mode: objects created by an attempt that stopped part-way (by `plannedObjectKey`), not sent again. */
  private createdEarlier = new Map<string, KubeObject>();
  /** A closing or hidden page gets no 300 ms: the last keystrokes are written now. */
  private readonly flushOnHide = (): void => {
    if (document.visibilityState === 'hidden') this.flushDraft();
  };
  private readonly flushOnPageHide = (): void => this.flushDraft();

  /** The YAML text as it is now. */
  get text(): string {
    return this.editor?.text ?? this.startText;
  }

  /** Whether the text differs from the object it started from (create mode: from the starting text). */
  get dirty(): boolean {
    if (this.mode === 'create' || !this.base)
      return this.started && this.text.trim() !== this.createText.trim();
    const value = this.check?.value;
    if (value !== undefined && this.check?.index.text === this.text) {
      return !jsonEqual(value, editableView(this.base));
    }
    return this.text !== editableYaml(this.base);
  }

  private get resolved(): { type: ResourceType; kind: KedaKind } | undefined {
    return resolveKind(this.kind);
  }

  private get isReadOnly(): boolean {
    return this.readonly || this.accessDenied !== undefined;
  }

  private get storageKey(): string {
    const r = this.resolved;
    const namespaced = r?.type.namespaced ?? true;
    return draftKey(
      this.draftKey,
      r?.kind ?? String(this.kind),
      namespaced ? this.namespace : undefined,
      this.mode === 'create' ? undefined : this.name,
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.flushOnPageHide);
    document.addEventListener('visibilitychange', this.flushOnHide);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('pagehide', this.flushOnPageHide);
    document.removeEventListener('visibilitychange', this.flushOnHide);
    this.flushDraft();
    clearTimeout(this.checkTimer);
    // Free CodeMirror's observers; the text is kept and a new view is made if the element comes back.
    this.startText = this.text;
    this.editor?.destroy();
    this.editor = undefined;
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const identity =
      changed.has('kind') || changed.has('namespace') || changed.has('name') || changed.has('mode');
    if (identity && !this.adopting) this.reset();
    this.adopting = false;
    const r = this.resolved;
    if (identity && r) {
      this.data.need([
        { type: r.type, namespace: r.type.namespaced ? this.namespace || undefined : undefined },
      ]);
      if (this.schemaKind !== r.kind) this.loadSchema(r.kind);
    }
    if (changed.has('readonly')) this.editor?.setReadOnly(this.isReadOnly);
    this.reconcile();
  }

  protected override updated(): void {
    const host = this.editorHost;
    if (!host || !this.shadowRoot) return;
    if (this.editor && this.editor.view.dom.parentElement === host) return;
    const text = this.editor?.text ?? this.startText;
    this.editor?.destroy();
    this.editor = new CodeEditor({
      parent: host,
      root: this.shadowRoot,
      text,
      readOnly: this.isReadOnly,
      label: `${this.resolved?.kind ?? 'Object'} YAML`,
      schema: (text, pos) => this.schemaAt(text, pos),
      onChange: () => this.textChanged(),
      onSave: () => void this.startSave(),
    });
    // After this update: the check sets state, which would otherwise schedule an update from within one.
    queueMicrotask(() => this.runCheck());
  }

  /**
   * Create mode: the schema of the document's own `kind:` (none for a Secret or a kind that cannot
   * be created here), or of the editor's kind while the document names none yet.
   */
  private schemaAt(text: string, pos: number): CrdSchema | undefined {
    if (this.mode !== 'create') return this.schema;
    const kind = documentKindAt(text, pos);
    if (kind === undefined) return this.schema;
    return isKedaKind(kind) ? this.schemas[kind] : undefined;
  }

  private reset(): void {
    this.flushDraft();
    this.activeKey = undefined;
    this.seenLive = false;
    this.editor?.destroy();
    this.editor = undefined;
    this.base = undefined;
    this.started = false;
    this.check = undefined;
    this.docs = undefined;
    this.plan = undefined;
    this.createdEarlier.clear();
    this.serverIssues = [];
    this.failure = undefined;
    this.review = undefined;
    this.conflict = undefined;
    this.rebased = undefined;
    this.done = undefined;
    this.restoredDraft = undefined;
    this.liveChanged = undefined;
    this.liveGone = false;
    this.accessDenied = undefined;
    this.startText = '';
  }

  private loadSchema(kind: KedaKind): void {
    this.schemaKind = kind;
    this.schema = undefined;
    this.schemaError = undefined;
    Promise.all(KEDA_KINDS.map(async (k) => [k, await loadCrdSchema(k)] as const)).then(
      (loaded) => {
        if (this.schemaKind !== kind) return;
        this.schemas = Object.fromEntries(loaded);
        this.schema = this.schemas[kind];
        this.runCheck();
      },
      (error: unknown) => {
        if (this.schemaKind === kind)
          this.schemaError = error instanceof Error ? error.message : String(error);
      },
    );
  }

  private liveObject(): KubeObject | undefined {
    const r = this.resolved;
    const store = this.data.store;
    if (!r || !store) return undefined;
    const namespace = r.type.namespaced ? this.namespace : undefined;
    return store.collection(r.type, { namespace }).items.find((o) => o.metadata.name === this.name);
  }

  /** Starts the editor once the object is known, and follows the live object afterwards. */
  private reconcile(): void {
    const r = this.resolved;
    if (!r || !this.data.store) return;
    if (this.mode === 'create') {
      if (!this.started) this.startCreate(r.kind);
      return;
    }
    const live = this.liveObject();
    if (!this.started) {
      if (live) this.startEdit(live);
      return;
    }
    if (!live) {
      const { state } = this.data.store.collection(r.type, {
        namespace: r.type.namespaced ? this.namespace : undefined,
      });
      this.liveGone = this.seenLive && state.synced && state.phase === 'live';
      return;
    }
    this.seenLive = true;
    this.liveGone = false;
    const base = this.base;
    if (!base || live.metadata.resourceVersion === base.metadata.resourceVersion || this.busy) return;
    if (jsonEqual(editableView(live), editableView(base))) {
      // Only status or server-owned fields changed: follow silently, the edit applies as is.
      this.base = live;
      if (this.liveChanged) this.liveChanged = undefined;
      return;
    }
    if (!this.dirty) {
      this.base = live;
      this.liveChanged = undefined;
      this.editor?.replaceText(editableYaml(live));
      this.startText = editableYaml(live);
      this.done = `Reloaded: the ${r.kind} changed on the server (resourceVersion ${live.metadata.resourceVersion ?? '?'}).`;
      return;
    }
    if (this.liveChanged?.metadata.resourceVersion !== live.metadata.resourceVersion) this.liveChanged = live;
  }

  private startEdit(live: KubeObject): void {
    this.started = true;
    this.seenLive = true;
    this.activeKey = this.storageKey;
    this.base = live;
    const liveText = editableYaml(live);
    this.startText = liveText;
    const draft = this.drafts.load(this.activeKey);
    if (draft && !this.readonly) {
      if (draft.text === liveText) {
        this.drafts.remove(this.activeKey);
      } else {
        this.startText = draft.text;
        this.restoredDraft = draft.savedAt;
        if (draft.base && draft.base.metadata.resourceVersion !== live.metadata.resourceVersion) {
          // Edited from an older version: keep that as the base so the change is visible and rebasable.
          this.base = draft.base;
          if (!jsonEqual(editableView(draft.base), editableView(live))) this.liveChanged = live;
        }
      }
    }
    void this.checkAccess();
  }

  private startCreate(kind: KedaKind): void {
    this.started = true;
    this.base = undefined;
    this.activeKey = this.storageKey;
    const draft = this.drafts.load(this.activeKey);
    if (draft && !this.readonly) {
      this.startText = draft.text;
      this.restoredDraft = draft.savedAt;
    } else {
      this.startText = this.initialText || newObjectTemplate(kind, this.namespace);
    }
    this.createText = this.initialText || newObjectTemplate(kind, this.namespace);
  }

  private async checkAccess(): Promise<void> {
    const r = this.resolved;
    const store = this.data.store;
    const key = `${r?.type.plural}/${this.namespace}/${this.name}`;
    if (!r || !store || this.readonly || this.noAccessCheck || this.accessChecked === key) return;
    this.accessChecked = key;
    try {
      const review = await store.client.create<SelfSubjectAccessReview>(
        SelfSubjectAccessReviewResource,
        {},
        accessReview(r.type, 'update', this.namespace, this.name),
      );
      if (review.status && review.status.allowed === false && this.accessChecked === key) {
        const reason = review.status.reason ? ` (${review.status.reason})` : '';
        this.denyAccess(`Your account may not update ${this.resourceWhere()}${reason}.`);
      }
    } catch {
      // No answer (old server, no permission to ask): the API server decides on save.
    }
  }

  /** `scaledobjects.keda.sh in namespace shop` */
  private resourceWhere(): string {
    const type = this.resolved!.type;
    return `${qualifiedResource(type)}${type.namespaced && this.namespace ? ` in namespace ${this.namespace}` : ''}`;
  }

  /** The user may not write: the text stays readable (and in its draft), saving is off. */
  private denyAccess(reason: string): void {
    this.flushDraft();
    this.accessDenied = reason;
    this.review = undefined;
    this.editor?.setReadOnly(true);
  }

  private textChanged(): void {
    if (this.review && this.review.text !== this.text) this.review = undefined;
    // A review or a success no longer describes the text; refusals stay until the next attempt.
    if ((this.plan?.phase === 'review' || this.plan?.phase === 'done') && this.plan.text !== this.text)
      this.plan = undefined;
    this.done = undefined;
    clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => this.runCheck(), 120);
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.flushDraft(), 300);
    this.requestUpdate();
  }

  private runCheck(): EditCheck | undefined {
    const r = this.resolved;
    if (!r || !this.editor) return undefined;
    clearTimeout(this.checkTimer);
    if (this.mode === 'create') {
      this.check = undefined;
      this.docs = checkDocuments(this.editor.text, (kind) => this.schemas[kind], this.namespace || undefined);
      this.editor.setIssues(this.allIssues().map((i) => ({ ...i, message: this.redact(i.message) })));
      return undefined;
    }
    const check = checkEdit(this.editor.text, this.schema, {
      kind: r.kind,
      namespaced: r.type.namespaced,
      mode: this.mode,
      name: this.mode === 'edit' ? this.name : undefined,
      namespace: this.namespace || undefined,
    });
    this.check = check;
    this.editor.setIssues(this.allIssues().map((i) => ({ ...i, message: this.redact(i.message) })));
    return check;
  }

  /** Local problems and those of the last save attempt, placed on the current text. */
  private allIssues(): LocatedIssue[] {
    if (this.mode === 'create') {
      const server = (this.plan?.objects ?? []).flatMap((o) =>
        o.failure ? this.locateInDocument(o.document, o.failure.report.issues) : [],
      );
      return [...(this.docs?.issues ?? []), ...server].sort((a, b) => a.from - b.from);
    }
    const check = this.check;
    if (!check) return [];
    const server = locateIssues(check.index, this.serverIssues);
    return [...check.issues, ...server].sort((a, b) => a.from - b.from);
  }

  /** Issues of one document (create mode), placed in the current text. */
  private locateInDocument(document: number, issues: readonly ValidationIssue[]): LocatedIssue[] {
    const doc = this.docs?.documents.find((d) => d.number === document);
    return doc ? locateIssues(doc.index, issues) : [];
  }

  private flushDraft(): void {
    clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    const key = this.activeKey;
    if (!this.started || !this.editor || this.isReadOnly || !key) return;
    if (!this.dirty) {
      this.drafts.remove(key);
      return;
    }
    const ok = this.drafts.save(key, { text: this.editor.text, savedAt: Date.now(), base: this.base });
    if (this.draftFailed === ok) this.draftFailed = !ok;
  }

  private redact(text: string): string {
    const docs = this.docs?.documents.map((d) => d.value) ?? [];
    return redactor(collectSecrets(this.base, this.liveChanged, this.conflict, this.check?.value, ...docs))(
      text,
    );
  }

  // ---- saving ----

  private bodyFor(
    value: Record<string, unknown>,
    base: KubeObject | undefined,
    resourceVersion?: string,
  ): KubeObject {
    const r = this.resolved!;
    const body = objectToSave(value, base, resourceVersion);
    if (r.type.namespaced && !body.metadata.namespace) body.metadata.namespace = this.namespace;
    return body;
  }

  /**
   * Creates or replaces. A 409 caused only by the server's own writes since the edit began (KEDA
   * updating `status`, which bumps the resourceVersion every polling interval while a trigger is
   * active) is not a conflict with the edit: the write is retried on the live resourceVersion. Any
   * other change is a real conflict and reaches the user.
   */
  private async write(body: KubeObject, dryRun: boolean): Promise<{ stored: KubeObject; sent: KubeObject }> {
    const r = this.resolved!;
    const client = this.data.store!.client;
    const namespace = r.type.namespaced ? (body.metadata.namespace ?? this.namespace) : undefined;
    const scope = { namespace, name: this.name };
    for (let attempt = 0; ; attempt += 1) {
      try {
        return { stored: await client.replace(r.type, scope, body, { dryRun }), sent: body };
      } catch (error) {
        const base = this.base;
        if (!(error instanceof KubeApiError) || error.code !== 409 || attempt >= 2 || !base) throw error;
        const live = await client.get(r.type, scope);
        if (!jsonEqual(editableView(live), editableView(base))) throw error;
        this.base = live;
        body = { ...body, metadata: { ...body.metadata, resourceVersion: live.metadata.resourceVersion } };
      }
    }
  }

  /** Checks, then asks the API server for a dry run, then shows the diff to confirm. */
  private async startSave(): Promise<void> {
    if (this.busy || this.isReadOnly || !this.data.store || !this.editor) return;
    if (this.mode === 'create') return this.reviewCreate();
    this.failure = undefined;
    this.done = undefined;
    this.review = undefined;
    this.serverIssues = [];
    const check = this.runCheck();
    if (!check || check.errors > 0 || typeof check.value !== 'object' || check.value === null) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.problems')?.focus();
      return;
    }
    const value = check.value as Record<string, unknown>;
    const body = this.bodyFor(value, this.base);
    const text = this.editor.text;
    this.busy = 'dry-run';
    try {
      const { sent } = await this.write(body, true);
      const before = editableYaml(this.liveObject() ?? this.base!);
      this.review = { text, body: sent, before };
      // Not busy before focusing Save: a disabled button takes no focus, and the keyboard user
      // would be left on the page's body, a whole page of Tabs (and the editor) away from it.
      this.busy = undefined;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.review button.primary')?.focus();
    } catch (error) {
      await this.failed(error, value, 'dry run');
    } finally {
      this.busy = undefined;
    }
  }

  /**
   * Create mode: checks every document, then a dry run of each object in the order written
   * (all of them, so every refusal shows at once), then the list to confirm.
   */
  private async reviewCreate(): Promise<void> {
    this.failure = undefined;
    this.done = undefined;
    this.plan = undefined;
    this.runCheck();
    const docs = this.docs;
    if (!docs || docs.errors > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.problems')?.focus();
      return;
    }
    const text = this.text;
    const objects = planObjects(docs.documents, this.namespace);
    this.busy = 'dry-run';
    for (const o of objects) {
      const earlier = this.createdEarlier.get(plannedObjectKey(o));
      if (earlier) {
        Object.assign(o, { state: 'earlier', stored: earlier });
        continue;
      }
      try {
        await this.data.store!.client.create(o.type, { namespace: o.namespace }, o.body, { dryRun: true });
        o.state = 'checked';
      } catch (error) {
        this.refused(o, error, 'dry run');
      }
    }
    this.busy = undefined;
    const refused = objects.some((o) => o.state === 'failed');
    this.plan = { text, objects, phase: refused ? 'refused' : 'review' };
    if (refused) this.flushDraft();
    this.runCheck();
    await this.updateComplete;
    if (!refused) this.renderRoot.querySelector<HTMLElement>('.review button.primary')?.focus();
  }

  private refused(o: PlannedObject, error: unknown, step: 'dry run' | 'save'): void {
    const apiError =
      error instanceof KubeApiError
        ? error
        : new KubeApiError(0, error instanceof Error ? error.message : String(error));
    o.state = 'failed';
    o.failure = { report: explainWriteError(apiError, o.body), step };
  }

  /** Create mode: creates each reviewed object in order; stops at the first refusal and says what was created. */
  private async createAll(plan: CreatePlan): Promise<void> {
    const objects = plan.objects;
    this.busy = 'saving';
    for (const [i, o] of objects.entries()) {
      if (o.state === 'earlier') continue;
      try {
        o.stored = await this.data.store!.client.create(o.type, { namespace: o.namespace }, o.body);
        o.state = 'created';
        this.createdEarlier.set(plannedObjectKey(o), o.stored);
      } catch (error) {
        this.refused(o, error, 'save');
        for (const later of objects.slice(i + 1))
          if (later.state !== 'earlier') later.state = 'not-attempted';
        this.busy = undefined;
        this.plan = { ...plan, phase: 'partial' };
        this.flushDraft();
        this.runCheck();
        return;
      }
    }
    this.busy = undefined;
    this.createdEarlier.clear();
    this.dispatchEvent(
      new CustomEvent<YamlEditorCreatedDetail>('keda-objects-created', {
        detail: { objects: objects.flatMap((o) => (o.stored ? [o.stored] : [])) },
        bubbles: true,
        composed: true,
      }),
    );
    const only = objects.length === 1 ? objects[0] : undefined;
    if (only?.stored && only.kind === this.resolved?.kind) {
      this.plan = undefined;
      this.saved(only.stored);
      return;
    }
    this.plan = { ...plan, phase: 'done' };
    if (this.activeKey) this.drafts.remove(this.activeKey);
    this.restoredDraft = undefined;
    // The text is what was created: no longer a change to keep.
    this.createText = this.text;
    this.runCheck();
  }

  /** The real write after a successful dry run. */
  private async confirmSave(): Promise<void> {
    if (this.plan?.phase === 'review' && !this.busy) return this.createAll(this.plan);
    const review = this.review;
    if (!review || this.busy) return;
    const value = this.runCheck()?.value;
    this.busy = 'saving';
    try {
      const { stored } = await this.write(review.body, false);
      this.saved(stored);
    } catch (error) {
      await this.failed(error, value, 'save');
    } finally {
      this.busy = undefined;
      this.review = undefined;
    }
  }

  /** After a 409: PUT the edit with the live resourceVersion (dry run first, as always). */
  private async overwrite(): Promise<void> {
    const live = this.conflict;
    const value = this.runCheck()?.value;
    if (!live || this.busy || typeof value !== 'object' || value === null) return;
    const body = this.bodyFor(value as Record<string, unknown>, live, live.metadata.resourceVersion);
    this.failure = undefined;
    this.busy = 'dry-run';
    let step: Failure['step'] = 'dry run';
    try {
      const { sent } = await this.write(body, true);
      this.busy = 'saving';
      step = 'save';
      const { stored } = await this.write(sent, false);
      this.conflict = undefined;
      this.saved(stored);
    } catch (error) {
      await this.failed(error, value, step);
    } finally {
      this.busy = undefined;
    }
  }

  /** Re-applies the edit onto the live object (three-way merge); conflicts keep the edit and are listed. */
  private rebase(live: KubeObject | undefined = this.conflict ?? this.liveChanged): void {
    const value = this.runCheck()?.value;
    if (!live || !this.base || !this.editor) return;
    if (typeof value !== 'object' || value === null) {
      this.failure = undefined;
      this.done = 'Fix the YAML syntax first: a rebase needs the text to parse.';
      return;
    }
    const result = threeWayMerge(editableView(this.base), editableView(live), value);
    this.base = live;
    this.conflict = undefined;
    this.liveChanged = undefined;
    this.failure = undefined;
    this.serverIssues = [];
    this.rebased = { conflicts: result.conflicts, resourceVersion: live.metadata.resourceVersion ?? '?' };
    this.editor.replaceText(toYaml(result.merged));
    this.runCheck();
    this.flushDraft();
  }

  private saved(stored: KubeObject): void {
    const r = this.resolved!;
    const created = this.mode === 'create';
    if (this.activeKey) this.drafts.remove(this.activeKey);
    this.base = stored;
    this.serverIssues = [];
    this.failure = undefined;
    this.rebased = undefined;
    this.liveChanged = undefined;
    this.restoredDraft = undefined;
    const value = this.check?.value;
    if (value === undefined || !jsonEqual(value, editableView(stored)))
      this.editor?.replaceText(editableYaml(stored));
    const where = r.type.namespaced ? `${stored.metadata.namespace ?? this.namespace}/` : '';
    this.done = `${created ? 'Created' : 'Saved'} ${r.kind} ${where}${stored.metadata.name ?? ''} (resourceVersion ${stored.metadata.resourceVersion ?? '?'}).`;
    if (created) {
      this.adopting = true;
      this.mode = 'edit';
      this.name = stored.metadata.name ?? '';
      if (r.type.namespaced) this.namespace = stored.metadata.namespace ?? this.namespace;
      this.data.need([
        { type: r.type, namespace: r.type.namespaced ? this.namespace || undefined : undefined },
      ]);
      this.activeKey = this.storageKey;
      this.seenLive = false;
      this.drafts.remove(this.activeKey);
    }
    this.runCheck();
    this.dispatchEvent(
      new CustomEvent<KubeObject>('keda-saved', { detail: stored, bubbles: true, composed: true }),
    );
  }

  private async failed(error: unknown, value: unknown, step: Failure['step']): Promise<void> {
    const apiError =
      error instanceof KubeApiError
        ? error
        : new KubeApiError(0, error instanceof Error ? error.message : String(error));
    const report = explainWriteError(apiError, value);
    this.flushDraft();
    if (report.kind === 'conflict') {
      await this.openConflict();
      return;
    }
    this.failure = { report, step };
    this.serverIssues = report.issues;
    if (report.kind === 'forbidden') {
      // RBAC refused the write (a webhook denial is kind 'webhook'): no point editing further here.
      this.denyAccess(
        `Your account may not update ${this.resourceWhere()}: the API server refused the ${step} (403 Forbidden).`,
      );
    }
    this.runCheck();
  }

  private async openConflict(): Promise<void> {
    const r = this.resolved!;
    const namespace = r.type.namespaced ? this.namespace : undefined;
    this.busy = 'fetching';
    let live: KubeObject | undefined;
    try {
      live = await this.data.store!.client.get(r.type, { namespace, name: this.name });
    } catch {
      live = this.liveObject();
    }
    this.busy = undefined;
    if (!live) {
      this.failure = {
        report: {
          kind: 'not-found',
          code: 404,
          message: `${r.kind} ${this.name} no longer exists.`,
          issues: [],
        },
        step: 'save',
      };
      return;
    }
    this.conflict = live;
    this.liveChanged = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.conflict button.primary')?.focus();
  }

  private discardDraft(): void {
    if (this.activeKey) this.drafts.remove(this.activeKey);
    this.restoredDraft = undefined;
    const live = this.mode === 'edit' ? (this.liveObject() ?? this.base) : undefined;
    if (live) this.base = live;
    this.liveChanged = undefined;
    this.rebased = undefined;
    const text = live
      ? editableYaml(live)
      : this.initialText || newObjectTemplate(this.resolved!.kind, this.namespace);
    this.editor?.replaceText(text);
  }

  private cancel(): void {
    this.flushDraft();
    this.dispatchEvent(
      new CustomEvent<YamlEditorCancelDetail>('keda-cancel', {
        detail: { dirty: this.dirty },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private goTo(issue: LocatedIssue): void {
    this.editor?.focusAt(issue.line, issue.column);
  }

  // ---- rendering ----

  protected override render(): TemplateResult {
    const r = this.resolved;
    if (!r) {
      return this.message(
        'error',
        'Cannot edit this kind',
        html`<p>
          The YAML editor edits ScaledObjects, ScaledJobs, TriggerAuthentications and
          ClusterTriggerAuthentications, not
          <code>${String(typeof this.kind === 'string' ? this.kind : this.kind.kind)}</code>.
        </p>`,
      );
    }
    const store = this.data.store;
    if (!store) {
      return this.message(
        'error',
        'Not connected',
        html`<p>
          Place this element inside <code>&lt;keda-connection&gt;</code> or give it a <code>store</code>.
        </p>`,
      );
    }
    if (!this.started) {
      const { state } = store.collection(r.type, {
        namespace: r.type.namespaced ? this.namespace : undefined,
      });
      const what = `${r.kind} ${r.type.namespaced ? `${this.namespace}/` : ''}${this.name}`;
      if (state.phase === 'error' && state.error) {
        return this.message(
          'error',
          `Cannot read ${what}`,
          html`<p class="api-message">${state.error.message}</p>
            <p>${errorHint(state.error.code, qualifiedResource(r.type))}</p>`,
        );
      }
      if (!state.synced) return this.message('loading', 'Loading…', html`<p>Reading ${what}.</p>`);
      return this.message(
        'empty',
        `${r.kind} not found`,
        html`<p>
          There is no ${r.kind} <code>${this.name}</code>${
            r.type.namespaced ? html` in namespace <code>${this.namespace}</code>` : nothing
          }.
          ${this.drafts.load(this.storageKey) ? 'Your unsaved draft for it is kept in this browser.' : ''}
        </p>`,
      );
    }
    return this.renderEditor(r.kind, r.type);
  }

  private renderEditor(kind: KedaKind, type: ResourceType): TemplateResult {
    const issues = this.allIssues();
    // Only this browser's checks block saving; the API server's answer to the last attempt is shown
    // until the next one (which may well succeed: another object changed, the network is back).
    const errors = (this.mode === 'create' ? this.docs?.errors : this.check?.errors) ?? 0;
    const several = (this.docs?.documents.length ?? 0) > 1;
    const title = this.mode === 'create' ? (several ? 'New objects' : `New ${kind}`) : `${kind} ${this.name}`;
    const readOnly = this.isReadOnly;
    return html`<div class="root" data-state="data">
      <header part="header">
        <h2>${title}</h2>
        ${type.namespaced && this.namespace ? html`<span class="ns">${this.namespace}</span>` : nothing}
        ${this.renderLive(type)}
      </header>
      ${this.renderNotices(kind, type)}
      <div class="editor ${readOnly ? 'readonly' : ''}" part="editor"></div>
      <p class="help">
        ${
          this.schema
            ? 'Ctrl+Space completes fields from the CRD schema; hover a field for its documentation.'
            : this.schemaError
              ? `Schema checks unavailable: ${this.schemaError}`
              : 'Loading the CRD schema…'
        }
        Tab indents; Esc then Tab leaves the editor.
      </p>
      ${problemsList(
        issues,
        (t) => this.redact(t),
        (i) => this.goTo(i),
      )}
      ${this.renderReview()} ${this.renderConflict(kind)}
      <footer part="actions">
        <span class="count" aria-live="polite"
          >${
            readOnly
              ? 'Read-only'
              : this.busy === 'dry-run'
                ? 'Checking with the API server (dry run)…'
                : this.busy === 'saving'
                  ? this.mode === 'create'
                    ? 'Creating…'
                    : 'Saving…'
                  : this.busy === 'fetching'
                    ? 'Reading the live object…'
                    : errors
                      ? `${errors} ${errors === 1 ? 'error' : 'errors'} to fix before ${
                          this.mode === 'create' ? 'creating' : 'saving'
                        }`
                      : this.dirty
                        ? 'Unsaved changes'
                        : 'No changes'
          }</span
        >
        <button type="button" @click=${() => this.cancel()}>Cancel</button>
        ${
          readOnly
            ? nothing
            : html`<button
                type="button"
                class="primary save"
                ?disabled=${!!this.busy || errors > 0 || (!this.dirty && this.mode === 'edit')}
                @click=${() => void this.startSave()}
              >
                ${this.mode === 'create' ? 'Review and create…' : 'Review and save…'}
              </button>`
        }
      </footer>
      ${this.renderStatus()}
    </div>`;
  }

  private renderLive(type: ResourceType): TemplateResult | typeof nothing {
    if (this.mode === 'create' || !this.data.store) return nothing;
    const { state } = this.data.store.collection(type, {
      namespace: type.namespaced ? this.namespace : undefined,
    });
    const live = state.phase === 'live';
    const rv = this.base?.metadata.resourceVersion;
    return html`<span class="live ${live ? 'ok' : 'warn'}"
      >${live ? 'Live' : state.phase === 'reconnecting' ? 'Reconnecting…' : state.phase}${
        rv ? ` · resourceVersion ${rv}` : ''
      }</span
    >`;
  }

  private renderNotices(kind: KedaKind, type: ResourceType): TemplateResult {
    const redact = (t: string) => this.redact(t);
    const notices: TemplateResult[] = [];
    if (this.readonly || this.accessDenied) {
      notices.push(
        html`<div class="notice warning readonly-notice" role="status">
          <strong>Read-only.</strong> ${this.accessDenied ?? `You cannot change this ${kind} here.`} You can
          read and copy the YAML.
        </div>`,
      );
    }
    if (this.restoredDraft !== undefined) {
      notices.push(
        html`<div class="notice draft" role="status">
          Restored your unsaved draft from ${new Date(this.restoredDraft).toLocaleString()}.
          <div class="actions">
            <button type="button" class="danger" @click=${() => this.discardDraft()}>Discard draft</button>
          </div>
        </div>`,
      );
    }
    if (this.draftFailed) {
      notices.push(
        html`<div class="notice warning" role="status">
          This browser does not keep drafts (storage is full or blocked): save or copy your text before
          leaving.
        </div>`,
      );
    }
    if (this.liveGone && this.mode === 'edit') {
      notices.push(
        html`<div class="notice warning" role="status">
          This ${kind} was deleted on the server. Your text is kept; saving it will fail until it exists
          again.
        </div>`,
      );
    }
    if (this.liveChanged && !this.conflict) {
      const live = this.liveChanged;
      notices.push(
        html`<div class="notice warning live-changed" role="status">
          <strong>This ${kind} changed on the server</strong> (resourceVersion
          ${this.base?.metadata.resourceVersion} → ${live.metadata.resourceVersion}) since you started
          editing.
          <details>
            <summary>What changed on the server</summary>
            ${diffView(editableYaml(this.base!), editableYaml(live), redact, 'Changes on the server')}
          </details>
          <div class="actions">
            <button type="button" class="primary" @click=${() => this.rebase(live)}>
              Rebase my edits onto it
            </button>
          </div>
        </div>`,
      );
    }
    if (this.failure) {
      notices.push(
        failureNotice({
          ...this.failure,
          kind,
          resource: qualifiedResource(type),
          redact,
          locate: (issue) => (this.check ? locateIssues(this.check.index, [issue])[0] : undefined),
          goTo: (issue) => this.goTo(issue),
        }),
      );
    }
    if (this.rebased) {
      const { conflicts, resourceVersion } = this.rebased;
      notices.push(
        html`<div class="notice ${conflicts.length ? 'warning' : 'success'} rebased" role="status">
          ${
            conflicts.length
              ? html`<strong
                    >Rebased onto resourceVersion ${resourceVersion} with ${conflicts.length}
                    ${conflicts.length === 1 ? 'conflict' : 'conflicts'}:</strong
                  >
                  both you and the server changed these fields; your values are in the text (Ctrl+Z undoes the
                  rebase). ${conflictList(conflicts, redact)}`
              : html`Rebased your edits onto resourceVersion ${resourceVersion}: no conflicts. Review and save
                again (Ctrl+Z undoes the rebase).`
          }
        </div>`,
      );
    }
    if (this.done)
      notices.push(html`<div class="notice success done" role="status">${redact(this.done)}</div>`);
    return html`${notices}`;
  }

  private renderReview(): TemplateResult | typeof nothing {
    const plan = this.plan;
    if (plan) {
      return planPanel(plan, {
        redact: (t) => this.redact(t),
        link: this.links,
        busy: !!this.busy,
        locate: (document, issue) => this.locateInDocument(document, [issue])[0],
        goTo: (issue) => this.goTo(issue),
        create: () => void this.confirmSave(),
        back: () => (this.plan = undefined),
      });
    }
    const review = this.review;
    if (!review) return nothing;
    return html`<section class="notice review" part="review" aria-labelledby="review-title">
      <h3 id="review-title">Save these changes? The API server accepted them in a dry run.</h3>
      ${diffView(review.before, review.text, (t) => this.redact(t), 'Live (−) vs yours (+)')}
      <div class="actions">
        <button
          type="button"
          class="primary"
          ?disabled=${!!this.busy}
          @click=${() => void this.confirmSave()}
        >
          Save
        </button>
        <button type="button" ?disabled=${!!this.busy} @click=${() => (this.review = undefined)}>
          Back to editing
        </button>
      </div>
    </section>`;
  }

  private renderConflict(kind: KedaKind): TemplateResult | typeof nothing {
    const live = this.conflict;
    if (!live) return nothing;
    return html`<section
      class="notice warning conflict"
      part="conflict"
      role="alert"
      aria-labelledby="conflict-title"
    >
      <h3 id="conflict-title">
        Someone changed this ${kind} while you were editing (now resourceVersion
        ${live.metadata.resourceVersion}).
      </h3>
      <p>
        Nothing was saved. Rebase re-applies your edits onto the live object (fields both of you changed are
        listed); overwrite replaces the live object with your text.
      </p>
      ${diffView(editableYaml(live), this.text, (t) => this.redact(t), 'Live (−) vs yours (+)')}
      <div class="actions">
        <button type="button" class="primary" ?disabled=${!!this.busy} @click=${() => this.rebase(live)}>
          Rebase my edits
        </button>
        <button type="button" class="danger" ?disabled=${!!this.busy} @click=${() => void this.overwrite()}>
          Overwrite with mine
        </button>
        <button type="button" ?disabled=${!!this.busy} @click=${() => (this.conflict = undefined)}>
          Keep editing
        </button>
      </div>
    </section>`;
  }

  private renderStatus(): TemplateResult | typeof nothing {
    const live = this.mode === 'edit' ? (this.liveObject() ?? this.base) : undefined;
    const status = live ? statusYaml(live) : '';
    if (!status) return nothing;
    return html`<details class="status" part="status">
      <summary>Status (read-only: written by KEDA, not part of the edit)</summary>
      <pre>${this.redact(status)}</pre>
    </details>`;
  }

  private message(state: 'loading' | 'empty' | 'error', title: string, body: TemplateResult): TemplateResult {
    return html`<div class="message" data-state=${state} role=${state === 'error' ? 'alert' : 'status'}>
      <h2>${title}</h2>
      ${body}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'keda-yaml-editor': YamlEditor;
  }
  interface HTMLElementEventMap {
    'keda-saved': CustomEvent<KubeObject>;
    'keda-objects-created': CustomEvent<YamlEditorCreatedDetail>;
    // 'keda-cancel' is declared once, next to keda-create-wizard, as CustomEvent<{ dirty?: boolean }>.
  }
}
