/**
 * Serializes a DOM tree to HTML with open shadow roots as declarative shadow DOM
 * (`<template shadowrootmode="open">`), so a browser that opens the file rebuilds the same
 * shadow trees. jsdom has no `getHTML({serializableShadowRoots})`, hence this walk.
 */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const RAW_TEXT = new Set(['style', 'script']);

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** The styles a Lit element adopted (when the DOM lacks adoptedStyleSheets they are <style>s already). */
function adoptedStyles(element: Element, root: ShadowRoot): string {
  if (root.querySelector(':scope > style')) return '';
  const styles = (element.constructor as { elementStyles?: Array<{ cssText?: string }> })
    .elementStyles;
  const css = (styles ?? []).map(style => style.cssText ?? '').join('\n');
  return css ? `<style>${css}</style>` : '';
}

export function serializeChildren(parent: Node): string {
  return [...parent.childNodes].map(serializeNode).join('');
}

export function serializeNode(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) {
    const parentName = node.parentNode?.nodeName.toLowerCase() ?? '';
    return RAW_TEXT.has(parentName) ? node.textContent ?? '' : escapeText(node.textContent ?? '');
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return ''; // comments (Lit's markers) are dropped
  const element = node as Element;
  const tag = element.localName;
  const attributes = [...element.attributes]
    .map(attribute => ` ${attribute.name}="${escapeAttribute(attribute.value)}"`)
    .join('');
  if (VOID.has(tag)) return `<${tag}${attributes}>`;
  const shadow = element.shadowRoot
    ? `<template shadowrootmode="open">${adoptedStyles(
        element,
        element.shadowRoot
      )}${serializeChildren(element.shadowRoot)}</template>`
    : '';
  const content =
    tag === 'template'
      ? serializeChildren((element as HTMLTemplateElement).content)
      : serializeChildren(element);
  return `<${tag}${attributes}>${shadow}${content}</${tag}>`;
}
