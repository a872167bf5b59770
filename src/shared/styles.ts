/**
 * Host styles every report shares. The theme's most used custom properties are read once, with
 * their defaults, into private `--_*` properties on :host (the sheets use those); a `--kre-*` is never
 * declared here, so a host page's value on the element or any ancestor wins.
 */
import { css } from 'lit';

export const reportStyles = css`
  :host {
    --_radius-small: var(--kre-radius-small, 6px);
    --_surface-muted: var(--kre-color-surface-muted, #f3f5f9);
    --_text: var(--kre-color-text, #1d2433);
    --_surface: var(--kre-color-surface, #ffffff);
    --_border: var(--kre-color-border, #d8dde6);
    --_accent: var(--kre-color-accent, #2f6fde);
    --_text-muted: var(--kre-color-text-muted, #5b6578);
    --_spacing-small: var(--kre-spacing-small, 12px);
    --_border-strong: var(--kre-color-border-strong, #9aa4b5);
    display: block;
    box-sizing: border-box;
    min-width: 0;
    max-width: 100%;
    container-type: inline-size;
    font-family: var(--kre-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--kre-font-size, 14px);
    line-height: 1.4;
    color: var(--_text);
    background: var(--_surface);
    border: var(--kre-border-width, 1px) solid var(--_border);
    border-radius: var(--kre-radius, 8px);
    padding: var(--kre-spacing, 16px);
    /* The scheme of the element's own colours: built-in defaults pick their light or dark value
       with light-dark(). A dark theme says so with --kre-color-scheme: dark. */
    color-scheme: var(--kre-color-scheme, light);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--kre-color-focus, var(--_accent));
    outline-offset: 2px;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: center;
    padding: 12px 16px;
    border-radius: var(--_radius-small);
    background: var(--_surface-muted);
    color: var(--_text);
    overflow-wrap: anywhere;
  }
  .status[data-kind='error'] {
    background: var(--kre-color-danger-surface, #fdecec);
    color: var(--kre-color-danger-text, #8a1c1c);
    border-inline-start: 4px solid var(--kre-color-danger, #c62828);
  }
  .status-title {
    font-weight: 600;
  }
  .status-detail {
    flex: 1 0 100%;
    font-size: 0.9em;
  }
  .status-detail code {
    display: block;
    margin-top: 4px;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .slow-note {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
    padding: 8px 12px;
    border-radius: var(--_radius-small);
    background: var(--_surface-muted);
  }
  .attribute-notices ul {
    margin: 0;
    padding: 0 0 0 1.2em;
  }
  .attribute-notices {
    margin: 0 0 var(--_spacing-small);
    padding: 8px 12px;
    border-radius: var(--_radius-small);
    background: var(--kre-color-warning-surface, #fff4e0);
    color: var(--kre-color-warning-text, #5c3700);
    border-inline-start: 4px solid var(--kre-color-warning, #b26a00);
    overflow-wrap: anywhere;
  }
  .attribute-notice + .attribute-notice {
    margin-top: 4px;
  }
  .status-message {
    flex: 1 1 16em;
    margin: 0;
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 32px;
    padding: 4px 12px;
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    color: var(--_text);
  }
  .button:hover {
    background: var(--_surface-muted);
  }
  .button[disabled] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  @media (forced-colors: active) {
    .status[data-kind='error'],
    .attribute-notices {
      border-inline-start-color: CanvasText;
    }
    .button {
      border-color: ButtonText;
    }
  }
`;
