/**
 * Defines `<kre-user-sessions>` (CONTRACT 1): `import 'kre-license-reports/kre-user-sessions.js'`.
 * Importing it twice, or beside the full package, never throws.
 */
import { defineElement } from './shared/define.js';
import { KreUserSessions } from './sessions-table/kre-user-sessions.js';

defineElement('kre-user-sessions', KreUserSessions);

export { KreUserSessions };

declare global {
  interface HTMLElementTagNameMap {
    'kre-user-sessions': KreUserSessions;
  }
}
