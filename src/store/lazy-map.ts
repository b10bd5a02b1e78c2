// A Map that reads its values a group at a time, on first use. `show LI4` needs three of the
// 410 built-in points; parsing all of them (and collecting the garbage) was a fifth of its
// start-up. Reads by key load one group; anything that walks the whole map loads every group
// first, in canonical order, so from the outside it is an ordinary Map. A change (set, delete)
// loads nothing: a user's one routine merged in cost `list` the whole routines.json (BENCHMARKS.md,
// session 12). The changes are kept apart, so what was derived from the source (the snapshot's
// routine heads, its names of every point) can be brought up to date without a read (overlay).

/** Which group holds each key, and every key in canonical order; `load(group)` returns that group's values. */
export interface LazySource<V> {
  /** The group holding `id`; undefined when the source has no such key. */
  groupOf(id: string): string | undefined;
  /** Every key the source has, in canonical order. */
  keys(): string[];
  load(group: string): V[];
  /** Called before the map first changes (set, delete, clear): what was derived from the source may no longer hold. */
  onChange?: () => void;
}

/** A Map<string, V> filled from a LazySource as keys are asked for. */
export class LazyMap<V extends { id: string }> extends Map<string, V> {
  #source: LazySource<V>;
  /**
   * Groups already read. A key is pending while its group is not: the source's own record says
   * where it is, so no copy of the 410-key index is made (that copy was 80 KB of the young
   * generation at every start, BENCHMARKS.md). A key set or deleted while pending is in
   * #changes, and its group's record never replaces what was set (nor brings back what was deleted).
   */
  readonly #loaded = new Set<string>();
  /** Set once every group is read, or by clear(): nothing is pending any more. */
  #allRead = false;
  /**
   * Every key set or deleted (undefined), in the order the map holds them after the source's keys:
   * a key deleted is moved to the end, as a Map puts it when set again. (A key of the source keeps
   * its canonical place, even deleted and set again, as #loadAll and overlay put it.)
   */
  readonly #changes = new Map<string, V | undefined>();
  /** Set by clear(): nothing of the source is left, so overlay has nothing to add to. */
  #cleared = false;

  constructor(source: LazySource<V>) {
    super();
    this.#source = source;
  }

  /** The group of a key that is still pending, or undefined. */
  #pending(id: string): string | undefined {
    if (this.#allRead) return undefined;
    const group = this.#source.groupOf(id);
    return group === undefined || this.#loaded.has(group) ? undefined : group;
  }

  /** Load the group holding `id`, if it is still pending. A group whose read throws stays pending. */
  #loadFor(id: string): void {
    const group = this.#pending(id);
    if (group === undefined) return;
    const values = this.#source.load(group);
    this.#loaded.add(group);
    for (const v of values) if (this.#source.groupOf(v.id) === group && !this.#changes.has(v.id)) super.set(v.id, v);
  }

  /** Load every pending group and put all entries in canonical order (then any added later). */
  #loadAll(): void {
    if (this.#allRead) return;
    const ids = this.#source.keys();
    for (const id of ids) this.#loadFor(id);
    this.#allRead = true;
    const loaded = new Map(super.entries());
    super.clear();
    for (const id of ids) {
      const v = loaded.get(id);
      if (v !== undefined) super.set(id, v), loaded.delete(id);
    }
    for (const [id, v] of loaded) super.set(id, v);
  }

  override get(id: string): V | undefined {
    if (!this.#changes.has(id)) this.#loadFor(id);
    return super.get(id);
  }

  override has(id: string): boolean {
    return super.has(id) || (!this.#changes.has(id) && this.#pending(id) !== undefined);
  }

  /** Tell the source, once, that the map no longer holds just what it gave. */
  #changing(): void {
    const f = this.#source.onChange;
    if (f) this.#source = { ...this.#source, onChange: undefined }, f();
  }

  override set(id: string, value: V): this {
    this.#changing();
    this.#changes.set(id, value);
    return super.set(id, value);
  }

  override delete(id: string): boolean {
    this.#changing();
    const had = this.has(id);
    this.#changes.delete(id);
    this.#changes.set(id, undefined);
    return super.delete(id) || had;
  }

  override clear(): void {
    this.#changing();
    this.#allRead = true;
    this.#cleared = true;
    this.#changes.clear();
    super.clear();
  }

  /**
   * The values set for keys the source does not have, in the map's order; undefined once a key
   * of the source was set or deleted, or the map cleared (what was derived from the source then
   * no longer holds).
   */
  added(): V[] | undefined {
    if (this.#cleared) return undefined;
    const out: V[] = [];
    for (const [id, v] of this.#changes) {
      if (this.#source.groupOf(id) !== undefined) return undefined;
      if (v !== undefined) out.push(v);
    }
    return out;
  }

  /**
   * `base`, records of the source's keys in canonical order (or anything keyed alike: a routine's
   * head, a point's names), as the map holds them now, without reading a group: a key set since
   * has its new value in its place, a key deleted is left out, and keys the source does not have
   * follow, in the map's order. `base` itself while nothing changed; undefined after clear().
   */
  overlay<B extends { id: string }>(base: readonly B[]): ReadonlyArray<B | V> | undefined {
    if (this.#cleared) return undefined;
    if (this.#changes.size === 0) return base;
    const out: Array<B | V> = [];
    const own = new Set<string>();
    for (const b of base) {
      own.add(b.id);
      const v = this.#changes.has(b.id) ? this.#changes.get(b.id) : b;
      if (v !== undefined) out.push(v);
    }
    for (const [id, v] of this.#changes) if (v !== undefined && !own.has(id)) out.push(v);
    return out;
  }

  override get size(): number {
    this.#loadAll();
    return super.size;
  }

  override keys(): MapIterator<string> {
    this.#loadAll();
    return super.keys();
  }

  override values(): MapIterator<V> {
    this.#loadAll();
    return super.values();
  }

  override entries(): MapIterator<[string, V]> {
    this.#loadAll();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    this.#loadAll();
    super.forEach(fn, thisArg);
  }
}

/** A LazySource's keys from a plain record of key → group, in the record's order. */
export function ownedBy(owner: Record<string, string>): Pick<LazySource<never>, 'groupOf' | 'keys'> {
  return { groupOf: (id) => (Object.hasOwn(owner, id) ? owner[id] : undefined), keys: () => Object.keys(owner) };
}

/**
 * A LazySource's keys from lines of text, one per group: the group's name, then its keys, all
 * separated by single spaces ("LI-1 LI1 LI2 … LI8"), groups and keys in canonical order. JSON.parse
 * builds an object of 59 groups in about 0.2 ms of a cold start, and one string in a fortieth of
 * that. The first few keys are found by searching the text (`show LI4` asks for a handful);
 * after that, or once every key is asked for, a Map of them all answers (a walk of every point
 * asks 1,200 times). A key listed twice belongs to its first group.
 */
export function groupedKeys(text: string): Pick<LazySource<never>, 'groupOf' | 'keys'> {
  // Every name with a space on each side: " LI4 " is found whole, never inside " LI40 ".
  const padded = ` ${text.replaceAll('\n', ' \n ')} `;
  let scans = 0;
  let index: Map<string, string> | undefined;
  const all = () => {
    if (!index) {
      index = new Map();
      for (const line of text.split('\n')) {
        const [group, ...keys] = line.split(' ');
        for (const k of keys) if (!index.has(k)) index.set(k, group!);
      }
    }
    return index;
  };
  return {
    groupOf: (id) => {
      if (index || ++scans > 16) return all().get(id);
      if (id === '' || id.includes(' ') || id.includes('\n')) return undefined;
      for (let at = padded.indexOf(` ${id} `); at >= 0; at = padded.indexOf(` ${id} `, at + 1)) {
        // The line's first name is its group's, not a key.
        const start = padded.lastIndexOf('\n', at) + 1;
        if (at > start) return padded.slice(start + 1, padded.indexOf(' ', start + 1));
      }
      return undefined;
    },
    keys: () => [...all().keys()],
  };
}
