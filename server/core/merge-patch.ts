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
