// Writes dist/custom-elements.json (schema 1.0.0, https://github.com/webcomponents/custom-elements-manifest)
// from the TypeScript sources: every `defineElement('<tag>', Class)` in a define.ts, the class's
// JSDoc (description, @fires, @csspart, @cssprop, @slot) and its Lit `@property` fields, inherited
// ones included. IDEs, Storybook and other dashboards read it to know the elements' public API.
import ts from 'typescript';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const out = join(root, 'dist', 'custom-elements.json');

function defineFiles() {
  const files = [join(src, 'context', 'define.ts')];
  for (const dir of readdirSync(join(src, 'elements'), { withFileTypes: true })) {
    if (dir.isDirectory()) files.push(join(src, 'elements', dir.name, 'define.ts'));
  }
  return files.filter((f) => ts.sys.fileExists(f));
}

// Syntax only (no type checker): fast, and the sources follow one pattern (one class per import).
const sources = new Map();
function sourceFile(file) {
  let sf = sources.get(file);
  if (!sf) {
    sf = ts.createSourceFile(
      file,
      ts.sys.readFile(file) ?? '',
      ts.ScriptTarget.ES2022,
      true,
      ts.ScriptKind.TS,
    );
    sources.set(file, sf);
  }
  return sf;
}

/** `src/elements/x/x.ts` -> `elements/x/x.js` (the module in dist/ an import names). */
const modulePath = (file) => relative(src, file).replace(/\\/g, '/').replace(/\.ts$/, '.js');

function docText(comment) {
  if (comment === undefined) return '';
  const text = typeof comment === 'string' ? comment : comment.map((c) => c.text).join('');
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** `name - description` (or `name description`) of a tag's text. */
function nameAndDescription(text) {
  const m = /^(\S+)(?:\s+-\s+|\s+)?([\s\S]*)$/.exec(text);
  return m ? { name: m[1] === '-' ? '' : m[1], description: m[2].trim() } : { name: '', description: text };
}

function classDoc(node) {
  const doc = { description: '', events: [], cssParts: [], cssProperties: [], slots: [] };
  for (const jsdoc of ts.getJSDocCommentsAndTags(node)) {
    if (!ts.isJSDoc(jsdoc)) continue;
    doc.description = docText(jsdoc.comment);
    for (const tag of jsdoc.tags ?? []) {
      const text = docText(tag.comment);
      const { name, description } = nameAndDescription(text);
      switch (tag.tagName.text) {
        case 'fires':
        case 'event':
          doc.events.push({ name, description });
          break;
        case 'csspart':
        case 'part':
          doc.cssParts.push({ name, description });
          break;
        case 'cssprop':
        case 'cssproperty':
          doc.cssProperties.push({ name, description });
          break;
        case 'slot':
          // `@slot - Default slot` has no name.
          doc.slots.push(
            text.startsWith('-') ? { name: '', description: text.slice(1).trim() } : { name, description },
          );
          break;
      }
    }
  }
  return doc;
}

/** The options object of `@property({...})`, or undefined when the member is not a Lit property. */
function litProperty(member) {
  for (const decorator of ts.getDecorators(member) ?? []) {
    const call = decorator.expression;
    if (!ts.isCallExpression(call) || call.expression.getText() !== 'property') continue;
    const options = {};
    const arg = call.arguments[0];
    if (arg && ts.isObjectLiteralExpression(arg)) {
      for (const p of arg.properties) {
        if (!ts.isPropertyAssignment(p)) continue;
        const key = p.name.getText();
        const value = p.initializer;
        if (key === 'attribute') {
          options.attribute =
            value.kind === ts.SyntaxKind.FalseKeyword
              ? false
              : ts.isStringLiteral(value)
                ? value.text
                : undefined;
        } else if (key === 'reflect') options.reflect = value.kind === ts.SyntaxKind.TrueKeyword;
      }
    }
    return options;
  }
  return undefined;
}

function memberDoc(member) {
  const docs = ts.getJSDocCommentsAndTags(member).filter(ts.isJSDoc);
  return docText(docs.at(-1)?.comment);
}

function typeText(member) {
  if (member.type) return member.type.getText();
  if (ts.isSetAccessor(member) && member.parameters[0]?.type) return member.parameters[0].type.getText();
  const init = ts.isPropertyDeclaration(member) ? member.initializer : undefined;
  if (!init) return 'unknown';
  if (ts.isStringLiteralLike(init)) return 'string';
  if (ts.isNumericLiteral(init)) return 'number';
  if (init.kind === ts.SyntaxKind.TrueKeyword || init.kind === ts.SyntaxKind.FalseKeyword) return 'boolean';
  if (ts.isArrayLiteralExpression(init)) return 'array';
  return 'unknown';
}

function classMembers(cls, inheritedFrom) {
  const fields = [];
  const attributes = [];
  const seen = new Set();
  for (const member of cls.members) {
    if (
      !member.name ||
      !(ts.isPropertyDeclaration(member) || ts.isSetAccessor(member) || ts.isGetAccessor(member))
    )
      continue;
    const name = member.name.getText();
    const isPrivate =
      (ts.getCombinedModifierFlags(member) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0;
    const options = litProperty(member);
    if (!options || isPrivate || seen.has(name)) continue;
    seen.add(name);
    const field = { kind: 'field', name, type: { text: typeText(member) } };
    const description = memberDoc(member);
    if (description) field.description = description;
    if (ts.isPropertyDeclaration(member) && member.initializer) field.default = member.initializer.getText();
    if (options.attribute !== false) {
      const attribute = options.attribute ?? name.toLowerCase();
      field.attribute = attribute;
      if (options.reflect) field.reflects = true;
      attributes.push({
        name: attribute,
        fieldName: name,
        type: field.type,
        ...(description ? { description } : {}),
      });
    }
    if (inheritedFrom) field.inheritedFrom = inheritedFrom;
    fields.push(field);
  }
  return { fields, attributes };
}

/** The class an identifier names in its file: declared there, or imported from a relative module. */
function classOf(identifier) {
  const name = identifier.getText();
  const sf = identifier.getSourceFile();
  for (const statement of sf.statements) {
    if (ts.isClassDeclaration(statement) && statement.name?.text === name) return statement;
    if (
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text.startsWith('.')
    ) {
      const bindings = statement.importClause?.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) continue;
      const spec = bindings.elements.find((e) => e.name.text === name);
      if (!spec) continue;
      const target = join(dirname(sf.fileName), statement.moduleSpecifier.text.replace(/\.js$/, '.ts'));
      if (!ts.sys.fileExists(target)) return undefined;
      const exported = (spec.propertyName ?? spec.name).text;
      return sourceFile(target).statements.find(
        (st) => ts.isClassDeclaration(st) && st.name?.text === exported,
      );
    }
  }
  return undefined;
}

function describeClass(cls) {
  const doc = classDoc(cls);
  const { fields, attributes } = classMembers(cls);
  let base = cls;
  for (;;) {
    const heritage = base.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    const next = heritage ? classOf(heritage.expression) : undefined;
    if (!next) break;
    const from = { name: next.name?.text ?? '', module: modulePath(next.getSourceFile().fileName) };
    const inherited = classMembers(next, from);
    for (const f of inherited.fields) if (!fields.some((x) => x.name === f.name)) fields.push(f);
    for (const a of inherited.attributes) if (!attributes.some((x) => x.name === a.name)) attributes.push(a);
    const baseDoc = classDoc(next);
    for (const key of ['events', 'cssParts', 'cssProperties', 'slots']) {
      for (const item of baseDoc[key]) if (!doc[key].some((x) => x.name === item.name)) doc[key].push(item);
    }
    base = next;
  }
  return { doc, fields, attributes };
}

const modules = new Map();
const definitions = [];
for (const file of defineFiles()) {
  const sf = sourceFile(file);
  const visit = (node) => {
    if (ts.isCallExpression(node) && node.expression.getText() === 'defineElement') {
      const [tagArg, classArg] = node.arguments;
      const cls = classArg && classOf(classArg);
      if (tagArg && ts.isStringLiteral(tagArg) && cls) {
        const tag = tagArg.text;
        const path = modulePath(cls.getSourceFile().fileName);
        const { doc, fields, attributes } = describeClass(cls);
        const declaration = {
          kind: 'class',
          name: cls.name.text,
          tagName: tag,
          customElement: true,
          description: doc.description,
          superclass: { name: 'LitElement', package: 'lit' },
          attributes,
          members: fields,
          events: doc.events.map((e) => ({
            name: e.name,
            description: e.description,
            type: { text: 'CustomEvent' },
          })),
          cssParts: doc.cssParts,
          cssProperties: doc.cssProperties,
          slots: doc.slots,
        };
        const entry = modules.get(path) ?? { kind: 'javascript-module', path, declarations: [], exports: [] };
        entry.declarations.push(declaration);
        entry.exports.push({
          kind: 'js',
          name: cls.name.text,
          declaration: { name: cls.name.text, module: path },
        });
        modules.set(path, entry);
        definitions.push({
          kind: 'javascript-module',
          path: modulePath(file),
          declarations: [],
          exports: [
            {
              kind: 'custom-element-definition',
              name: tag,
              declaration: { name: cls.name.text, module: path },
            },
          ],
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

const byDefinitionPath = new Map();
for (const d of definitions) {
  const m = byDefinitionPath.get(d.path) ?? d;
  if (m !== d) m.exports.push(...d.exports);
  byDefinitionPath.set(d.path, m);
}
const manifest = {
  schemaVersion: '1.0.0',
  readme: 'docs/embedding.md',
  modules: [
    ...[...modules.values()].sort((a, b) => a.path.localeCompare(b.path)),
    ...byDefinitionPath.values(),
  ],
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(manifest, null, 2)}\n`);
const tags = [...byDefinitionPath.values()].flatMap((d) => d.exports.map((e) => e.name));
process.stdout.write(`custom-elements.json: ${tags.length} elements (${tags.join(', ')})\n`);
