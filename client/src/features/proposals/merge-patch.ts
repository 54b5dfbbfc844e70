// The JSON merge patch (RFC 7396) that turns one saved form into another: what autosave sends.
// A member left out becomes null (removed), objects are compared member by member, anything else
// (a list, a text) is sent whole when it differs. An empty patch means nothing changed.
type Doc = Record<string, unknown>;

const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameJson(a[k], b[k]));
  }
  return false;
}

export function mergePatch(before: Doc, after: Doc): Doc {
  const patch: Doc = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [was, now] = [before[key], after[key]];
    if (now === undefined) {
      if (was !== undefined) patch[key] = null;
    } else if (isObject(was) && isObject(now)) {
      const inner = mergePatch(was, now);
      if (Object.keys(inner).length > 0) patch[key] = inner;
    } else if (!sameJson(was, now)) patch[key] = now;
  }
  return patch;
}
