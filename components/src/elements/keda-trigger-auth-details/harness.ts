import { DetailsHarness } from '../keda-scaled-job-details/harness.js';

/** Reads and drives a rendered `keda-trigger-auth-details`. */
export class TriggerAuthDetailsHarness extends DetailsHarness {
  /** The Secret references table: Secret, key, used for, status. */
  secretRows(): string[][] {
    return this.rows('Secret references');
  }

  /** The "Used by" table rows. */
  userRows(): string[][] {
    return this.rows('Used by');
  }
}
