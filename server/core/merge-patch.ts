// JSON merge patch (RFC 7396) on an item's top-level fields, as PATCH routes take it: a field set
// to null is removed, any other value replaces the field. Nested objects are replaced whole, which
// is what every item of the summit file needs (participants, equipment are lists).
export function mergePatch(
  current: Readonly<Record<string, unknown>>,
  patch: Readonly<Record<string, unknown>>,
) {
  const out: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * JSON merge patch exactly as RFC 7396 has it: objects are merged member by member at every depth
 * (null removes a member), anything else, lists included, replaces what was there. For documents
 * with nested objects (a proposal's requirements, its moderator). Members are defined, not
 * assigned, so that a "__proto__" member is data rather than a prototype.
 */
export function mergePatchDeep(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = {};
  const define = (k: string, v: unknown) =>
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  if (isObject(target)) for (const [k, v] of Object.entries(target)) define(k, v);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else define(k, mergePatchDeep(Object.hasOwn(out, k) ? out[k] : undefined, v));
  }
  return out;
}
