/**
 * How many keys the objects (and arrays) of `after` hold that are not shared with `before`: what an immutable update
 * copied or made. An update that copies one path of a tree counts that path; one that copies a list or a map that
 * grows with the data counts all of it. Values are compared by identity, so shared sub-objects count nothing.
 */
export function keysCopied(before: unknown, after: unknown): number {
  let keys = 0;
  const walk = (node: unknown, old: unknown): void => {
    if (typeof node !== 'object' || node === null || node === old) return;
    for (const key of Object.keys(node)) {
      keys++;
      walk((node as Record<string, unknown>)[key], typeof old === 'object' && old !== null && Object.hasOwn(old, key) ? (old as Record<string, unknown>)[key] : undefined);
    }
  };
  walk(after, before);
  return keys;
}
