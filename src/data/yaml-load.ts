// YAML → zod with positioned errors: every problem names file:line:col and a field path.
import { LineCounter, isMap, isScalar, parseDocument, type Document } from 'yaml';
import type { ZodType, core } from 'zod';
import { orList, suggest } from '../util/text.js';
import { schemaKeysAt } from './schema-keys.js';
import { displayPath, readTextFile } from './source-file.js';
import { formatPath, problemsError, type Problem } from './problem.js';

export { formatPath, formatProblem, problemsError, type Problem } from './problem.js';


/** The result of checking one file: the parsed value, or every problem found. */
export type Checked<T> =
  | { ok: true; value: T; locate: (path: PropertyKey[]) => { line: number; col: number } }
  | { ok: false; problems: Problem[] };

// Alias bombs expand exponentially; the yaml package refuses past this many alias uses.
const MAX_ALIASES = 100;

/** Parse YAML text and validate it, collecting every problem rather than stopping at the first. */
export function checkYamlText<T>(text: string, file: string, schema: ZodType<T>): Checked<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number) => lineCounter.linePos(offset);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({ file, ...at(e.pos[0]), path: '', message: yamlMessage(e.code, e.message, text.slice(e.pos[0], e.pos[0] + 200)) })),
    };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    return { ok: false, problems: [{ file, line: 1, col: 1, path: '', message: `cannot be read: ${(e as Error).message}` }] };
  }
  if (raw === null || raw === undefined) {
    return { ok: false, problems: [{ file, line: 1, col: 1, path: '', message: 'file is empty, expected a YAML mapping' }] };
  }
  const locate = (path: PropertyKey[]) => locateNode(doc, path, at);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data, locate };
  const locator: Locator = { node: locate, key: (parent, key) => locateKey(doc, parent, key, at) ?? locate(parent) };
  const problems = result.error.issues.flatMap((issue) => describeIssue(issue, raw, schema, file, locator));
  // Report in reading order, as an editor would list them.
  problems.sort((x, y) => x.line - y.line || x.col - y.col);
  return { ok: false, problems };
}

/** Read and check a YAML file; `shown` is the path as printed in messages. */
export function checkYamlFile<T>(path: string, schema: ZodType<T>, shown: string = displayPath(path)): Checked<T> {
  return checkYamlText(readTextFile(path, shown), shown, schema);
}

/** Read and validate a YAML file, throwing a UserError that names the first problem (and how many more). */
export function loadYamlFile<T>(path: string, schema: ZodType<T>, shown?: string): T {
  const r = checkYamlFile(path, schema, shown);
  if (r.ok) return r.value;
  throw problemsError(r.problems);
}

function yamlMessage(code: string, message: string, source: string): string {
  if (code === 'DUPLICATE_KEY') {
    const key = /^\s*([^:\n]+?)\s*:/.exec(source)?.[1];
    return key ? `duplicate key "${key}" in the same mapping` : 'duplicate key in the same mapping';
  }
  if (code === 'TAB_AS_INDENT') return 'tabs are not allowed for indentation in YAML; use spaces';
  // The yaml package puts "at line X, column Y" into some messages; we print our own position.
  return `invalid YAML: ${message.replace(/ at line \d+, column \d+.*$/s, '').trim()}`;
}

function locateNode(doc: Document, path: PropertyKey[], at: (o: number) => { line: number; col: number }) {
  // Walk down as far as the path exists; a missing field is reported at its parent.
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && node.range) return at(node.range[0]);
    if (n === 0 && doc.contents && 'range' in doc.contents && doc.contents.range) return at(doc.contents.range[0]);
  }
  return { line: 1, col: 1 };
}

function locateKey(doc: Document, parent: PropertyKey[], key: string, at: (o: number) => { line: number; col: number }) {
  const map = parent.length ? doc.getIn(parent, true) : doc.contents;
  if (isMap(map)) {
    for (const pair of map.items) {
      if (isScalar(pair.key) && pair.key.value === key && pair.key.range) return at(pair.key.range[0]);
    }
  }
  return null;
}

type Pos = { line: number; col: number };
type Locator = { node: (path: PropertyKey[]) => Pos; key: (parent: PropertyKey[], key: string) => Pos };

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** Describe a YAML value the way a user thinks of it. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false',
  array: 'a list', object: 'a mapping', record: 'a mapping',
};

function describeIssue(
  issue: core.$ZodIssue,
  raw: unknown,
  schema: ZodType,
  file: string,
  at: Locator,
): Problem[] {
  const locate = at.node;
  const path = issue.path as PropertyKey[];
  const value = valueAt(raw, path);
  const base = { file, path: formatPath(path) };
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = schemaKeysAt(schema, path);
      return issue.keys.map((key) => {
        const near = suggest(key, known, 1);
        const hint = near.length ? `; did you mean "${near[0]}"?` : known.length ? `; expected one of ${orList(known)}` : '';
        const pos = at.key(path, key);
        return { ...base, ...pos, path: formatPath([...path, key]), message: `unknown key "${key}"${hint}` };
      });
    }
    case 'invalid_type': {
      // Schemas that word their own expectation ("expected a whole number of rounds…") keep it.
      const want = issue.message.startsWith('expected ') ? issue.message.slice('expected '.length) : TYPE_WORDS[issue.expected] ?? issue.expected;
      const message = value === undefined ? `missing, expected ${want}` : `expected ${want}, got ${describeValue(value)}`;
      return [{ ...base, ...locate(path), message }];
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => String(v));
      const near = typeof value === 'string' ? suggest(value, options, 1) : [];
      const hint = near.length ? `; did you mean "${near[0]}"?` : '';
      const message = value === undefined
        ? `missing, expected one of ${orList(options)}`
        : `expected one of ${orList(options)}, got ${describeValue(value)}${hint}`;
      return [{ ...base, ...locate(path), message }];
    }
    default: {
      // Our schemas word their own messages ("expected a duration like 45s"); add what was found when useful.
      let message = issue.message;
      if (value !== undefined && !/, got /.test(message) && issue.code !== 'custom' && issue.code !== 'too_small') {
        message += `, got ${describeValue(value)}`;
      }
      if (value === undefined && issue.code !== 'custom') message = `missing, ${message}`;
      return [{ ...base, ...locate(path), message }];
    }
  }
}

