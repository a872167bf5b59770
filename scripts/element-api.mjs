// The public API of each element, read off custom-elements.json: what a host can set (attributes
// and writable properties, with the values an enumerated one takes), the events it can listen to,
// and the slots, parts and custom properties it can style. One reading for every consumer: the
// React typings (scripts/react-types.mjs) and Storybook's controls (.storybook/preview.ts).
// Plain JavaScript without Node imports: it runs in Node and in the browser.

/** A literal type member: `"day"`, `'day'`, `25`, `-1.5`, `true`. */
const LITERAL = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?|true|false)$/;

/** Splits a type text at its top-level `|` (not inside brackets, parentheses or quotes). */
export function unionMembers(text) {
  const parts = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if ('([{<'.includes(c)) depth++;
    else if (')]}>'.includes(c) && !(c === '>' && text[i - 1] === '=')) depth--;
    else if (c === '|' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter(Boolean);
}

/** `'day'` -> `"day"`; numbers and booleans as they are. */
const normalLiteral = (text) => (text.startsWith("'") ? JSON.stringify(text.slice(1, -1).replace(/\\(.)/g, '$1')) : text);

const ITEM = String.raw`(?:\x60[^\x60]+\x60|-?\d+(?:\.\d+)?)(?:\s*\([^)]*\))?`;
/**
 * After a colon, to the end of the sentence: `a`, `b` (default) or `c`; or three or more items
 * separated by commas alone. ("Sort order: `asc` or `desc` (default).")
 */
const LIST = new RegExp(String.raw`:\s*(${ITEM}(?:\s*,\s*${ITEM})*\s*,?\s+or\s+${ITEM}|${ITEM}(?:\s*,\s*${ITEM}){2,})\s*(?:[.;]|$)`);
const ITEM_PARTS = /(?:\x60([^\x60]+)\x60|(-?\d+(?:\.\d+)?))(?:\s*\(([^)]*)\))?/g;

/**
 * The values a JSDoc description lists for a `string` or `number` property, as literal type texts,
 * and the one marked `(default)`: "Sort order: `asc` or `desc` (default)." -> ["\"asc\"", "\"desc\""],
 * default "\"desc\"". The list follows a colon and ends its sentence; strings are in backticks,
 * numbers may be bare ("Rows per page: 25, 50 (default), 100 or 250."). A union type says it better.
 */
export function documentedValues(description, base) {
  const match = description && LIST.exec(description);
  if (!match) return null;
  const values = [];
  let fallback;
  for (const [, code, number, note] of match[1].matchAll(ITEM_PARTS)) {
    const text = code ?? number;
    let value;
    if (base === 'number') {
      if (!/^-?\d+(?:\.\d+)?$/.test(text)) return null;
      value = String(Number(text));
    } else {
      if (code === undefined) return null;
      value = JSON.stringify(text);
    }
    values.push(value);
    if (note && /\bdefault\b/i.test(note)) fallback = value;
  }
  return values.length >= 2 ? { values, default: fallback } : null;
}

/**
 * What a type text says about the values: `base` (`string`, `number`, `boolean` or null for any
 * other type), the literal `values` of a union of literals (from the type, else from the JSDoc
 * list when the type is `string` or `number`), and whether `null` is allowed.
 */
export function describeType(text, description) {
  const members = unionMembers(text ?? '');
  const nullable = members.includes('null');
  const rest = members.filter((m) => m !== 'null' && m !== 'undefined');
  if (rest.length && rest.every((m) => LITERAL.test(m))) {
    const values = [...new Set(rest.map(normalLiteral))];
    const kinds = new Set(values.map((v) => (v.startsWith('"') ? 'string' : v === 'true' || v === 'false' ? 'boolean' : 'number')));
    const base = kinds.size === 1 ? [...kinds][0] : null;
    if (base === 'boolean' && values.length === 2) return { base, values: null, nullable, source: 'type' };
    // The JSDoc may still say which value is the default: "`day` (default)".
    const documented = base === 'string' || base === 'number' ? documentedValues(description, base) : null;
    const fallback = documented?.default && values.includes(documented.default) ? documented.default : undefined;
    return { base, values, nullable, source: 'type', ...(fallback ? { documentedDefault: fallback } : {}) };
  }
  const base = rest.length === 1 && ['string', 'number', 'boolean'].includes(rest[0]) ? rest[0] : null;
  const documented = base === 'string' || base === 'number' ? documentedValues(description, base) : null;
  if (documented) return { base, values: documented.values, documentedDefault: documented.default, nullable, source: 'jsdoc' };
  return { base, values: null, nullable, source: null };
}

/** A default as a host would write it: `"day"` -> `day`; null when there is none to show. */
export function defaultText(text) {
  if (text === undefined || text === null || text === 'null' || text === 'undefined' || text === '') return null;
  if (/^(["'`]).*\1$/s.test(text)) return text.slice(1, -1);
  return text;
}

/**
 * Every element (a class with a tag name) of the manifest, sorted by tag name, with its public
 * API. Private and protected members are already out of the manifest; read-only properties
 * (getters without a setter: `report`) and methods are left out here, since a host cannot set them.
 */
export function elementsOf(manifest) {
  const elements = [];
  for (const mod of manifest.modules ?? []) {
    for (const d of mod.declarations ?? []) {
      if (d.kind !== 'class' || !d.customElement || !d.tagName) continue;
      const members = (d.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly && m.privacy !== 'private' && m.privacy !== 'protected');
      const byField = new Map(members.map((m) => [m.name, m]));
      const attributes = (d.attributes ?? [])
        .filter((a) => !a.fieldName || byField.has(a.fieldName))
        .map((a) => {
          const field = a.fieldName ? byField.get(a.fieldName) : undefined;
          const description = a.description ?? field?.description ?? '';
          const type = a.type?.text ?? field?.type?.text ?? 'string';
          return { name: a.name, fieldName: a.fieldName ?? null, type, description, default: a.default ?? field?.default, ...describeType(type, description) };
        });
      const properties = members.map((m) => {
        const description = m.description ?? '';
        const type = m.type?.text ?? 'unknown';
        return { name: m.name, attribute: m.attribute ?? null, type, description, default: m.default, ...describeType(type, description) };
      });
      elements.push({
        tagName: d.tagName,
        className: d.name,
        module: mod.path,
        summary: d.summary ?? '',
        description: d.description ?? '',
        attributes,
        properties,
        events: (d.events ?? []).filter((e) => e.name).map((e) => ({ name: e.name, type: e.type?.text ?? null, description: e.description ?? '' })),
        slots: (d.slots ?? []).map((s) => ({ name: s.name ?? '', description: s.description ?? '' })),
        cssParts: (d.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
        cssProperties: (d.cssProperties ?? []).map((p) => ({ name: p.name, default: p.default, syntax: p.syntax, description: p.description ?? '' })),
      });
    }
  }
  return elements.sort((a, b) => (a.tagName < b.tagName ? -1 : a.tagName > b.tagName ? 1 : 0));
}

/** The element of `tagName`, or undefined. */
export function elementOf(manifest, tagName) {
  return elementsOf(manifest).find((e) => e.tagName === tagName);
}

const NAMED_COLORS = /^(?:transparent|currentcolor|black|white|red|green|blue|gray|grey|orange|purple|yellow|navy|teal|maroon|silver)$/i;

/**
 * Whether a custom property holds a colour: its default is one (`#2f6fde`, `rgb(…)`, `hsl(…)`,
 * `color-mix(…)`, a named colour, or a `var()` chain ending in one), its `syntax` is `<color>`, or
 * its name says so (`-color`, `--kre-color-…`, `-surface`) without naming a non-colour
 * (`-scheme`, `-opacity`).
 */
export function isColorProperty(property) {
  if (property.syntax) return /<color>/.test(property.syntax);
  const name = property.name;
  if (/-(scheme|opacity|width|height|size|radius|family|spacing)\b/.test(name)) return false;
  const value = (property.default ?? '').trim();
  const last = value.replace(/^(?:var\([^,]+,\s*)+/, '').replace(/\)+$/, '').trim();
  if (/^(?:#[0-9a-f]{3,8}|(?:rgb|rgba|hsl|hsla|hwb|lab|lch|oklab|oklch|color|color-mix)\()/i.test(last) || NAMED_COLORS.test(last)) return true;
  return /(?:^--[\w-]*-colou?r(?:-|$)|-colou?r$)/.test(name);
}
