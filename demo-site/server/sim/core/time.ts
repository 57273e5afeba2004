/** Timestamps and ages the way Kubernetes prints them. */
import { ageOf as ageAt, humanDuration } from '../../../../components/src/core/kube/age.ts';

export { humanDuration };

/** RFC 3339 with second precision, as metav1.Time serializes: `2024-05-01T12:00:00Z`. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Age of an RFC 3339 timestamp relative to `now`; `<unknown>` when absent, `<invalid>` when unparsable. */
export function ageOf(timestamp: unknown, now: Date): string {
  return ageAt(typeof timestamp === 'string' ? timestamp : undefined, now.getTime());
}
