/**
 * Completion and hover documentation from the CRD schema: field names (required ones first, with
 * their type and description), enum values and booleans after `key: `, and a tooltip with a field's
 * description, type, required-ness and bounds. Tooltip content is built with `textContent` only.
 * The schema is asked for at the cursor: a text of several documents has one kind per document.
 */
import type {
  CompletionContext,
  CompletionResult,
  CompletionSource,
  Completion,
} from '@codemirror/autocomplete';
import { hoverTooltip, type Tooltip } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import {
  describeSchemaType,
  schemaAt,
  type CrdSchema,
  type FieldPath,
} from '../../../core/keda/crd-schema.js';
import { formatFieldPath } from '../../../core/keda/field-path.js';
import { cursorContext, fieldAt } from '../../../core/keda/yaml-cursor.js';

const COLLECTION = new Set(['object', 'array']);

function firstParagraph(text: string | undefined): string {
  return (text ?? '').split('\n\n')[0]!.trim();
}

/** The schema for the document at `pos`; undefined while it loads or when there is none. */
export type SchemaAt = (text: string, pos: number) => CrdSchema | undefined;

/** Completions for the cursor, from the schema of the document it is in. */
export function schemaCompletion(schema: SchemaAt): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const text = context.state.doc.toString();
    const root = schema(text, context.pos);
    if (!root) return null;
    const where = cursorContext(text, context.pos);
    if (!where) return null;
    if (!context.explicit && where.prefix === '' && where.position === 'key') return null;
    const node = schemaAt(root, where.path);
    if (!node) return null;
    let options: Completion[] = [];
    if (where.position === 'key') {
      const required = new Set(node.required ?? []);
      options = Object.entries(node.properties ?? {})
        .filter(([key]) => !where.siblings.includes(key))
        .map(([key, child]) => ({
          label: key,
          type: 'property',
          detail: `${describeSchemaType(child)}${required.has(key) ? ' · required' : ''}`,
          info: firstParagraph(child.description) || undefined,
          apply: COLLECTION.has(child.type ?? '') && !child.intOrString ? `${key}:` : `${key}: `,
          boost: required.has(key) ? 1 : 0,
        }));
    } else {
      const values = node.enum ?? (node.type === 'boolean' ? [true, false] : []);
      options = values.map((value) => ({
        label: typeof value === 'string' ? value : String(value),
        type: 'enum',
        detail: node.default === value ? 'default' : undefined,
      }));
    }
    if (options.length === 0) return null;
    return { from: where.from, options, validFor: /^[\w.\-/]*$/ };
  };
}

function fact(label: string, value: unknown): string {
  return `${label} ${typeof value === 'string' ? value : JSON.stringify(value)}`;
}

/** The tooltip body for a field. */
export function fieldDoc(root: CrdSchema, path: FieldPath): HTMLElement | undefined {
  const node = schemaAt(root, path);
  if (!node) return undefined;
  const parent = schemaAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  const required = typeof last === 'string' && (parent?.required ?? []).includes(last);
  const dom = document.createElement('div');
  dom.className = 'keda-doc';
  const title = document.createElement('div');
  title.className = 'keda-doc-title';
  title.textContent = formatFieldPath(path);
  const type = document.createElement('span');
  type.className = 'keda-doc-type';
  type.textContent = `${describeSchemaType(node)}${required ? ' · required' : ''}`;
  title.append(type);
  dom.append(title);
  if (node.description) {
    const body = document.createElement('div');
    body.className = 'keda-doc-body';
    body.textContent = node.description;
    dom.append(body);
  }
  const facts: string[] = [];
  if (node.enum) facts.push(fact('one of', node.enum.map(String).join(', ')));
  if (node.default !== undefined) facts.push(fact('default', node.default));
  if (node.minimum !== undefined) facts.push(fact('minimum', node.minimum));
  if (node.maximum !== undefined) facts.push(fact('maximum', node.maximum));
  if (node.minItems !== undefined) facts.push(fact('at least', `${node.minItems} item(s)`));
  if (node.minLength !== undefined) facts.push(fact('at least', `${node.minLength} character(s)`));
  if (node.pattern !== undefined) facts.push(fact('matches', node.pattern));
  for (const rule of node.rules ?? []) facts.push(`rule: ${rule.message ?? rule.rule}`);
  if (facts.length > 0) {
    const more = document.createElement('div');
    more.className = 'keda-doc-facts';
    more.textContent = facts.join(' · ');
    dom.append(more);
  }
  return dom;
}

/** Hover documentation for the key under the pointer. */
export function schemaHover(schema: SchemaAt): Extension {
  return hoverTooltip((view, pos): Tooltip | null => {
    const text = view.state.doc.toString();
    const root = schema(text, pos);
    if (!root) return null;
    const line = view.state.doc.lineAt(pos);
    const colon = line.text.indexOf(':');
    if (colon < 0 || pos - line.from > colon) return null;
    const path = fieldAt(text, pos);
    if (!path) return null;
    const dom = fieldDoc(root, path);
    if (!dom) return null;
    const start = line.from + (line.text.length - line.text.replace(/^[\s-]*/, '').length);
    return { pos: start, end: line.from + colon, above: true, create: () => ({ dom }) };
  });
}
