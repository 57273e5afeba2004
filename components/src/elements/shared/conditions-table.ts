import { html, type TemplateResult } from 'lit';
import type { Condition } from '../../core/kube/types.js';
import { reasonAndMessage } from '../../core/keda/conditions.js';
import { maskSecretsInText } from '../../core/keda/mask.js';

/** A condition's status colour: True is good except for Fallback and Paused; a false Ready is bad. */
export function conditionClass(c: { type: string; status: string }): string {
  const positive = c.type !== 'Fallback' && c.type !== 'Paused';
  if (c.status === 'Unknown') return 'warn';
  if (c.status === 'True') return positive ? 'yes' : 'warn';
  return c.type === 'Ready' ? 'bad' : '';
}

/**
 * A details header's summary of a state: what the pause annotation does, KEDA's condition behind
 * the state (or that KEDA has not reported on the `kind` yet), and force-activation; one per line.
 */
export function stateSummary(
  state: { condition?: Condition; pauseNote?: string; forceNote?: string },
  kind: string,
): string {
  const reported = state.condition
    ? reasonAndMessage(state.condition)
    : state.pauseNote
      ? undefined
      : `KEDA has not reported on this ${kind} yet.`;
  return [state.pauseNote, reported, state.forceNote].filter((t) => t !== undefined).join('\n');
}

/** KEDA's conditions as written (credentials in messages masked), or a hint when the operator has written none. */
export function conditionsTable(conditions: readonly Condition[]): TemplateResult {
  if (conditions.length === 0)
    return html`<p class="none">KEDA has not written any condition yet: is the KEDA operator running?</p>`;
  return html`<table>
    <thead>
      <tr>
        <th>Type</th>
        <th>Status</th>
        <th>Reason</th>
        <th>Message</th>
      </tr>
    </thead>
    <tbody>
      ${conditions.map(
        (c) =>
          html`<tr>
            <td>${c.type}</td>
            <td class=${conditionClass(c)}>${c.status}</td>
            <td class="mono">${c.reason ?? ''}</td>
            <td>${maskSecretsInText(c.message ?? '')}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
