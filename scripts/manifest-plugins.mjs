// The analyzer plugins of custom-elements-manifest.config.mjs: what makes custom-elements.json the
// published, public and byte-for-byte reproducible surface of the elements.
//
// - sortedModules(): the analyzer reads the files in the order globby lists them, which changes
//   from run to run (directories are read concurrently). Every later step (inheritance, the
//   modules' order) follows that order, so the files are read sorted by path.
// - sourceFacts(): a property typed with an alias of literals (`interval: Interval | null`,
//   `type Interval = 'hour' | 'day' | …`) is written with its values (`"hour" | "day" | … | null`),
//   so Storybook's selects and the React typings read them from the manifest. Followed by syntax
//   alone (type aliases, imports, re-exports, `(typeof CONST)[number]` of an `as const` array);
//   any other type stays as written. Also: defaults that name a constant get its value, and an
//   override is credited to the class that declares it, with its own writability.
// - publishedSurface(): paths name dist/*.js; private, protected, `@internal` and `@ignore`
//   members, unexported declarations and the bogus definition of a define() helper are left out;
//   defaults name values (`30000`, not `DEFAULT_TIMEOUT_MS`), never whole stylesheets or `new …`.
// - stableOrder(): modules sorted by path; each class's own items keep their source (or JSDoc)
//   order, and inherited items follow, nearest superclass first, each in its class's order.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, posix, resolve } from 'node:path';

/** The analyzer's module creation, over the files sorted by path (code point order, no locale). */
export function sortedModules({ ts, globs }) {
  return [...globs].sort(byCodePoint).map((glob) => ts.createSourceFile(glob, readFileSync(resolve(glob), 'utf8'), ts.ScriptTarget.ES2015, true));
}

export const byCodePoint = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Literal union types, through aliases and imports.

/**
 * Resolves names across the sources by syntax: `type X = …`, `const X = [...] as const`, named
 * imports and re-exports of relative modules (`./a.js` is `./a.ts`).
 */
function createResolver(ts) {
  const files = new Map();
  const parse = (file) => {
    if (!files.has(file)) {
      files.set(file, existsSync(file) ? ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true) : null);
    }
    return files.get(file);
  };
  const target = (from, specifier) => {
    if (!specifier.startsWith('.')) return null; // a package: not ours to read
    const base = resolve(dirname(from), specifier).replace(/\.(js|mjs)$/, '');
    return [`${base}.ts`, `${base}.mts`, `${base}/index.ts`].find((f) => existsSync(f)) ?? null;
  };
  /** The declaration named `name` in `file` (following imports and re-exports), as [file, node]. */
  const find = (file, name, test, seen = new Set()) => {
    const key = `${file}#${name}`;
    if (seen.has(key)) return null;
    seen.add(key);
    const sf = parse(file);
    if (!sf) return null;
    for (const statement of sf.statements) {
      if (test(statement, name)) return [file, statement];
      if (ts.isVariableStatement(statement)) {
        const declaration = statement.declarationList.declarations.find((d) => test(d, name));
        if (declaration) return [file, declaration];
      }
      const spec = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : null;
      if (!spec) continue;
      if (ts.isImportDeclaration(statement)) {
        const bindings = statement.importClause?.namedBindings;
        const element = bindings && ts.isNamedImports(bindings) ? bindings.elements.find((e) => e.name.text === name) : null;
        const to = element && target(file, spec);
        if (to) return find(to, element.propertyName?.text ?? name, test, seen);
      } else if (ts.isExportDeclaration(statement)) {
        const to = target(file, spec);
        if (!to) continue;
        if (!statement.exportClause) {
          const found = find(to, name, test, seen);
          if (found) return found;
        } else if (ts.isNamedExports(statement.exportClause)) {
          const element = statement.exportClause.elements.find((e) => e.name.text === name);
          if (element) return find(to, element.propertyName?.text ?? name, test, seen);
        }
      }
    }
    return null;
  };
  const isAlias = (node, name) => ts.isTypeAliasDeclaration(node) && node.name.text === name && !node.typeParameters;
  const isConst = (node, name) => ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer;

  /** The text of a literal expression or literal type (`"day"`, `30000`, `true`, `null`), else null. */
  const literal = (node) => {
    if (!node) return null;
    if (ts.isLiteralTypeNode(node)) return literal(node.literal);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return JSON.stringify(node.text);
    if (ts.isNumericLiteral(node)) return String(Number(node.text.replaceAll('_', '')));
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
      return String(-Number(node.operand.text.replaceAll('_', '')));
    }
    if (node.kind === ts.SyntaxKind.TrueKeyword) return 'true';
    if (node.kind === ts.SyntaxKind.FalseKeyword) return 'false';
    if (node.kind === ts.SyntaxKind.NullKeyword) return 'null';
    return null;
  };
  const unwrap = (node) => {
    while (node && (ts.isAsExpression(node) || ts.isSatisfiesExpression?.(node) || ts.isParenthesizedExpression(node) || ts.isTypeAssertionExpression(node))) {
      node = node.expression;
    }
    return node;
  };

  /** The literal value of constant `name` as seen from `file`, else null. */
  const constant = (file, name) => {
    const found = find(file, name, isConst);
    return found ? literal(unwrap(found[1].initializer)) : null;
  };

  /**
   * The literals a type node stands for, in source order, or null when it is not made of
   * literals only (`null` and `undefined` are kept as members).
   */
  const literals = (file, node, depth = 0) => {
    if (!node || depth > 20) return null;
    if (ts.isParenthesizedTypeNode(node)) return literals(file, node.type, depth);
    if (ts.isUnionTypeNode(node)) {
      const parts = node.types.map((t) => literals(file, t, depth));
      return parts.every(Boolean) ? parts.flat() : null;
    }
    if (node.kind === ts.SyntaxKind.UndefinedKeyword) return ['undefined'];
    if (node.kind === ts.SyntaxKind.NullKeyword) return ['null'];
    if (node.kind === ts.SyntaxKind.BooleanKeyword) return ['boolean'];
    const text = literal(node);
    if (text !== null) return [text];
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && !node.typeArguments) {
      const found = find(file, node.typeName.text, isAlias);
      return found ? literals(found[0], found[1].type, depth + 1) : null;
    }
    // (typeof CONST)[number] of `const CONST = [...] as const`
    if (ts.isIndexedAccessTypeNode(node) && node.indexType.kind === ts.SyntaxKind.NumberKeyword) {
      let object = node.objectType;
      while (ts.isParenthesizedTypeNode(object)) object = object.type;
      if (ts.isTypeQueryNode(object) && ts.isIdentifier(object.exprName)) {
        const found = find(file, object.exprName.text, isConst);
        const array = found && unwrap(found[1].initializer);
        if (array && ts.isArrayLiteralExpression(array)) {
          const values = array.elements.map(literal);
          return values.every((v) => v !== null) ? values : null;
        }
      }
    }
    return null;
  };
  return { literals, constant };
}

/** The type text of a union of literals (`"a" | "b" | null`), or null when `values` is not one. */
function unionText(values) {
  if (!values) return null;
  const unique = [...new Set(values)];
  const tail = ['boolean', 'null', 'undefined'];
  const named = unique.filter((v) => !tail.includes(v));
  if (named.length === 0) return null; // `boolean | null` is already as plain as it gets
  return [...named, ...tail.filter((v) => unique.includes(v))].join(' | ');
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const KEYWORDS = new Set(['null', 'undefined', 'true', 'false', 'this', 'NaN', 'Infinity']);

/**
 * What the analyzer gets wrong about the classes, read again from the sources:
 * - the literal values of aliased union types (`Interval | null` ->
 *   `"hour" | "day" | "week" | "month" | null`), for members and their attributes;
 * - a default that names a constant becomes the constant's value (`DEFAULT_TIMEOUT_MS` ->
 *   `30000`), or is dropped when that is no literal;
 * - overrides: the analyzer marks a member a class declares itself as inherited from the class it
 *   overrides, and copies that class's `readonly` and type (a getter-and-setter `product` over an
 *   abstract getter came out read-only). Each member is credited to the nearest class that
 *   declares it, with that declaration's writability and type.
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
export function sourceFacts() {
  /** class name -> member name -> { type: string | null, writable: boolean } or { method: true } */
  const declared = new Map();
  /** class name -> module path, for classes declared once */
  const modules = new Map();
  let resolver;
  return {
    name: 'source-facts',
    initialize({ ts }) {
      resolver = createResolver(ts);
    },
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const file = resolve(moduleDoc.path);
      const members = new Map();
      const setters = new Set(node.members.filter((m) => ts.isSetAccessorDeclaration(m) && ts.isIdentifier(m.name)).map((m) => m.name.text));
      for (const member of node.members) {
        if (!member.name || !ts.isIdentifier(member.name)) continue;
        const name = member.name.text;
        const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (isStatic) continue;
        if (ts.isPropertyDeclaration(member)) {
          const readonly = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword);
          members.set(name, { type: typeText(member.type), writable: !readonly });
        } else if (ts.isGetAccessorDeclaration(member)) {
          members.set(name, { type: typeText(member.type), writable: setters.has(name) });
        } else if (ts.isSetAccessorDeclaration(member) && !members.has(name)) {
          members.set(name, { type: typeText(member.parameters[0]?.type), writable: true });
        } else if (ts.isMethodDeclaration(member)) {
          members.set(name, { method: true });
        }
      }
      declared.set(node.name.text, declared.has(node.name.text) ? null : members); // null: the name is ambiguous
      modules.set(node.name.text, modules.has(node.name.text) ? null : moduleDoc.path);

      function typeText(type) {
        if (!type) return null;
        return unionText(resolver.literals(file, type)) ?? type.getText();
      }
    },
    moduleLinkPhase({ moduleDoc }) {
      const file = resolve(moduleDoc.path);
      for (const declaration of moduleDoc.declarations ?? []) {
        const types = declared.get(declaration.name);
        for (const member of declaration.members ?? []) {
          const text = types?.get(member.name)?.type;
          if (text) member.type = { text };
          if (typeof member.default === 'string' && IDENTIFIER.test(member.default) && !KEYWORDS.has(member.default)) {
            const value = resolver.constant(file, member.default);
            if (value !== null) member.default = value;
            else delete member.default;
            delete member.resolveInitializer; // resolved here; the analyzer's own pass misses `.js` imports of `.ts` files
          }
        }
        for (const attribute of declaration.attributes ?? []) {
          const member = declaration.members?.find((m) => m.name === attribute.fieldName);
          if (!member) continue;
          if (member.type) attribute.type = { ...member.type };
          if ('default' in member) attribute.default = member.default;
          else delete attribute.default;
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const classes = new Map();
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) if (d.kind === 'class') classes.set(d.name, classes.has(d.name) ? null : d);
      }
      for (const d of classes.values()) {
        if (!d || !declared.get(d.name)) continue;
        const chain = [d.name];
        for (let s = d.superclass?.name; s && classes.get(s) && !chain.includes(s); s = classes.get(s).superclass?.name) chain.push(s);
        const owner = (name) => chain.find((c) => declared.get(c)?.has(name));
        const credit = (item, by) => {
          if (by === d.name) delete item.inheritedFrom;
          else if (by && modules.get(by)) item.inheritedFrom = { name: by, module: modules.get(by) };
        };
        for (const member of d.members ?? []) {
          const by = owner(member.name);
          if (!by) continue;
          credit(member, by);
          if (member.kind !== 'field') continue;
          const facts = declared.get(by).get(member.name);
          if (facts.writable) delete member.readonly;
          else member.readonly = true;
          if (facts.type) member.type = { text: facts.type };
        }
        for (const attribute of d.attributes ?? []) {
          const member = d.members?.find((m) => m.name === attribute.fieldName);
          credit(attribute, owner(attribute.fieldName));
          if (member?.type) attribute.type = { ...member.type };
        }
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The published, public surface.

/**
 * A default that is no value a host could write: a whole stylesheet (css`…`, unsafeCSS(…)) or an
 * object under construction (`new MultiSelect(host, {…})`).
 */
const isNoValue = (text) => typeof text === 'string' && /^\s*(css`|unsafeCSS\(|new\s)/.test(text);

/**
 * Paths in the manifest name the published modules (dist/*.js), not the sources, which are not
 * in the package: `src/kre-license-usage.ts` -> `dist/kre-license-usage.js`. The analyzer writes
 * module references in three spellings (`src/a.js`, `/src/a.js`, and `./a.js` relative to the
 * module that re-exports); all become `dist/a.js`. Also drops the bogus definition the analyzer
 * reads off a define() helper (elements name their tag with `@tagname` in their JSDoc), members
 * that are not the element's API (private, protected, `#names`, `@internal` and `@ignore`, which
 * the analyzer drops itself; static `styles`), declarations the module does not export, and
 * defaults that are no value (whole stylesheets, objects under construction).
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
export function publishedSurface() {
  const toDist = (ref, fromModule) => {
    const path = ref.startsWith('.') ? posix.join(posix.dirname(fromModule), ref) : ref.replace(/^\//, '');
    return path.replace(/^src\/(.*)\.[jt]s$/, 'dist/$1.js');
  };
  const rewrite = (node, fromModule) => {
    if (Array.isArray(node)) node.forEach((item) => rewrite(item, fromModule));
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'module' && typeof value === 'string') node[key] = toDist(value, fromModule);
        else rewrite(value, fromModule);
      }
    }
  };
  const isPublic = (m) =>
    m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#') && !(m.static && m.name === 'styles');
  return {
    name: 'published-surface',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        // A define() helper's own `customElements.define(tag, ctor)` is not a definition.
        mod.exports = mod.exports?.filter((e) => e.kind !== 'custom-element-definition' || e.name.includes('-'));
        const exported = new Set((mod.exports ?? []).map((e) => e.declaration?.name ?? e.name));
        mod.declarations = (mod.declarations ?? []).filter((d) => exported.has(d.name) || d.customElement);
        for (const declaration of mod.declarations) {
          if (isNoValue(declaration.default)) delete declaration.default;
          if (declaration.members) declaration.members = declaration.members.filter(isPublic);
          for (const member of declaration.members ?? []) if (isNoValue(member.default)) delete member.default;
        }
        rewrite(mod.declarations, mod.path);
        rewrite(mod.exports, mod.path);
        mod.path = toDist(mod.path, mod.path);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// One order.

const KINDS = ['members', 'attributes', 'events', 'slots', 'cssParts', 'cssProperties', 'cssStates'];

/**
 * Modules sorted by path. A class's own items keep the order the analyzer read them in (source
 * order for members and attributes, JSDoc order for events, slots, parts and custom properties);
 * inherited items come after them, nearest superclass first, each in that class's own order, so
 * the result does not depend on the order in which the analyzer applied inheritance.
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
export function stableOrder() {
  return {
    name: 'stable-order',
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      modules.sort((a, b) => byCodePoint(a.path, b.path));
      const classes = new Map();
      for (const mod of modules) {
        for (const d of mod.declarations ?? []) {
          if (d.kind === 'class' || d.kind === 'mixin') classes.set(d.name, classes.has(d.name) ? null : d); // null: ambiguous
        }
      }
      // Each class's own order, read before anything moves.
      const own = new Map();
      for (const [name, d] of classes) {
        if (!d) continue;
        own.set(name, Object.fromEntries(KINDS.map((k) => [k, (d[k] ?? []).filter((i) => !i.inheritedFrom).map((i) => i.name)])));
      }
      for (const d of classes.values()) {
        if (!d) continue;
        const chain = [];
        for (let s = d.superclass?.name; s && classes.get(s) && !chain.includes(s); s = classes.get(s).superclass?.name) chain.push(s);
        for (const kind of KINDS) {
          if (!d[kind]) continue;
          const rank = (item, index) => {
            if (!item.inheritedFrom) return [0, index, ''];
            const depth = chain.indexOf(item.inheritedFrom.name);
            const order = own.get(item.inheritedFrom.name)?.[kind].indexOf(item.name) ?? -1;
            return depth < 0 || order < 0 ? [chain.length + 1, 0, `${item.inheritedFrom.name}.${item.name}`] : [depth + 1, order, ''];
          };
          const ranked = d[kind].map((item, index) => ({ item, key: rank(item, index) }));
          ranked.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || byCodePoint(a.key[2], b.key[2]));
          d[kind] = ranked.map((r) => r.item);
        }
      }
    },
  };
}
