/**
 * Sets custom properties on an element through the CSSOM (`style.setProperty`), on the first
 * render too. Lit's `styleMap` writes its first value as a `style` attribute, which a strict
 * Content-Security-Policy (`style-src` without 'unsafe-inline') blocks and reports; the CSSOM is
 * allowed. Renders nothing on a server (the client sets the properties when it takes over).
 */
import { noChange, type ElementPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

class CssPropertiesDirective extends Directive {
  private previous: Record<string, string> = {};

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('cssProperties() belongs on an element: <table ${cssProperties(...)}>');
  }

  render(_properties: Record<string, string>) {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [Record<string, string>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of Object.keys(this.previous)) if (!(name in properties)) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) if (this.previous[name] !== value) style.setProperty(name, value);
    this.previous = { ...properties };
    return noChange;
  }
}

export const cssProperties = directive(CssPropertiesDirective);
