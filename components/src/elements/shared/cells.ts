import { html, nothing, type TemplateResult } from 'lit';
import { humanDuration } from '../../core/kube/age.js';
import { conditionSummary } from '../../core/keda/conditions.js';
import type { Condition } from '../../core/kube/types.js';
import type { LinkResolver, ObjectRef } from '../../context/contexts.js';
import type { Fit } from '../../controllers/header-columns.js';
import type { InformerState } from '../../data/informer.js';

/**
 * Table cells every list renders the same way. Values are always bound as text. A text that
 * surely fits its column (`fit`) is left unclipped; any other is clipped with an ellipsis and
 * carries its full value as a tooltip.
 */

export function nameCell(ref: ObjectRef, links: LinkResolver | undefined, fit: Fit): TemplateResult {
  const href = links?.(ref);
  const fits = fit(ref.name, 'name');
  return html`<div role="cell" class="name ${fits ? 'fits' : ''}" title=${fits ? nothing : ref.name}>
    ${href ? html`<a href=${href}>${ref.name}</a>` : ref.name}
  </div>`;
}

export function noneCell(numeric = false, title = 'not set', text = '—'): TemplateResult {
  return html`<div role="cell" class="none fits ${numeric ? 'numeric' : ''}" title=${title}>${text}</div>`;
}

/**
 * A text cell; `fits` when the value always fits its column (a kubectl duration), else `fit`
 * decides per value.
 */
export function textCell(
  value: string | number | undefined,
  options: {
    numeric?: boolean;
    mono?: boolean;
    fits?: boolean;
    fit?: Fit;
    className?: string;
    /** A tooltip kept whether the text is clipped or not (a clipped text's tooltip is the text). */
    title?: string;
  } = {},
) {
  if (value === undefined || value === '') return noneCell(options.numeric);
  const text = String(value);
  const fits = options.fits || (options.fit?.(text, options.mono ? 'mono' : 'plain') ?? false);
  const classes = [
    options.className ?? '',
    options.numeric ? 'numeric' : '',
    options.mono ? 'mono' : '',
    fits ? 'fits' : '',
  ].join(' ');
  const title = options.title ?? (fits ? nothing : text);
  return html`<div role="cell" class=${classes} title=${title}>${value}</div>`;
}

/** kubectl's AGE of an object created at `created` (epoch ms); `<unknown>` when absent. */
export function ageCell(created: number | undefined, now: number): TemplateResult {
  return textCell(created ? humanDuration(now - created) : '<unknown>', { fits: true });
}

/** A condition status as kubectl prints it (`True`/`False`/`Unknown`), coloured by meaning. */
export function conditionCell(
  type: string,
  status: string | undefined,
  alertWhenTrue = false,
): TemplateResult {
  if (status === undefined) return noneCell();
  return html`<div
    role="cell"
    class="fits condition ${type.toLowerCase()} ${alertWhenTrue ? 'alert' : ''} ${status.toLowerCase()}"
  >
    ${status}
  </div>`;
}

/**
 * A state pill whose tooltip is the condition behind it (credentials masked), after the annotation
 * that paused it; a `forced` flag beside it while force-activation is on. Its labels fit the column.
 */
export function stateCell(
  kind: string,
  label: string,
  condition: Condition | undefined,
  remainingMs?: number,
  notes: { pauseNote?: string; forceNote?: string } = {},
): TemplateResult {
  const detail = condition
    ? conditionSummary(condition)
    : notes.pauseNote
      ? undefined
      : 'KEDA has not reported any condition yet';
  const title = [notes.pauseNote, detail, notes.forceNote].filter((t) => t !== undefined).join('\n');
  const left = remainingMs !== undefined ? ` ${humanDuration(remainingMs)}` : '';
  return html`<div role="cell" class="fits" title=${title}>
    <span class="state ${kind}">${label}${left}</span>${
      notes.forceNote ? html` <span class="state-flag forced">forced</span>` : nothing
    }
  </div>`;
}

/**
 * While the related objects a cell shows (`the HPAs`) are being read, or when they cannot be, a
 * cell that says so instead of claiming there are none; undefined once they are known.
 */
export function unknownYetCell(what: string, state: InformerState | undefined): TemplateResult | undefined {
  if (!state || state.synced) return undefined;
  return state.error
    ? noneCell(
        true,
        `${what.charAt(0).toUpperCase()}${what.slice(1)} could not be read: ${state.error.message}`,
        '?',
      )
    : noneCell(true, `Reading ${what}…`, '…');
}
