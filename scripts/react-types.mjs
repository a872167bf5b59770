// Writes types/react.d.ts (the JSX typings of `kre-license-reports/react`) from
// custom-elements.json: `node scripts/react-types.mjs` (part of `npm run analyze`). Never edit
// types/react.d.ts by hand: change the elements' JSDoc and types, then run `npm run analyze`.
// `npm run check:manifest` fails when the file is stale.
//
// For each element: its attributes (dash-case) and writable properties (camelCase) with their
// types, an enumerated one as the union of its values (from its type, else the values its JSDoc
// lists), its events as React 19 handler props (`onkre-filter-change`) typed by the event map,
// and a typed `ref` (the element's class, by `HTMLElementTagNameMap`).
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { elementsOf, unionMembers } from './element-api.mjs';

export const FILE = 'types/react.d.ts';

/** Type names a property type may use without an import: TypeScript's and the DOM's. */
const GLOBAL_TYPES = new Set([
  'Array', 'ReadonlyArray', 'Record', 'Partial', 'Readonly', 'Required', 'Pick', 'Omit', 'Promise', 'Map', 'Set',
  'ReadonlyMap', 'ReadonlySet', 'Date', 'RegExp', 'Error', 'Function', 'AbortSignal', 'Request', 'RequestInit',
  'Response', 'Headers', 'URL', 'Blob', 'File', 'Event', 'CustomEvent', 'HTMLElement', 'Element', 'Node', 'Intl',
  // this file's own
  'EventOf', 'ElementOf', 'ElementProps',
]);

const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const comment = (text, indent = '  ') => {
  const lines = text.trim().split('\n');
  if (!text.trim()) return '';
  if (lines.length === 1 && !lines[0].includes('*/')) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l.replaceAll('*/', '*\\/')}`.trimEnd()).join('\n')}\n${indent} */\n`;
};
const pascal = (tag) => tag.replace(/(^|-)(\w)/g, (_m, _d, c) => c.toUpperCase());

/** The type of a JSX prop: the values of an enumerated one, else the manifest's type; `| null` kept. */
function propType(p, { attribute }) {
  let type;
  if (p.values) {
    type = p.values.join(' | ');
    // A dash-case attribute is set as an attribute: a number may come as its text too.
    if (attribute && p.base === 'number') type += ` | ${p.values.map((v) => JSON.stringify(v)).join(' | ')}`;
  } else if (p.base) {
    type = attribute && p.base === 'number' ? 'number | `${number}`' : p.base;
  } else {
    type = unionMembers(p.type).filter((m) => m !== 'null' && m !== 'undefined').join(' | ') || 'unknown';
  }
  return p.nullable ? `${type} | null` : type;
}

/**
 * The type names a type text uses at its top (capitalized identifiers outside string literals,
 * not after a dot: `Intl.DateTimeFormat` names `Intl`).
 */
const typeNames = (text) =>
  [...text.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '').matchAll(/(?<![.\w$])[A-Z][A-Za-z0-9_]*\b/g)].map((m) => m[0]);

/** A type any TypeScript host knows without an import: TypeScript's own, the DOM's. */
const isGlobalType = (name) => GLOBAL_TYPES.has(name) || /^(HTML|SVG)\w*Element$/.test(name) || name in globalThis;

/** The text of types/react.d.ts for `manifest`. */
export function reactTypes(manifest) {
  const elements = elementsOf(manifest);
  const index = manifest.modules.find((m) => m.path === 'dist/index.js');
  const exported = new Set((index?.exports ?? []).map((e) => e.name));
  const imports = new Set();
  const blocks = [];
  for (const el of elements) {
    const lines = [];
    const seen = new Set();
    const add = (name, type, description, note) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const t of typeNames(type)) {
        if (exported.has(t)) imports.add(t);
        else if (!isGlobalType(t)) {
          throw new Error(`<${el.tagName}> ${name}: the type ${t} is not exported by src/index.ts, so the React typings cannot name it. Export it (as a type) from src/index.ts.`);
        }
      }
      lines.push(`${comment([description, note].filter(Boolean).join('\n'))}  ${key(name)}?: ${type};`);
    };
    const properties = new Map(el.properties.map((p) => [p.name, p]));
    for (const a of el.attributes) {
      const field = a.fieldName ? properties.get(a.fieldName) : undefined;
      // The same name as its property: React sets the property, so the property's type.
      if (field && field.name === a.name) add(a.name, propType(field, { attribute: false }), field.description);
      else add(a.name, propType(a, { attribute: true }), a.description, field ? `The \`${field.name}\` property's attribute.` : '');
    }
    for (const p of el.properties) add(p.name, propType(p, { attribute: false }), p.description, p.attribute && p.attribute !== p.name ? `Also the \`${p.attribute}\` attribute.` : '');
    for (const e of el.events) {
      add(`on${e.name}`, `(event: EventOf<'${e.name}'>) => void`, e.description, `The handler of \`${e.name}\`.`);
    }
    const name = pascal(el.tagName);
    const summary = el.summary || el.description.split('\n')[0];
    blocks.push(
      `${comment(`The attributes, properties and event handlers of \`<${el.tagName}>\`${summary ? `: ${summary.replace(/\.$/, '')}` : ''}.`, '')}` +
        `export interface ${name}Attributes {\n${lines.join('\n')}\n}\n\n` +
        `/** \`<${el.tagName}>\` in JSX: React's props for any element, its own, and a typed \`ref\`. */\n` +
        `export type ${name}Props = ElementProps<ElementOf<'${el.tagName}'>, ${name}Attributes>;\n`,
    );
  }
  const tags = elements.map((el) => `      '${el.tagName}': ${pascal(el.tagName)}Props;`).join('\n');
  const list = elements.map((el) => `\`<${el.tagName}>\``);
  // At least an empty import: it brings the package's HTMLElementTagNameMap and event map entries.
  const named = [...imports].sort();
  return `// GENERATED by scripts/react-types.mjs from custom-elements.json (\`npm run analyze\`): do not edit.
// Change the elements' JSDoc and types in src/ instead; \`npm run check:manifest\` fails when stale.
/**
 * JSX typings for React 19 hosts (\`kre-license-reports/react\`): with
 *
 *   import type {} from 'kre-license-reports/react';
 *
 * anywhere in a React + TypeScript app, ${list.slice(0, -1).join(', ')}${list.length > 1 ? ' and ' : ''}${list.at(-1) ?? ''}
 * take checked attributes (an enumerated one takes only its values: \`interval="week"\`, not
 * \`"weekly"\`), the element's own properties (\`fetch\`, \`requestTimeout\`), a typed \`ref\`, and
 * typed event handlers in React 19's spelling for custom elements: \`on\` + the event's name,
 * \`onkre-filter-change={(e) => e.detail.from}\`. (TypeScript never checks a hyphenated JSX name
 * the element does not declare, so a misspelt \`onkre-*\` handler is not caught: use the names below.)
 *
 * React 19 sets a prop as a property when the element has one (so import the package, which
 * defines the elements, before React renders them) and as an attribute otherwise: \`time-zone\`
 * and \`timeZone\` both work. Types only: importing this module at run time does nothing.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ${named.join(', ')} } from 'kre-license-reports';

/** An element's JSX props: React's for any HTML element, the element's own, and a typed \`ref\`. */
export type ElementProps<E extends HTMLElement, Own> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof Own> & Own;

/** The class of the element a tag defines (its \`HTMLElementTagNameMap\` entry). */
export type ElementOf<Tag extends string> = Tag extends keyof HTMLElementTagNameMap ? HTMLElementTagNameMap[Tag] : HTMLElement;

/** The event a name dispatches (its \`GlobalEventHandlersEventMap\` entry), else a \`CustomEvent\`. */
export type EventOf<Name extends string> = Name extends keyof GlobalEventHandlersEventMap ? GlobalEventHandlersEventMap[Name] : CustomEvent<unknown>;

${blocks.join('\n')}
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${tags}
    }
  }
}
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  writeFileSync(FILE, reactTypes(manifest));
  console.log(`${FILE} written from custom-elements.json.`);
}
