// The server's settings from its environment: DATABASE_POOL_SIZE (connections per process).
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../server/config.ts';

describe('DATABASE_POOL_SIZE', () => {
  it('is left to the default (one connection per core, at least two) when unset', () => {
    expect(readConfig({}).databasePoolSize).toBeUndefined();
  });

  it('sets the connections per process', () => {
    expect(readConfig({ DATABASE_POOL_SIZE: '3' }).databasePoolSize).toBe(3);
  });

  it('refuses what is not a number of connections, naming the variable', () => {
    for (const bad of ['0', 'two', '2.5', '-1', '1001'])
      expect(() => readConfig({ DATABASE_POOL_SIZE: bad })).toThrow(
        `DATABASE_POOL_SIZE must be a number of connections (1 to 1000), not "${bad}"`,
      );
  });
});
