// A Map that reads its values a group at a time, on first use. `show LI4` needs three of the
// 410 built-in points; parsing all of them (and collecting the garbage) was a fifth of its
// start-up. Reads by key load one group; anything that walks or changes the whole map loads
// every group first, in canonical order, so from the outside it is an ordinary Map.

/** Which group holds each key, keys in canonical order; `load(group)` returns that group's values. */
export interface LazySource<V> {
  owner: Record<string, string>;
  load(group: string): V[];
}

/** A Map<string, V> filled from a LazySource as keys are asked for. */
export class LazyMap<V extends { id: string }> extends Map<string, V> {
  readonly #source: LazySource<V>;
  /** Key → group, for keys whose group is not loaded yet. */
  readonly #pending: Map<string, string>;

  constructor(source: LazySource<V>, pending?: Map<string, string>) {
    super();
    this.#source = source;
    // Built by native code from the parsed JSON: a loop here would run cold, in the interpreter.
    this.#pending = pending ?? new Map(Object.entries(source.owner));
  }

  /** Load the group holding `id`, if it is still pending. */
  #loadFor(id: string): void {
    const group = this.#pending.get(id);
    if (group === undefined) return;
    for (const v of this.#source.load(group)) {
      if (this.#pending.get(v.id) === group) {
        this.#pending.delete(v.id);
        super.set(v.id, v);
      }
    }
  }

  /** Load every pending group and put all entries in canonical order (then any added later). */
  #loadAll(): void {
    if (this.#pending.size === 0) return;
    for (const id of [...this.#pending.keys()]) this.#loadFor(id);
    const loaded = new Map(super.entries());
    super.clear();
    for (const id of Object.keys(this.#source.owner)) {
      const v = loaded.get(id);
      if (v !== undefined) super.set(id, v), loaded.delete(id);
    }
    for (const [id, v] of loaded) super.set(id, v);
  }

  /** A copy that shares the loaded values and stays lazy for the rest. */
  clone(): LazyMap<V> {
    const copy = new LazyMap(this.#source, new Map(this.#pending));
    for (const [k, v] of super.entries()) copy.#setLoaded(k, v);
    return copy;
  }

  /** Map's own set, for clone: the public set() would load everything first. */
  #setLoaded(k: string, v: V): void {
    super.set(k, v);
  }

  override get(id: string): V | undefined {
    this.#loadFor(id);
    return super.get(id);
  }

  override has(id: string): boolean {
    return this.#pending.has(id) || super.has(id);
  }

  override set(id: string, value: V): this {
    this.#loadAll();
    return super.set(id, value);
  }

  override delete(id: string): boolean {
    this.#loadAll();
    return super.delete(id);
  }

  override clear(): void {
    this.#pending.clear();
    super.clear();
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
