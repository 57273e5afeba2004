/**
 * Defines a custom element unless the tag is taken. The registry is global: a host page may load
 * these elements twice (a plugin reload, two bundles), and a second define would throw.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
