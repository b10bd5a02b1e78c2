// The one rule for which files in a data folder are data, shared by the loader and the
// user-data cache's stamp (a module of its own: the cache must not load the YAML loader).

/**
 * Does a name end in `.yaml` or `.yml`, in any case? (String code, not a regular expression:
 * `check` and `run` ask at every start, and V8 compiles each regular expression afresh.)
 */
export function hasYamlExtension(name: string): boolean {
  const end = name.slice(-5).toLowerCase();
  return end.endsWith('.yaml') || end.endsWith('.yml');
}

/** Does a name look like a data file: `.yaml` or `.yml`, any case, and not hidden (editors' swap files)? */
export function isYamlName(name: string): boolean {
  return hasYamlExtension(name) && !name.startsWith('.');
}
