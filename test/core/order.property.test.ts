/**
 * `orderTexts` (core's index sort of texts, the session-id order every sort breaks ties with)
 * against a plain sort by `compareCodePoints`, on random texts that share prefixes and mix ASCII,
 * NUL, DEL, other BMP characters on both sides of the surrogates, and characters above U+FFFF.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { orderTexts } from '../../src/core/order.js';
import { compareCodePoints } from '../../src/core/text-order.js';

const CHARS = ['a', 'b', 'z', '0', '9', '-', ' ', '\u0000', '\u007f', '\u0080', 'é', '\ue000', '\uffff', '😀', '𝔸'];

const byComparator = (texts: string[]) => texts.slice().sort(compareCodePoints);

function checkOrder(texts: string[]): void {
  const order = orderTexts(texts);
  assert.deepEqual([...order].sort((a, b) => a - b), texts.map((_, i) => i), 'a permutation of the indexes');
  assert.deepEqual([...order].map((i) => texts[i]), byComparator(texts));
}

describe('orderTexts', () => {
  it('orders any texts as compareCodePoints does (property)', () => {
    const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((cs) => cs.join(''));
    const prefix = fc.array(fc.constantFrom(...CHARS), { maxLength: 6 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(prefix, fc.array(text, { maxLength: 60 }), (p, list) => checkOrder(list.map((t) => p + t))),
      { numRuns: 500 },
    );
  });

  it('orders ids like the generator\'s, with long shared prefixes, at a size where keys hold several characters', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `session-${((i * 2654435761) >>> 0).toString(16).padStart(8, '0')}${i % 7 === 0 ? '-x' : ''}`);
    checkOrder(ids);
    // Texts alike in every character a key holds: the comparator decides.
    checkOrder(Array.from({ length: 3000 }, (_, i) => `${'a'.repeat(12)}${String(3000 - i)}`));
  });

  it('orders texts over the whole ASCII range, where a key holds fewer characters (property)', () => {
    // Up to 129 digits: 6 or 7 characters beside the index, the bound computed, not the cap of 8.
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary-ascii', maxLength: 10 }), { minLength: 2, maxLength: 300 }), checkOrder),
      { numRuns: 300 },
    );
    // Every ASCII code in the first characters, two texts: 7 characters a key.
    const all = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).join('');
    checkOrder([all.slice(64) + all.slice(0, 64), all, all.slice(1), `${all.slice(0, 7)}\u0080`]);
  });

  it('handles none, one, and equal texts', () => {
    assert.deepEqual([...orderTexts([])], []);
    assert.deepEqual([...orderTexts(['x'])], [0]);
    checkOrder(['b', 'a', 'b', '', 'a', '']);
  });
});
