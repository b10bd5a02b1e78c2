// YAML → zod with positioned errors: every problem names file:line:col and a field path.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import type { ZodType, core } from 'zod';
import { orList, suggest } from '../core/text.js';
import { quote } from '../model/printable.js';
import { CHANNEL_ALIASES } from '../model/channels.js';
import { schemaKeysAt } from '../model/schema-keys.js';
import { tooDeepAt } from './yaml-depth.js';
import { displayPath, MAX_FILE_BYTES, readTextFile } from './source-file.js';
import { formatPath, problemsError, type Problem } from './problem.js';

export { formatPath, formatProblem, problemsError, type Problem } from './problem.js';


/** The result of checking one file: the parsed value, or every problem found. */
export type Checked<T> =
  | { ok: true; value: T; locate: (path: PropertyKey[]) => { line: number; col: number } }
  /** When the YAML parsed but did not validate, `raw` and `locate` let callers check more (references). */
  | { ok: false; problems: Problem[]; raw?: unknown; locate?: (path: PropertyKey[]) => { line: number; col: number } };

// Alias bombs expand exponentially; the yaml package refuses past this many alias uses.
const MAX_ALIASES = 100;
// ...but counts uses, not what they repeat: 99 aliases of one 900 KB text made a routine of
// 89 MB of tips (show took 5.7 s and 530 MB). A file holds at most MAX_FILE_BYTES of text, so a
// value with more than twice that came from aliases repeating it.
const MAX_VALUE_TEXT = 2 * MAX_FILE_BYTES;

/**
 * Whether the text in a parsed value (its strings and keys, each counted where it appears, as
 * an alias repeats it) comes to more than `max` characters. Stops once it does: a value
 * aliased many times over is not walked to its end. A value that holds itself (`&a` on a
 * mapping with `*a` inside it) is endless text: over.
 */
export function textOver(value: unknown, max: number): boolean | 'cycle' {
  let left = max;
  // The lists and mappings being walked: one met again inside itself is a cycle, which would
  // otherwise be walked until the stack overflows (a fuzzed `&a \r\nid: *a` did).
  const open = new Set<object>();
  let cycle = false;
  const walk = (v: unknown): boolean => {
    // Every value counts one at least, so a walk of empty lists repeated by aliases ends too.
    left -= typeof v === 'string' ? Math.max(1, v.length) : 1;
    if (left < 0) return true;
    if (v === null || typeof v !== 'object') return false;
    if (open.has(v)) return (cycle = true);
    open.add(v);
    const over = Array.isArray(v) ? v.some(walk) : Object.entries(v).some(([k, x]) => ((left -= k.length), left < 0) || walk(x));
    open.delete(v);
    return over;
  };
  return walk(value) && (cycle ? 'cycle' : true);
}

// Broken YAML syntax can produce hundreds of near-identical parser errors; a few say it all.
const MAX_PROBLEMS = 20;

/**
 * Text with each lone carriage return (the old Mac line end) made a line feed. YAML counts a lone
 * CR as a line break, but the parser reads it as part of the line, so a whole CR-only file was one
 * line and failed at 1:5 with a misleading message. One character for one: offsets stay true.
 */
export function crLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * How to read a file: `empty` is the value of a file with nothing in it (blank, or only
 * comments), and `onEmpty` is told when it was used; without `empty` such a file is a problem.
 */
export interface YamlOptions {
  empty?: unknown;
  onEmpty?: () => void;
  /** What one file holds, for the error about a second document ("one profile"); default: one routine or one list of points. */
  holds?: string;
}

/** Parse YAML text and validate it, collecting every problem rather than stopping at the first. */
export function checkYamlText<T>(source: string, file: string, schema: ZodType<T>, opts: YamlOptions = {}): Checked<T> {
  const text = crLineEnds(source);
  const lineCounter = new LineCounter();
  const at = (offset: number) => lineCounter.linePos(offset);
  const fail = (problems: Problem[], cap = MAX_PROBLEMS): Checked<T> => ({ ok: false, problems: tidy(problems, cap) });
  const nbsp = /^[ ]*\u00a0/m.exec(text);
  if (nbsp) {
    // Text pasted from a web page: the parser would see a strange key, not an indent.
    const { line } = lineNumber(text, nbsp.index);
    return fail([{ file, line, col: 1, path: '', message: 'invalid YAML: non-breaking spaces (U+00A0) are not allowed for indentation; use plain spaces' }]);
  }
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    // Before parsing, so the line counter is still empty: count lines here.
    const { line } = lineNumber(text, deep);
    return fail([{ file, path: '', line, col: deep - text.lastIndexOf('\n', deep - 1), message: TOO_DEEP }]);
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (e) {
    return fail([{ file, line: 1, col: 1, path: '', message: readError(e) }]);
  }
  if (doc.errors.length > 0) {
    // One key out of line sends the parser on a run of errors, in its own words, after it: the
    // first indentation error is the mistake, and what follows it is left unsaid.
    const errors = [...doc.errors].sort((x, y) => x.pos[0] - y.pos[0]);
    const indent = errors.findIndex((e) => isIndentError(e.code, e.message));
    const kept = indent < 0 ? errors : errors.slice(0, indent + 1);
    return fail(kept.map((e) => ({ file, path: '', ...yamlProblem(e.code, e.message, text, e.pos[0], at, opts.holds) })));
  }
  // Unknown tags (!seconds 30) are only warnings to the parser, but silently guessing is worse.
  if (doc.warnings.length > 0) {
    return fail(doc.warnings.map((w) => ({ file, path: '', ...at(w.pos[0]), message: `invalid YAML: unknown tag ${tagName(w.message)}`.trimEnd() })));
  }
  const complex = complexKey(doc);
  if (complex) return fail([{ file, path: '', ...at(complex), message: 'invalid YAML: keys must be plain text, not lists or mappings' }]);
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const alias = /Unresolved alias.*: (.+)$/.exec((e as Error).message)?.[1];
    if (alias) {
      const offset = text.indexOf(`*${alias}`);
      return fail([{ file, path: '', ...(offset >= 0 ? at(offset) : { line: 1, col: 1 }), message: `invalid YAML: unknown alias *${alias}; define the anchor &${alias} before using it` }]);
    }
    // The yaml package's words for a file that aliases too much ("Excessive alias count
    // indicates a resource exhaustion attack") are ours, at the first alias.
    if (/alias count/i.test((e as Error).message)) return fail([{ file, path: '', ...firstAlias(doc, at), message: `invalid YAML: its aliases expand more than ${MAX_ALIASES} times in all; write the text out where it is needed` }]);
    return fail([{ file, line: 1, col: 1, path: '', message: readError(e) }]);
  }
  const over = textOver(raw, MAX_VALUE_TEXT);
  if (over === 'cycle') return fail([{ file, path: '', ...firstAlias(doc, at), message: 'invalid YAML: an alias stands inside the value it names, so that value would hold itself without end; write the text out where it is needed' }]);
  if (over) return fail([{ file, path: '', ...firstAlias(doc, at), message: `invalid YAML: its aliases repeat more than ${MAX_VALUE_TEXT / 1024 / 1024} MiB of text; write the text out where it is needed` }]);
  if ((raw === null || raw === undefined) && opts.empty !== undefined) {
    opts.onEmpty?.();
    raw = opts.empty;
  }
  if (raw === null || raw === undefined) {
    return fail([{ file, line: 1, col: 1, path: '', message: 'file is empty, expected a YAML mapping' }]);
  }
  const locate = (path: PropertyKey[]) => locateNode(doc, path, at);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data, locate };
  const locator: Locator = { node: locate, key: (parent, key) => locateKey(doc, parent, key, at) ?? locate(parent) };
  // Every schema problem is its own mistake: all of them are reported (a file's size bounds them).
  return { ...fail(result.error.issues.flatMap((issue) => describeIssue(issue, raw, schema, file, locator)), Infinity), raw, locate } as Checked<T>;
}

/** Where the document's first alias is (1:1 when it has none). */
function firstAlias(doc: Document.Parsed, at: (offset: number) => { line: number; col: number }): { line: number; col: number } {
  let offset: number | undefined;
  visit(doc, { Alias: (_, node) => ((offset = node.range?.[0]), visit.BREAK) });
  return offset !== undefined ? at(offset) : { line: 1, col: 1 };
}

/** Reading order, no repeats, and at most `cap` of them. */
function tidy(problems: Problem[], cap: number): Problem[] {
  const seen = new Set<string>();
  const out = problems
    .sort((x, y) => x.line - y.line || x.col - y.col)
    .filter((p) => {
      const key = `${p.message}|${p.path}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return out.slice(0, cap);
}

/** The tag as the user wrote it: "Unresolved tag: tag:yaml.org,2002:float" → !!float. */
function tagName(message: string): string {
  const core = /tag:yaml\.org,2002:(\S+)/.exec(message)?.[1];
  return core ? `!!${core}` : (/: (\S+)$/.exec(message)?.[1] ?? '');
}

// Deep nesting is refused before parsing (yaml-depth.ts); a stack overflow the scan did not
// foresee is still caught, whether while parsing or converting.
const TOO_DEEP = 'invalid YAML: lists or mappings are nested too deeply';

function readError(e: unknown): string {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return TOO_DEEP;
  return `cannot be read: ${(e as Error).message}`;
}

function lineNumber(text: string, offset: number): { line: number } {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return { line };
}

/** The offset of the first key that is a list or mapping, if any (`? [a, b]`). */
function complexKey(doc: Document.Parsed): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (found === undefined && pair.key && (isMap(pair.key) || isSeq(pair.key))) {
        found = (pair.key as { range?: [number, number, number] }).range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Read and check a YAML file; `shown` is the path as printed in messages. */
export function checkYamlFile<T>(path: string, schema: ZodType<T>, shown: string = displayPath(path), opts: YamlOptions = {}): Checked<T> {
  return checkYamlText(readTextFile(path, shown), shown, schema, opts);
}

/** Read and validate a YAML file, throwing a UserError that names the first problem (and how many more). */
export function loadYamlFile<T>(path: string, schema: ZodType<T>, shown?: string, opts: YamlOptions = {}): T {
  const r = checkYamlFile(path, schema, shown, opts);
  if (r.ok) return r.value;
  throw problemsError(r.problems);
}

/** Word a parser error for a person, and place it where the mistake is rather than where the parser noticed. */
function yamlProblem(code: string, message: string, text: string, offset: number, at: (o: number) => { line: number; col: number }, holds = 'one routine or one list of points'): { line: number; col: number; message: string } {
  if (/call stack/i.test(message)) return { ...at(offset), message: TOO_DEEP };
  if (code === 'DUPLICATE_KEY') {
    const key = /^\s*([^:\n]+?)\s*:/.exec(text.slice(offset, offset + 200))?.[1];
    return { ...at(offset), message: key ? `duplicate key ${quote(key)} in the same mapping` : 'duplicate key in the same mapping' };
  }
  if (code === 'TAB_AS_INDENT') return { ...at(offset), message: 'tabs are not allowed for indentation in YAML; use spaces' };
  if (code === 'MULTIPLE_DOCS') return { ...at(offset), message: `invalid YAML: a second document starts here after "---"; a file holds ${holds}` };
  if (code === 'MISSING_CHAR' && /quote/.test(message)) {
    // The parser notices at the end of the file; the mistake is the last quote left open.
    const open = lastUnclosedQuote(text.slice(0, offset));
    return { ...at(open ?? offset), message: 'invalid YAML: this quote is never closed' };
  }
  if (/end with a [\]}]/.test(message) || (code === 'MISSING_CHAR' && /[\]}]/.test(message))) {
    const closer = /\]/.test(message) ? ']' : '}';
    const open = outermostUnclosed(text.slice(0, offset), closer === ']' ? '[' : '{', closer);
    return { ...at(open ?? offset), message: `invalid YAML: this ${closer === ']' ? 'list' : 'mapping'} is never closed; end it with "${closer}"` };
  }
  if (isIndentError(code, message)) {
    const pos = at(offset);
    const lines = text.split(/\r?\n/);
    const line = lines[pos.line - 1] ?? '';
    if ((code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') && (/:\s.*:\s/.test(line) || /:\s.*:$/.test(line))) {
      return { ...pos, message: 'invalid YAML: a value containing ": " must be quoted, like title: "Neck: the sequel"' };
    }
    // These two are noticed at the value before the line out of line; the rest at that line's start.
    const bad = code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY' ? nextContentLine(lines, pos.line) : pos.line;
    return { ...misindented(lines, bad) };
  }
  // The yaml package puts "at line X, column Y" into some messages; we print our own position.
  return { ...at(offset), message: `invalid YAML: ${message.replace(/ at line \d+, column \d+.*$/s, '').trim()}` };
}

/** The parser's errors that mean a line is indented wrongly (a key out of line with the keys above it). */
function isIndentError(code: string, message: string): boolean {
  if (code === 'BAD_INDENT' || code === 'MULTILINE_IMPLICIT_KEY') return true;
  if (code === 'BLOCK_AS_IMPLICIT_KEY') return /nested mappings|block sequence/i.test(message);
  return code === 'MISSING_CHAR' && /without - indicator|followed by map values/i.test(message);
}

/** The first line after line `n` (1-based) with something on it other than a comment. */
function nextContentLine(lines: string[], n: number): number {
  for (let i = n; i < lines.length; i++) if (/^\s*[^\s#]/.test(lines[i]!)) return i + 1;
  return n;
}

/**
 * A key line's key and the column it starts in (after any "- "), or undefined for another kind of
 * line. Searched, not matched by one expression: a key pattern that may end in spaces before the
 * colon backtracks quadratically, and a line of 60,000 spaces took 8 s (a user file may be 1 MiB).
 */
function keyAt(line: string): { key: string; col: number } | undefined {
  const lead = /^\s*(?:-\s+)*/.exec(line)![0];
  const rest = line.slice(lead.length);
  const quote = rest[0];
  let end: number;
  if (quote === '"' || quote === "'") {
    end = rest.indexOf(quote, 1) + 1;
    if (end === 0) return undefined;
  } else {
    if (rest === '' || /^[\s#-]/.test(rest)) return undefined;
    end = rest.search(/:(\s|$)/);
    if (end < 0 || rest.slice(0, end).includes('#')) return undefined;
  }
  const key = rest.slice(0, end).trimEnd();
  return /^\s*:(\s|$)/.test(rest.slice(end)) ? { key, col: lead.length + 1 } : undefined;
}

/** Line `n` is out of line: say so at its key, against the key above it, in plain words. */
function misindented(lines: string[], n: number): { line: number; col: number; message: string } {
  const here = lines[n - 1] ?? '';
  const col = here.length - here.trimStart().length + 1;
  const own = keyAt(here);
  let above: { key: string; col: number } | undefined;
  for (let i = n - 2; i >= 0 && !above; i--) if (/^\s*[^\s#]/.test(lines[i]!)) above = keyAt(lines[i]!) ?? { key: '', col: 0 };
  if (!own || !above || above.col === 0) return { line: n, col, message: 'invalid YAML: bad indentation; this line does not line up with the lines above it' };
  return {
    line: n,
    col: own.col,
    message: `invalid YAML: bad indentation: ${quote(own.key)} starts in column ${own.col} but ${quote(above.key)} above it in column ${above.col}; keys of one mapping must line up`,
  };
}

function lastUnclosedQuote(before: string): number | undefined {
  for (let i = before.length - 1; i >= 0; i--) {
    const ch = before[i];
    if (ch !== '"' && ch !== "'") continue;
    const lineStart = before.lastIndexOf('\n', i) + 1;
    const count = before.slice(lineStart).split(ch).length - 1;
    if (count % 2 === 1) return before.indexOf(ch, lineStart);
  }
  return undefined;
}

/** The offset of the outermost bracket still open at the end of `before`. */
function outermostUnclosed(before: string, open: string, close: string): number | undefined {
  const stack: number[] = [];
  for (let i = 0; i < before.length; i++) {
    if (before[i] === open) stack.push(i);
    else if (before[i] === close) stack.pop();
  }
  return stack[0];
}

function locateNode(doc: Document, path: PropertyKey[], at: (o: number) => { line: number; col: number }) {
  // Walk down as far as the path exists; a missing field is reported at its parent.
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && node.range) return at(node.range[0]);
    // A key with no value node at all (`? tips` alone): at the key, not its parent (1:1).
    const key = path[n - 1];
    if (n > 0 && !node && typeof key === 'string') {
      const k = locateKey(doc, path.slice(0, n - 1), key, at);
      if (k) return k;
    }
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
  if (v instanceof Uint8Array) return 'binary data';
  if (v instanceof Date) return 'a date';
  if (v instanceof Set) return 'a set';
  // An ordered mapping (!!omap, !!pairs read as one) is read as a Map: a mapping, not a set.
  if (v instanceof Map) return 'an ordered mapping (!!omap)';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return quote(v);
  return String(v);
}

// Words people use for a value that an enum spells otherwise: legacy channel codes, body parts.
const SYNONYMS: Record<string, string> = {
  ...CHANNEL_ALIASES,
  palm: 'hand', fingers: 'hand', finger: 'hand', thumb: 'hand', sole: 'foot', toes: 'foot', heel: 'foot',
  belly: 'abdomen', stomach: 'abdomen', tummy: 'abdomen', calf: 'leg', shin: 'leg', forehead: 'face', temple: 'head',
  temples: 'head', scalp: 'head', jaw: 'face', elbow: 'arm', back: 'upper-back', waist: 'lower-back', buttock: 'hip',
};

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
    case 'invalid_union': {
      // "One value or a list of them": explain against the branch that matches what was written,
      // so a typo in `region: handd` still gets its "did you mean".
      const branch = Array.isArray(value)
        ? issue.errors.find((errs) => errs.length > 0 && errs.every((e) => e.path.length > 0))
        : issue.errors.find((errs) => errs.length > 0 && errs.every((e) => e.code !== 'invalid_type'));
      if (branch) {
        return branch.flatMap((sub) => describeIssue({ ...sub, path: [...path, ...sub.path] } as core.$ZodIssue, raw, schema, file, at));
      }
      return [{ ...base, ...locate(path), message: value === undefined ? `missing, ${issue.message}` : `${issue.message}, got ${describeValue(value)}` }];
    }
    case 'unrecognized_keys': {
      const known = schemaKeysAt(schema, path);
      return issue.keys.map((key) => {
        const near = suggest(key, known, 1);
        const hint = near.length ? `; did you mean "${near[0]}"?` : known.length > 1 ? `; expected one of ${orList(known)}` : known.length ? `; expected ${known[0]}` : '';
        const pos = at.key(path, key);
        return { ...base, ...pos, path: formatPath([...path, key]), message: `unknown key ${quote(key)}${hint}` };
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
      const synonym = typeof value === 'string' ? SYNONYMS[value.toLowerCase()] : undefined;
      const near = synonym && options.includes(synonym) ? [synonym] : typeof value === 'string' ? suggest(value, options, 1) : [];
      const hint = near.length ? `; did you mean "${near[0]}"?` : '';
      const message = value === undefined
        ? `missing, expected one of ${orList(options)}`
        : `expected one of ${orList(options)}, got ${describeValue(value)}${hint}`;
      return [{ ...base, ...locate(path), message }];
    }
    default: {
      // Our schemas word their own messages ("expected a duration like 45s"); add what was found when useful.
      let message = issue.message;
      // "expected a non-empty string, got """ says nothing new; a number below its minimum does.
      const tooShort = issue.code === 'too_small' && typeof value !== 'number';
      if (value !== undefined && !/, got /.test(message) && issue.code !== 'custom' && !tooShort) {
        message += `, got ${describeValue(value)}`;
      }
      if (value === undefined && issue.code !== 'custom') message = `missing, ${message}`;
      return [{ ...base, ...locate(path), message }];
    }
  }
}

