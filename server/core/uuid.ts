// Name-based UUIDs (RFC 9562 version 5): the same name always gives the same UUID, so an export's
// identifiers survive re-exports and reach other systems stable.
import { createHash } from 'node:crypto';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** The version 5 UUID of `name` in `namespace` (itself a UUID). */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`not a UUID: ${namespace}`);
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hex(hash);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** RFC 9562's namespace for URLs. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
