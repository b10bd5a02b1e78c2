// The one rule for which files in a data folder are data, shared by the loader and the
// user-data cache's stamp (a module of its own: the cache must not load the YAML loader).

/** Does a name look like a data file: `.yaml` or `.yml`, any case, and not hidden (editors' swap files)? */
export function isYamlName(name: string): boolean {
  return /\.ya?ml$/i.test(name) && !name.startsWith('.');
}
