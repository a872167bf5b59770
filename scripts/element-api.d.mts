/** See element-api.mjs: the public API of each element, read off custom-elements.json. */

/** What a type text says about its values. */
export interface TypeFacts {
  /** `string`, `number` or `boolean`; null for any other type. */
  base: 'string' | 'number' | 'boolean' | null;
  /** Literal type texts (`"day"`, `25`) of an enumerated one, else null. */
  values: string[] | null;
  /** Where `values` came from. */
  source: 'type' | 'jsdoc' | null;
  /** The value the JSDoc marks `(default)`, when `values` came from it. */
  documentedDefault?: string;
  nullable: boolean;
}

export interface AttributeApi extends TypeFacts {
  name: string;
  fieldName: string | null;
  type: string;
  description: string;
  default?: string;
}

export interface PropertyApi extends TypeFacts {
  name: string;
  attribute: string | null;
  type: string;
  description: string;
  default?: string;
}

export interface ElementApi {
  tagName: string;
  className: string;
  module: string;
  summary: string;
  description: string;
  attributes: AttributeApi[];
  properties: PropertyApi[];
  events: { name: string; type: string | null; description: string }[];
  slots: { name: string; description: string }[];
  cssParts: { name: string; description: string }[];
  cssProperties: CssPropertyApi[];
}

export interface CssPropertyApi {
  name: string;
  default?: string;
  syntax?: string;
  description: string;
}

/** A custom elements manifest (only what is read here). */
export interface Manifest {
  modules?: readonly unknown[];
}

export function unionMembers(text: string): string[];
export function documentedValues(description: string | undefined, base: 'string' | 'number'): { values: string[]; default?: string } | null;
export function describeType(text: string | undefined, description?: string): TypeFacts;
export function defaultText(text: string | null | undefined): string | null;
export function elementsOf(manifest: Manifest): ElementApi[];
export function elementOf(manifest: Manifest, tagName: string): ElementApi | undefined;
export function isColorProperty(property: { name: string; default?: string; syntax?: string }): boolean;
