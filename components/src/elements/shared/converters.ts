import type { ComplexAttributeConverter } from 'lit';

/** `namespaces="a,b"` <-> `['a', 'b']`. */
export const namespacesConverter: ComplexAttributeConverter<string[]> = {
  fromAttribute: (value: string | null) =>
    value
      ? value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
      : [],
  toAttribute: (value: string[]) => value.join(','),
};
