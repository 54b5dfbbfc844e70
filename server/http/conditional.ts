// Conditional GET (RFC 9110 §13.1.2): If-None-Match compared weakly with the answer's ETag.

/** Whether an If-None-Match header names this ETag (or is "*"): the client's copy is current. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}
