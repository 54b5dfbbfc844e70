import { describe, expect, it } from 'vitest';
import { programmeFromItems } from '../../../../shared/domain/from-items.ts';
import { readSummitFile, writeSummitFile } from '../../../../shared/domain/summit-file.ts';
import { demoSummitFile } from '../../../factories/summit-file.ts';

describe('programmeFromItems', () => {
  it('reads back, without tz data, exactly the programme the server wrote', () => {
    const read = readSummitFile(demoSummitFile());
    if (!read.ok) throw new Error('invalid demo');
    expect(programmeFromItems(writeSummitFile(read.value))).toEqual(read.value);
  });
});
