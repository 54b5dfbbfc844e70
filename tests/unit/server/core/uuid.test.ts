import { describe, expect, it } from 'vitest';
import { URL_NAMESPACE, uuidV5 } from '../../../../server/core/uuid.ts';

describe('uuidV5', () => {
  it('gives the published version 5 UUIDs (Python’s uuid.uuid5 agrees)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
    expect(uuidV5(URL_NAMESPACE, 'http://example.com/')).toBe('0a300ee9-f9e4-5697-a51a-efc7fafaba67');
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('not-a-uuid', 'x')).toThrow('not a UUID: not-a-uuid');
  });
});
