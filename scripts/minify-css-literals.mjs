// A rollup plugin for the bundle: minifies the CSS inside Lit's css`...` literals with
// lightningcss (terser leaves template strings alone). Only literals without `${}` and without
// backslashes are touched, so the text goes in and comes out as plain CSS; anything lightningcss
// cannot parse is kept as written (and named in a warning).
import { transform } from 'lightningcss';
import MagicString from 'magic-string';

const LITERAL = /\bcss ?`((?:[^`\\$]|\$(?!\{))*)`/g;

/** @returns {import('rollup').Plugin} */
export function minifyCssLiterals() {
  return {
    name: 'minify-css-literals',
    transform(code, id) {
      if (!/\.[cm]?[jt]s$/.test(id) || !/\bcss ?`/.test(code)) return null;
      const out = new MagicString(code);
      for (const match of code.matchAll(LITERAL)) {
        try {
          const { code: min } = transform({ filename: `${id}.css`, code: Buffer.from(match[1]), minify: true });
          const text = min.toString().replace(/[`\\]|\$\{/g, (c) => `\\${c}`);
          out.overwrite(match.index, match.index + match[0].length, `css\`${text}\``);
        } catch (error) {
          this.warn(`CSS in ${id} left as written: ${error.message}`);
        }
      }
      return out.hasChanged() ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
    },
  };
}

/**
 * A rollup plugin for the bundle: in Lit's html`...` and svg`...` templates of our sources, every
 * run of whitespace that holds a line break becomes one space (what HTML makes of it anyway; no
 * template writes a <pre> or a white-space: pre element's text). Terser keeps template text as
 * written, so the indentation of multi-line templates would otherwise ship.
 * @returns {import('rollup').Plugin}
 */
export function collapseTemplateWhitespace() {
  return {
    name: 'collapse-template-whitespace',
    transform(code, id) {
      if (id.includes('node_modules') || !/\.[cm]?[jt]s$/.test(id) || !/\b(html|svg) ?`/.test(code)) return null;

      const out = new MagicString(code);
      const visit = (node) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && (node.tag.name === 'html' || node.tag.name === 'svg')) {
          for (const quasi of node.quasi.quasis) {
            const text = code.slice(quasi.start, quasi.end);
            const collapsed = text.replace(/[ \t]*\n\s*/g, ' ');
            if (collapsed !== text) out.overwrite(quasi.start, quasi.end, collapsed || ' ');
          }
        }
        for (const key of Object.keys(node)) {
          const value = node[key];
          if (Array.isArray(value)) value.forEach(visit);
          else if (value && typeof value === 'object' && key !== 'loc') visit(value);
        }
      };
      visit(this.parse(code));
      return out.hasChanged() ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
    },
  };
}
