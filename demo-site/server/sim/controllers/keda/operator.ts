/**
 * The simulated KEDA operator (one of 2.19, 2.20.1, 2.20.2): the ScaledObject, ScaledJob and
 * (Cluster)TriggerAuthentication controllers, and the operator side of the external metrics API.
 */
import type { KedaVersion } from '../../../../../components/src/core/scaling/keda.ts';
import type { SourceRegistry } from '../../sources/registry.ts';
import type { Controller, ControllerContext } from '../controller.ts';
import { kedaRecorder } from './common.ts';
import { kedaMetricsProvider } from './metrics-provider.ts';
import { ScaledJobController } from './scaled-job.ts';
import { ScaledObjectController } from './scaled-object.ts';
import { TriggerAuthenticationController } from './trigger-auth.ts';

export interface KedaOperatorOptions {
  version: KedaVersion;
  sources: SourceRegistry;
}

export class KedaOperator implements Controller {
  readonly name = 'keda-operator';
  private readonly parts: Controller[];
  private ctx: ControllerContext | undefined;

  constructor(private readonly options: KedaOperatorOptions) {
    this.parts = [
      new TriggerAuthenticationController(options.version),
      new ScaledObjectController(options.version, options.sources),
      new ScaledJobController(options.version, options.sources),
    ];
  }

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
    for (const part of this.parts) part.start(ctx);
    ctx.externalMetrics.setProvider(
      kedaMetricsProvider({
        store: ctx.store,
        registry: ctx.registry,
        service: ctx.service,
        clock: ctx.clock,
        sources: this.options.sources,
        recorder: kedaRecorder(ctx, this.options.version),
        version: this.options.version,
      }),
    );
  }

  stop(): void {
    for (const part of this.parts) part.stop();
    this.ctx?.externalMetrics.setProvider(undefined);
  }
}
