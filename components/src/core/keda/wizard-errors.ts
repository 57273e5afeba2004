/**
 * Places an API error (a dry-run or a create) at the wizard step and field it is about. The error
 * is read by `explainWriteError`, as the YAML editor reads it (422 causes, KEDA's webhook denials,
 * 400 unknown fields, RBAC), against the object the wizard sent; its field paths are then mapped
 * to wizard fields by `wizardFieldOf`. 409 AlreadyExists lands on the object's name. The API's
 * message is kept verbatim.
 */

import { explainWriteError, type ApiErrorLike } from './api-write-error.js';
import { buildWizardObjects, type WizardObjectRole } from './wizard-build.js';
import { nameFieldOf, wizardFieldOf } from './wizard-fields.js';
import type { WizardState, WizardStep } from './wizard-state.js';

export type { ApiErrorLike } from './api-write-error.js';

/** Where an API message belongs. */
export interface LocatedProblem {
  step: WizardStep;
  /** The field id (as in `WizardIssue.field`), when the message is about one field. */
  field?: string;
  message: string;
}

/**
 * Where each message of an API error belongs. 422 errors give one problem per cause (its field
 * path placed); others one problem with the whole message.
 */
export function locateApiError(
  state: WizardState,
  role: WizardObjectRole,
  error: ApiErrorLike,
): LocatedProblem[] {
  const object = buildWizardObjects(state).objects.find((o) => o.role === role)?.object;
  const report = explainWriteError(error, object);
  switch (report.kind) {
    case 'already-exists':
      return [{ ...nameFieldOf(role), message: error.message }];
    case 'forbidden':
    case 'network':
    case 'conflict':
    case 'not-found':
    case 'other':
      return [{ step: 'review', message: error.message }];
    case 'webhook': {
      // One denial: the API's whole message, at the field the denial is about.
      const path = report.issues[0]?.path;
      const place = path?.length ? wizardFieldOf(state, role, path) : undefined;
      return [{ ...(place ?? orNameOf(role)), message: error.message }];
    }
    default: {
      if (report.issues.length === 0) return [{ ...orNameOf(role), message: error.message }];
      return report.issues.map((issue) => ({
        ...(issue.path.length ? wizardFieldOf(state, role, issue.path) : orNameOf(role)),
        message: issue.message,
      }));
    }
  }
}

/** A message about the Secret or TriggerAuthentication as a whole goes to its name; others to review. */
function orNameOf(role: WizardObjectRole): { step: WizardStep; field?: string } {
  return role === 'secret' || role === 'triggerAuthentication' ? nameFieldOf(role) : { step: 'review' };
}
