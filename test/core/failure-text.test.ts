/**
 * What an element says when an export or its on-demand code fails: the error's message inside the
 * sentence, its own closing full stop dropped (a browser's "Importing a module script failed."
 * must not end the sentence with two).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detailOf, failedText } from '../../src/shared/download.js';

describe('failedText', () => {
  it('puts the message inside the sentence with one full stop', () => {
    assert.equal(failedText('onDemandFailed', new TypeError('Importing a module script failed.')), 'This part of the report could not be loaded: Importing a module script failed.');
    assert.equal(
      failedText('onDemandFailed', new TypeError('Failed to fetch dynamically imported module: https://example.com/kre-license-reports.on-demand.js')),
      'This part of the report could not be loaded: Failed to fetch dynamically imported module: https://example.com/kre-license-reports.on-demand.js.',
    );
    assert.equal(failedText('exportFailed', new DOMException('The quota was exceeded. ', 'QuotaExceededError')), 'The export stopped: The quota was exceeded. No file was saved.');
    assert.equal(detailOf('plain text...'), 'plain text');
  });
});
