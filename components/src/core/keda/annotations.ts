/**
 * The annotations KEDA honours on ScaledObjects, ScaledJobs, HPAs and Jobs, parsed with KEDA's exact
 * semantics (kedacore/keda `apis/keda/v1alpha1/scaledobject_types.go` `getBoolAnnotation`,
 * `GetPausedReplicaCount`, `scaledjob_types.go`, `scaledobject_webhook.go`).
 */

/** Annotation keys. */
export const KEDA_ANNOTATIONS = {
  paused: 'autoscaling.keda.sh/paused',
  pausedReplicas: 'autoscaling.keda.sh/paused-replicas',
  pausedScaleIn: 'autoscaling.keda.sh/paused-scale-in',
  pausedScaleOut: 'autoscaling.keda.sh/paused-scale-out',
  forceActivation: 'autoscaling.keda.sh/force-activation',
  transferHpaOwnership: 'scaledobject.keda.sh/transfer-hpa-ownership',
  hpaExcludedLabels: 'scaledobject.keda.sh/hpa-excluded-labels',
  jobExcludedLabels: 'scaledjob.keda.sh/job-excluded-labels',
  validationsHpaOwnership: 'validations.keda.sh/hpa-ownership',
  scaledJobGeneration: 'scaledjob.keda.sh/generation',
} as const;

/** The label KEDA puts on the ScaledObject, its HPA and the metric selectors. */
export const SCALED_OBJECT_NAME_LABEL = 'scaledobject.keda.sh/name';
/** The label KEDA puts on Jobs (and their pod templates) created for a ScaledJob. */
export const SCALED_JOB_NAME_LABEL = 'scaledjob.keda.sh/name';

type Annotations = Readonly<Record<string, string>> | undefined | null;

/** Go's `strconv.ParseBool`: `undefined` when the text is not one of Go's boolean spellings. */
export function goParseBool(text: string): boolean | undefined {
  switch (text) {
    case '1':
    case 't':
    case 'T':
    case 'TRUE':
    case 'true':
    case 'True':
      return true;
    case '0':
    case 'f':
    case 'F':
    case 'FALSE':
    case 'false':
    case 'False':
      return false;
    default:
      return undefined;
  }
}

/** KEDA's `getBoolAnnotation`: absent is false, a Go boolean is itself, anything else is true. */
export function boolAnnotation(annotations: Annotations, key: string): boolean {
  const value = annotations?.[key];
  if (value === undefined) return false;
  return goParseBool(value) ?? true;
}

/** Result of Go's `strconv.ParseInt(s, 10, 32)`: a number, or Go's error text. */
export type GoIntParse = { ok: true; value: number } | { ok: false; error: string };

/** Go's `strconv.ParseInt(text, 10, 32)` with its exact error messages. */
export function goParseInt32(text: string): GoIntParse {
  if (!/^[+-]?[0-9]+$/.test(text)) {
    return { ok: false, error: `strconv.ParseInt: parsing ${goQuote(text)}: invalid syntax` };
  }
  const value = Number(text);
  if (value > 2147483647 || value < -2147483648 || !Number.isSafeInteger(value)) {
    return { ok: false, error: `strconv.ParseInt: parsing ${goQuote(text)}: value out of range` };
  }
  return { ok: true, value: value === 0 ? 0 : value };
}

/** Go's `%q` for simple strings (JSON escaping matches for printable ASCII). */
export function goQuote(text: string): string {
  return JSON.stringify(text);
}

/** How a ScaledObject's annotations affect scaling. */
export interface ScaledObjectPauseState {
  /** `NeedToBePausedByAnnotation`: paused-replicas present, or `paused` true (non-bool counts as true). */
  paused: boolean;
  /** `HasPausedAnnotation`: either `paused` or `paused-replicas` is present, whatever its value. */
  hasPausedAnnotation: boolean;
  /** The paused-replicas count when the annotation parses as an int32. */
  pausedReplicas?: number;
  /** Go's parse error when `paused-replicas` is present but not an int32 (KEDA then fails the reconcile). */
  pausedReplicasError?: string;
  /** `paused-scale-in`: HPA scale-down disabled, KEDA won't scale to 0/idle. */
  pauseScaleIn: boolean;
  /** `paused-scale-out`: HPA scale-up disabled, KEDA won't activate from 0/idle. */
  pauseScaleOut: boolean;
  /** `force-activation`: treated as active whatever the triggers say. */
  forceActivation: boolean;
  /** Whether the Paused condition is True (full pause or a one-direction pause). */
  pausedCondition: boolean;
}

/** Reads every scaling-related annotation of a ScaledObject. */
export function scaledObjectPauseState(annotations: Annotations): ScaledObjectPauseState {
  const replicasText = annotations?.[KEDA_ANNOTATIONS.pausedReplicas];
  const hasReplicas = replicasText !== undefined;
  const paused = hasReplicas || boolAnnotation(annotations, KEDA_ANNOTATIONS.paused);
  const pauseScaleIn = boolAnnotation(annotations, KEDA_ANNOTATIONS.pausedScaleIn);
  const pauseScaleOut = boolAnnotation(annotations, KEDA_ANNOTATIONS.pausedScaleOut);
  const state: ScaledObjectPauseState = {
    paused,
    hasPausedAnnotation: hasReplicas || annotations?.[KEDA_ANNOTATIONS.paused] !== undefined,
    pauseScaleIn,
    pauseScaleOut,
    forceActivation: boolAnnotation(annotations, KEDA_ANNOTATIONS.forceActivation),
    pausedCondition: paused || pauseScaleIn || pauseScaleOut,
  };
  if (hasReplicas) {
    const parsed = goParseInt32(replicasText);
    if (parsed.ok) state.pausedReplicas = parsed.value;
    else state.pausedReplicasError = parsed.error;
  }
  return state;
}

/** ScaledJob `NeedToBePausedByAnnotation` (only `autoscaling.keda.sh/paused`; non-bool counts as true). */
export function scaledJobPaused(annotations: Annotations): boolean {
  return boolAnnotation(annotations, KEDA_ANNOTATIONS.paused);
}

/** `scaledobject.keda.sh/transfer-hpa-ownership`: only the exact text `"true"` enables it (webhook). */
export function transferHpaOwnership(annotations: Annotations): boolean {
  return annotations?.[KEDA_ANNOTATIONS.transferHpaOwnership] === 'true';
}

/** `validations.keda.sh/hpa-ownership` on an HPA: only the exact text `"false"` opts it out of the webhook check. */
export function hpaOwnershipValidationDisabled(annotations: Annotations): boolean {
  return annotations?.[KEDA_ANNOTATIONS.validationsHpaOwnership] === 'false';
}

/** The comma list of labels not copied (entries are used verbatim, no trimming, as KEDA does). */
export function excludedLabels(annotations: Annotations, key: string): Set<string> {
  const text = annotations?.[key];
  return text === undefined ? new Set() : new Set(text.split(','));
}
