/**
 * Styles of the shared filter controls (multi-select, date range) and the toolbar they sit in.
 */
import { css } from 'lit';

export const filterStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--kre-toolbar-gap, 8px 12px);
    margin-block-end: var(--_spacing-small);
  }
  .field,
  .ms {
    display: inline-flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
    position: relative;
  }
  .field-label,
  .ms-label {
    font-size: 0.857em;
    color: var(--_text-muted);
  }
  .field select,
  .field input {
    min-height: 32px;
    padding: 4px 8px;
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    color: var(--_text);
    color-scheme: var(--kre-color-scheme, light);
    max-width: 100%;
  }
  .date-range {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  .field input[aria-invalid='true'] {
    border-color: var(--kre-color-danger, #c62828);
    box-shadow: inset 0 0 0 1px var(--kre-color-danger, #c62828);
  }
  .field-error {
    flex: 1 0 100%;
    margin: 0;
    font-size: 0.857em;
    color: var(--kre-color-danger-text, #8a1c1c);
  }
  .field-error[hidden] {
    display: none;
  }
  .ms-button {
    justify-content: space-between;
    min-width: 12em;
    max-width: 22em;
  }
  .ms-value {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .ms-panel {
    position: absolute;
    z-index: 10;
    inset-block-start: 100%;
    inset-inline-start: 0;
    margin-block-start: 4px;
    width: max-content;
    min-width: 100%;
    max-width: min(22rem, calc(100vw - 32px));
    max-height: 20rem;
    overflow: auto;
    padding: 8px;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    box-shadow: var(--kre-shadow, 0 6px 24px rgb(15 23 42 / 0.16));
  }
  .ms-search {
    width: 100%;
    min-height: 32px;
    margin-block-end: 6px;
    padding: 4px 8px;
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius-small);
    background: var(--_surface);
  }
  .ms-all {
    display: block;
    width: 100%;
    text-align: start;
    padding: 4px 6px;
    border: 0;
    border-radius: 4px;
    background: none;
    color: var(--kre-color-link, var(--_accent));
  }
  .ms-all[disabled] {
    color: var(--_text-muted);
    cursor: default;
  }
  .ms-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .ms-list li {
    padding-inline-start: calc(var(--depth, 0) * 16px);
  }
  .ms-option {
    display: flex;
    gap: 8px;
    align-items: center;
    padding: 4px 6px;
    border-radius: 4px;
    cursor: pointer;
  }
  .ms-option:hover {
    background: var(--_surface-muted);
  }
  .ms-text {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    unicode-bidi: plaintext;
  }
  .ms-empty {
    padding: 6px;
    color: var(--_text-muted);
  }
  @media (forced-colors: active) {
    .ms-panel {
      border-color: CanvasText;
    }
  }
`;
