// JSON merge patch as RFC 7396 has it (its appendix A examples), for documents with nested objects.
import { describe, expect, it } from 'vitest';
import { mergePatchDeep } from '../../../../server/core/merge-patch.ts';

describe('a deep JSON merge patch', () => {
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'foo' }, null, null],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('merges %j with %j into %j', (target, patch, result) => {
    expect(mergePatchDeep(target, patch)).toEqual(result);
  });

  it('keeps a "__proto__" member as data, not as the prototype', () => {
    const out = mergePatchDeep({}, JSON.parse('{"__proto__": {"admin": true}}')) as Record<string, unknown>;
    expect([Object.getPrototypeOf(out), (out as { admin?: boolean }).admin, Object.keys(out)]).toEqual([
      Object.prototype,
      undefined,
      ['__proto__'],
    ]);
  });
});
