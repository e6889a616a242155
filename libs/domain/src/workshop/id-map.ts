/**
 * An immutable map from id to value, stored as plain JSON objects so that aggregate state can be cached.
 *
 * Why not one `{ [id]: value }` object copied with a spread on every event: copying an object with
 * thousands of keys is O(n) and slow in V8 (such objects fall into dictionary mode); folding 10,000
 * registrations that way took ~13 s. Here ids are spread by a hash over a two-level tree of small objects (64 × 64
 * leaves), and an update copies one path: two nodes of at most 64 keys and a leaf of n / 4,096 ids (one or two at
 * 10,000 registrations). So a registration costs the same in a workshop of 10 as of 10,000 (issue 17).
 *
 * Shape: `{ "<a>": { "<b>": { "<id>": value } } }`, nodes created on first use.
 */
export type IdMap<V> = Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, V>>>>>>;

const FANOUT = 64;

/** FNV-1a over UTF-16 code units: deterministic, pure and cheap; the path is all it decides. */
function pathOf(id: string): [string, string] {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  const h = hash >>> 0;
  return [String(h % FANOUT), String(Math.floor(h / FANOUT) % FANOUT)];
}

export const emptyIdMap = <V>(): IdMap<V> => ({});

const child = <T>(node: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(node, key) ? node[key] : undefined);

// Object.hasOwn everywhere: an id such as "__proto__" or "constructor" must not read Object.prototype.
export function idMapGet<V>(map: IdMap<V>, id: string): V | undefined {
  const [a, b] = pathOf(id);
  const middle = child(map, a);
  const leaf = middle && child(middle, b);
  return leaf && child(leaf, id);
}

export const idMapHas = <V>(map: IdMap<V>, id: string): boolean => idMapGet(map, id) !== undefined;

export function idMapSet<V>(map: IdMap<V>, id: string, value: V): IdMap<V> {
  const [a, b] = pathOf(id);
  const middle = child(map, a) ?? {};
  const leaf = child(middle, b) ?? {};
  // Computed keys define own properties, so even "__proto__" is stored as data.
  return { ...map, [a]: { ...middle, [b]: { ...leaf, [id]: value } } };
}

export function idMapDelete<V>(map: IdMap<V>, id: string): IdMap<V> {
  const [a, b] = pathOf(id);
  const middle = child(map, a);
  const leaf = middle && child(middle, b);
  if (!leaf || !Object.hasOwn(leaf, id)) return map;
  const { [id]: _removed, ...rest } = leaf;
  return { ...map, [a]: { ...middle, [b]: rest } };
}

/** Number of entries; O(shards + n), meant for tests and diagnostics, not for evolve. */
export function idMapSize<V>(map: IdMap<V>): number {
  let size = 0;
  for (const middle of Object.values(map)) for (const leaf of Object.values(middle)) size += Object.keys(leaf).length;
  return size;
}
