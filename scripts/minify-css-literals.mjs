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
