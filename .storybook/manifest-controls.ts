// Storybook's Controls and ArgTypes tables from custom-elements.json, through the same reading of
// it as the React typings (scripts/element-api.mjs): only what a host can set or style.
//
// - Attributes (by their HTML name) and the writable properties that have none (`requestTimeout`,
//   `fetch`); never protected or private members, read-only getters (`report`) or methods.
// - An enumerated one gets a select of its values: from its union type in the manifest
//   (`"hour" | "day" | "week" | "month"`), else from the values its JSDoc lists.
// - Defaults are values (`30000`; `day` when the JSDoc marks the default of an enumeration).
// - CSS custom properties: a colour picker for colours, a text field otherwise. Parts, slots and
//   events are listed (events are also logged in the Actions panel).
//
// The stories render attributes from their args themselves; `withManifestArgs` applies every arg
// to the story's element as well: attributes (so one a story's render does not know works too),
// custom properties (inline on the element, so they win over the story's theme), property-only
// args, and slot text.
import type { ArgTypes, Decorator } from '@storybook/web-components-vite';
import { useEffect } from 'storybook/preview-api';
import { defaultText, elementOf, elementsOf, isColorProperty, unionMembers, type ElementApi } from '../scripts/element-api.mjs';

type Manifest = Parameters<typeof elementsOf>[0];

/** A literal type text as a control option: `"day"` -> `day`, `25` -> 25. */
const option = (literal: string): string | number | boolean => JSON.parse(literal) as string | number | boolean;

/** A type for the table: without `| null` and `| undefined` (every attribute can be absent). */
const summaryOf = (type: string, values: string[] | null) =>
  values ? values.map(option).join(' | ') : unionMembers(type).filter((t) => t !== 'null' && t !== 'undefined').join(' | ');

// Controls in their object form: argTypes from `extractArgTypes` are not normalized, and
// Storybook shows no control for the shorthand (`control: 'select'`) there.
function controlFor(p: { base: string | null; values: string[] | null }) {
  if (p.values) {
    const options = p.values.map(option);
    return { control: { type: options.length <= 3 ? ('inline-radio' as const) : ('select' as const) }, options };
  }
  if (p.base === 'boolean') return { control: { type: 'boolean' as const } };
  if (p.base === 'number') return { control: { type: 'number' as const } };
  if (p.base === 'string') return { control: { type: 'text' as const } };
  return { control: false as const };
}

/** The argTypes of `tagName`, in the manifest's order: attributes, properties, events, slots, CSS. */
export function argTypesFor(manifest: Manifest, tagName: string): ArgTypes {
  const el = elementOf(manifest, tagName);
  if (!el) return {};
  const argTypes: ArgTypes = {};
  for (const a of el.attributes) {
    const property = a.fieldName && a.fieldName !== a.name ? ` Property: \`${a.fieldName}\`.` : '';
    argTypes[a.name] = {
      name: a.name,
      description: `${a.description}${property}`,
      ...controlFor(a),
      table: {
        category: 'attributes',
        type: { summary: summaryOf(a.type, a.values) },
        defaultValue: valueSummary(a.default, a.documentedDefault),
      },
    };
  }
  for (const p of el.properties) {
    if (p.attribute) continue; // set through its attribute above
    argTypes[p.name] = {
      name: p.name,
      description: p.description,
      ...controlFor(p),
      table: {
        category: 'properties',
        type: { summary: summaryOf(p.type, p.values) },
        defaultValue: valueSummary(p.default, p.documentedDefault),
      },
    };
  }
  for (const e of el.events) {
    argTypes[`event:${e.name}`] = {
      name: e.name,
      description: e.description,
      control: false,
      table: { category: 'events', type: { summary: e.type ?? 'CustomEvent' } },
    };
  }
  for (const s of el.slots) {
    const name = s.name || '(default)';
    argTypes[`slot:${name}`] = { name, description: s.description, control: { type: 'text' }, table: { category: 'slots', type: { summary: s.name ? `slot="${s.name}"` : 'default slot' } } };
  }
  for (const c of el.cssProperties) {
    argTypes[c.name] = {
      name: c.name,
      description: c.description,
      control: { type: isColorProperty(c) ? 'color' : 'text' },
      table: {
        category: 'css custom properties',
        type: { summary: c.syntax ?? (isColorProperty(c) ? '<color>' : 'CSS value') },
        defaultValue: valueSummary(c.default),
      },
    };
  }
  for (const p of el.cssParts) {
    argTypes[`part:${p.name}`] = {
      name: p.name,
      description: p.description,
      control: false,
      table: { category: 'css shadow parts', type: { summary: `::part(${p.name})` } },
    };
  }
  return argTypes;
}

function valueSummary(value: string | undefined, documented?: string) {
  const text = defaultText(value ?? null) ?? defaultText(documented ?? null);
  return text === null ? undefined : { summary: text };
}

/** Every event the manifest's elements fire, for the Actions panel. */
export const eventNames = (manifest: Manifest): string[] => [...new Set(elementsOf(manifest).flatMap((el) => el.events.map((e) => e.name)))];

const applied = new WeakMap<HTMLElement, Set<string>>();

/** Applies the attributes, custom properties, property-only args and slot texts of `args` to `el`. */
function applyArgs(el: HTMLElement, api: ElementApi, args: Record<string, unknown>): void {
  const previous = applied.get(el) ?? new Set<string>();
  const now = new Set<string>();
  for (const c of api.cssProperties) {
    const value = args[c.name];
    if (typeof value === 'string' && value !== '') {
      el.style.setProperty(c.name, value);
      now.add(c.name);
    } else if (previous.has(c.name)) el.style.removeProperty(c.name);
  }
  const props = el as unknown as Record<string, unknown>;
  // Attributes too, so a control works even when the story's render does not know the attribute
  // (one added since the story was written): through the property when there is one.
  for (const a of api.attributes) {
    const value = args[a.name];
    const key = `attr:${a.name}`;
    if (value !== undefined && value !== null && value !== '') {
      if (a.fieldName) props[a.fieldName] = value;
      else if (typeof value === 'boolean') el.toggleAttribute(a.name, value);
      else el.setAttribute(a.name, String(value));
      now.add(key);
    } else if (previous.has(key)) el.removeAttribute(a.name);
  }
  for (const p of api.properties) {
    if (p.attribute || !(p.name in args) || args[p.name] === undefined) continue;
    props[p.name] = args[p.name];
  }
  for (const s of api.slots) {
    const name = s.name || '(default)';
    const selector = `:scope > [data-story-slot="${name}"]`;
    el.querySelector(selector)?.remove();
    const text = args[`slot:${name}`];
    if (typeof text === 'string' && text !== '') {
      const span = document.createElement('span');
      span.dataset.storySlot = name;
      if (s.name) span.slot = s.name;
      span.textContent = text;
      el.append(span);
    }
  }
  applied.set(el, now);
}

/** The decorator that applies what the story's own render does not (see the top of this file). */
export function withManifestArgs(manifest: Manifest): Decorator {
  return (story, context) => {
    const tag = typeof context.component === 'string' ? context.component : undefined;
    const api = tag ? elementOf(manifest, tag) : undefined;
    useEffect(() => {
      if (!api || !tag) return;
      const el = context.canvasElement?.querySelector<HTMLElement>(tag);
      if (el) applyArgs(el, api, context.args);
    });
    return story();
  };
}
