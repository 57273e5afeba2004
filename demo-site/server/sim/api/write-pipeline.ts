/**
 * The apiserver's write stages beyond a kind's strategy, wired for the simulator: custom
 * resources are decoded and validated against their CRD schema, then KEDA's validating
 * webhooks admit or deny creates and updates.
 */
import type { ResourceRegistry } from '../registry/registry.ts';
import type { ObjectStore } from '../store/store.ts';
import { kedaAdmission } from './admission/index.ts';
import type { WritePipeline } from './service.ts';
import { decodeCustomResourceWrite, toCause, validateCustomResourceWrite } from './validation/index.ts';

export interface WritePipelineOptions {
  registry: ResourceRegistry;
  store: ObjectStore;
  /** Whether KEDA's admission webhooks are installed (default true). */
  webhooks?: boolean;
  log?: (line: string) => void;
}

export function createWritePipeline(options: WritePipelineOptions): WritePipeline {
  const dispatcher =
    options.webhooks === false ? undefined : kedaAdmission(options.registry, options.store, options.log);
  return {
    decode(def, object, decodeOptions) {
      if (def.custom) decodeCustomResourceWrite(def, object, decodeOptions);
    },
    validate(def, object, old, subresource) {
      return def.custom ? validateCustomResourceWrite(def, object, old, subresource).map(toCause) : [];
    },
    admit(def, request) {
      dispatcher?.admit(def, request);
    },
  };
}
