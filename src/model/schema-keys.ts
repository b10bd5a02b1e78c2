import type { ZodType } from 'zod';

type Def = { type: string; shape?: Record<string, ZodType>; element?: ZodType; innerType?: ZodType; in?: ZodType; options?: ZodType[]; schema?: ZodType };
const defOf = (s: ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The keys an object schema accepts at `path`, walking through arrays, defaults and transforms.
 * Used to say "did you mean" for an unknown key without keeping a second list of field names.
 */
export function schemaKeysAt(schema: ZodType, path: readonly PropertyKey[]): string[] {
  let s: ZodType | undefined = schema;
  let i = 0;
  for (let guard = 0; s && guard < 100; guard++) {
    const def = defOf(s);
    if (def.type === 'object') {
      if (i === path.length) return Object.keys(def.shape ?? {});
      s = def.shape?.[String(path[i++])];
    } else if (def.type === 'array') {
      if (i === path.length) return [];
      i++;
      s = def.element;
    } else if (def.innerType) s = def.innerType;
    else if (def.in) s = def.in;
    else if (def.schema) s = def.schema;
    else return [];
  }
  return [];
}
