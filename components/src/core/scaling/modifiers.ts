/**
 * `advanced.scalingModifiers`: formula validation (kedacore/keda `apis/keda/v1alpha1/
 * scaledobject_webhook.go` ValidateAndCompileScalingModifiers, castToFloatIfNecessary), the
 * composite metric value (`pkg/scaling/modifiers/formula.go`) and its activation
 * (`pkg/scaling/scale_handler.go` getScaledObjectState).
 */

import { milliQuantity, quantityToString } from '../kube/quantity.js';
import { compileExpr, evaluateExpr, ExprError, type CompiledExpr } from './expr.js';

/** The scalingModifiers block. */
export interface ScalingModifiersInput {
  formula?: string;
  target?: string;
  activationTarget?: string;
  metricType?: string;
}

/** The ScaledObject fields the modifiers read. */
export interface ModifiersScaledObject {
  triggers: ReadonlyArray<{ type: string; name?: string }>;
  advanced?: { scalingModifiers?: ScalingModifiersInput | null } | null;
  fallback?: { replicas: number; failureThreshold: number; behavior?: string } | null;
}

/** The formula KEDA actually compiles: wrapped in `float(...)`, or a nil-preserving `let` when it uses `??`. */
export function castToFloatIfNecessary(formula: string): string {
  if (formula.includes('??')) {
    if (formula.startsWith('let _kedaCompositeResult = ')) return formula;
    return `let _kedaCompositeResult = (${formula}); _kedaCompositeResult == nil ? nil : float(_kedaCompositeResult)`;
  }
  if (formula.startsWith('float(')) return formula;
  return `float(${formula})`;
}

/** Go's `strconv.ParseFloat(s, 64)` with its error text. */
export function goParseFloat(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const trimmedOk = /^[+-]?(\d+\.?\d*(e[+-]?\d+)?|\.\d+(e[+-]?\d+)?|inf(inity)?|nan)$/i.test(text);
  if (!trimmedOk)
    return { ok: false, error: `strconv.ParseFloat: parsing ${JSON.stringify(text)}: invalid syntax` };
  const lower = text.toLowerCase();
  let value: number;
  if (lower.endsWith('inf') || lower.endsWith('infinity'))
    value = text.startsWith('-') ? -Infinity : Infinity;
  else if (lower.endsWith('nan')) value = Number.NaN;
  else value = Number(text);
  return { ok: true, value };
}

/** A validated, compiled formula. */
export interface CompiledModifiers {
  /** The formula as KEDA compiles it (after castToFloatIfNecessary). */
  formula: string;
  compiled: CompiledExpr;
  target: number;
  activationTarget: number;
  metricType: 'AverageValue' | 'Value';
}

/** Validation result with KEDA's exact error text. */
export type ModifiersValidation = { ok: true; modifiers: CompiledModifiers } | { ok: false; error: string };

/** Names available to formulas: the `name` of every non-cpu/memory trigger. */
export function formulaVariables(triggers: ModifiersScaledObject['triggers']): string[] {
  return triggers
    .filter((t) => t.type !== 'cpu' && t.type !== 'memory' && t.name)
    .map((t) => t.name as string);
}

/**
 * KEDA's ValidateAndCompileScalingModifiers: formula mandatory, target required with a formula,
 * compile (with the float cast) and run once with every trigger at -1, target a positive float,
 * metricType not Utilization. Errors are `errors.Join` texts (newline separated).
 */
export function validateScalingModifiers(spec: ModifiersScaledObject): ModifiersValidation {
  const sm = spec.advanced?.scalingModifiers ?? {};
  if (!sm.formula) return { ok: false, error: 'error ScalingModifiers.Formula is mandatory' };
  const formula = castToFloatIfNecessary(sm.formula);
  const formulaError = (msg: string): ModifiersValidation => ({
    ok: false,
    error: `error validating formula in ScalingModifiers\n${msg}`,
  });
  if (!sm.target) return formulaError('formula is given but target is empty');
  const variables = formulaVariables(spec.triggers);
  let compiled: CompiledExpr;
  try {
    compiled = compileExpr(formula, variables);
    evaluateExpr(compiled, Object.fromEntries(variables.map((v) => [v, -1])));
  } catch (err) {
    return formulaError(err instanceof Error ? err.message : String(err));
  }
  const targetError = (msg: string): ModifiersValidation => ({
    ok: false,
    error: `error validating target in ScalingModifiers\n${msg}`,
  });
  const target = goParseFloat(sm.target);
  if (!target.ok || target.value <= 0) {
    return targetError(
      `error converting target for scalingModifiers (string->float) to valid target: ${target.ok ? '%!w(<nil>)' : target.error}`,
    );
  }
  if (sm.metricType === 'Utilization') {
    return targetError(
      'error trigger type is Utilization, but it needs to be AverageValue or Value for external metrics',
    );
  }
  let activationTarget = 0;
  if (sm.activationTarget) {
    const parsed = goParseFloat(sm.activationTarget);
    if (!parsed.ok)
      return { ok: false, error: `scalingModifiers.ActivationTarget parsing error ${parsed.error}` };
    activationTarget = parsed.value;
  }
  return {
    ok: true,
    modifiers: {
      formula,
      compiled,
      target: target.value,
      activationTarget,
      metricType: sm.metricType === 'Value' ? 'Value' : 'AverageValue',
    },
  };
}

/** The composite metric for one poll. */
export type CompositeResult =
  | {
      ok: true;
      /** The formula's float result (or the nil fallback value). */
      value: number;
      /** The value KEDA serves: `SetMilli(int64(value*1000))`. */
      milli: number;
      /** The quantity string served as `composite-metric`. */
      quantity: string;
      /** The formula returned nil and `fallback.replicas × target` was used. */
      nilFallback: boolean;
    }
  | { ok: false; error: string };

/**
 * Evaluates the formula with trigger values by trigger name (`null` = the trigger failed past the
 * fallback threshold with fallback behavior `scalingModifiers`), like `calculateScalingModifiersFormula`.
 */
export function evaluateComposite(
  modifiers: CompiledModifiers,
  values: Readonly<Record<string, number | null>>,
  fallback?: { replicas: number } | null,
): CompositeResult {
  let out: number;
  let nilFallback = false;
  try {
    const result = evaluateExpr(modifiers.compiled, values);
    if (result === null) {
      if (!fallback)
        return {
          ok: false,
          error: 'scalingModifiers formula evaluated to nil but no fallback is configured',
        };
      out = fallback.replicas * modifiers.target;
      nilFallback = true;
    } else if (typeof result !== 'number') {
      return { ok: false, error: `formula returned non-float result bool (${result})` };
    } else {
      out = result;
    }
  } catch (err) {
    const message = err instanceof ExprError ? err.message : String(err);
    return { ok: false, error: `error trying to run custom formula: ${message}` };
  }
  const milli = truncToInt64(out * 1000);
  return { ok: true, value: out, milli, quantity: quantityToString(milliQuantity(milli)), nilFallback };
}

/** Go's `int64(f)` for finite values (truncation); NaN/±Inf map to the amd64 result (min int64). */
export function truncToInt64(f: number): number {
  if (!Number.isFinite(f)) return -9223372036854775808;
  return Math.trunc(f);
}

/**
 * The composite metric is active when the served value (milli/1000, i.e. after the int64 milli
 * truncation) exceeds `activationTarget` (default 0).
 */
export function compositeIsActive(milli: number, modifiers: CompiledModifiers): boolean {
  return milli / 1000 > modifiers.activationTarget;
}
