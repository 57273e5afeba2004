/** Writes scenario objects straight into the store, with creation times in the past. */
import { apiVersionOf } from '../../../../components/src/core/kube/resource.ts';
import type { Clock } from '../core/clock.ts';
import { clone } from '../core/json.ts';
import type { Random } from '../core/random.ts';
import { rfc3339 } from '../core/time.ts';
import { fromStorage, storageKey, toStorage, type KObject, type ResourceDef } from '../registry/types.ts';
import type { ObjectStore } from '../store/store.ts';

const HOUR = 60 * 60 * 1000;

export class Seeder {
  constructor(
    readonly store: ObjectStore,
    readonly random: Random,
    readonly clock: Clock,
  ) {}

  /** A moment `hours` (± up to `jitterHours`) before now. */
  hoursAgo(hours: number, jitterHours = 0): Date {
    const jitter = jitterHours > 0 ? (this.random.next() * 2 - 1) * jitterHours : 0;
    return new Date(this.clock.now().getTime() - (hours + jitter) * HOUR);
  }

  /** Stores `object` as created at `createdAt`, applying the kind's create defaults but keeping its status. */
  add(def: ResourceDef, object: KObject, createdAt: Date): KObject {
    const o = clone(object);
    o.apiVersion = apiVersionOf(def);
    o.kind = def.kind;
    const status = o.status;
    o.metadata.uid = this.random.uuid();
    o.metadata.creationTimestamp = rfc3339(createdAt);
    def.strategy.decode?.(o);
    def.strategy.prepareForCreate?.(o);
    def.strategy.allocate?.(o, { random: this.random, stored: (d) => this.store.list(storageKey(d)) });
    if (status !== undefined) o.status = status;
    if (def.tracksGeneration) o.metadata.generation ??= 1;
    return fromStorage(def, this.store.insert(storageKey(def), toStorage(def, o)));
  }
}
