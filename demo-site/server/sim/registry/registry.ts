/** The set of served resource types, grouped by API group and version. */
import type { ResourceDef } from './types.ts';

export interface GroupVersionInfo {
  version: string;
  resources: ResourceDef[];
}

export interface GroupInfo {
  /** '' for the core group. */
  name: string;
  /** Preferred first. */
  versions: GroupVersionInfo[];
}

export class ResourceRegistry {
  private readonly defs: ResourceDef[] = [];
  private readonly listeners = new Set<() => void>();
  private changeCount = 0;

  /** Bumped on every change; discovery and openapi caches key on it. */
  get generation(): number {
    return this.changeCount;
  }

  /** Adds a type, replacing one with the same group/version/plural. */
  register(def: ResourceDef): void {
    const i = this.defs.findIndex(
      (d) => d.group === def.group && d.version === def.version && d.plural === def.plural,
    );
    if (i >= 0) this.defs[i] = def;
    else this.defs.push(def);
    this.changed();
  }

  unregister(group: string, plural: string): void {
    let removed = false;
    for (let i = this.defs.length - 1; i >= 0; i--) {
      const d = this.defs[i];
      if (d && d.group === group && d.plural === plural) {
        this.defs.splice(i, 1);
        removed = true;
      }
    }
    if (removed) this.changed();
  }

  get(group: string, version: string, plural: string): ResourceDef | undefined {
    return this.defs.find((d) => d.group === group && d.version === version && d.plural === plural);
  }

  /** Any served version of a group/resource (the first registered). */
  find(group: string, plural: string): ResourceDef | undefined {
    return this.defs.find((d) => d.group === group && d.plural === plural);
  }

  all(): readonly ResourceDef[] {
    return this.defs;
  }

  hasGroupVersion(group: string, version: string): boolean {
    return this.defs.some((d) => d.group === group && d.version === version);
  }

  resourcesIn(group: string, version: string): ResourceDef[] {
    return this.defs.filter((d) => d.group === group && d.version === version);
  }

  /** Groups in registration order; the core group ('') first when present. */
  groups(): GroupInfo[] {
    const groups = new Map<string, Map<string, ResourceDef[]>>();
    for (const def of this.defs) {
      let versions = groups.get(def.group);
      if (!versions) {
        versions = new Map();
        groups.set(def.group, versions);
      }
      const list = versions.get(def.version) ?? [];
      list.push(def);
      versions.set(def.version, list);
    }
    const out: GroupInfo[] = [];
    for (const [name, versions] of groups) {
      out.push({
        name,
        versions: [...versions].map(([version, resources]) => ({ version, resources })),
      });
    }
    out.sort((a, b) => (a.name === '' ? -1 : b.name === '' ? 1 : 0));
    return out;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.changeCount++;
    for (const l of this.listeners) l();
  }
}
