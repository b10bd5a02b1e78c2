// Build dist/: the CLI as CommonJS (dist/main.cjs, app.cjs and cli.cjs, plus one file per
// dependency in dist/vendor/), the library as one ESM file with declarations (dist/lib/), the
// built-in data as a snapshot validated at build time (dist/data/) and the man page
// (dist/acupress.1). Nothing else: the package ships only what runs (issue 21), and every
// dependency is a devDependency bundled here.
//
// Why CommonJS for the CLI: on Node 20 an ESM entry costs about 5 ms more than a CommonJS one
// (the ESM loader), a fifth of `node -e 0`, and start-up is a feature (BENCHMARKS.md). The source
// stays ESM TypeScript; only the shipped CLI bundle is CommonJS.
//
// Why dependencies in their own files: our code is ~90 KB minified and V8 pre-parses all of a
// file it loads, so commander, zod, yaml and inquirer stay out of app.cjs and are required
// only on the paths that need them. The library (dist/lib/index.js) loads the same files, so
// nothing is bundled twice.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTypes } from './build-types.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

// Every library our code imports at run time. Each becomes dist/vendor/<name>.cjs.
const VENDORS = ['commander', 'chalk', '@inquirer/prompts', 'yaml', 'zod', 'svgpath'];

// Trimming, measured in bytes of dist/vendor (issue 21: the package ships only what runs).
// - pure: modules esbuild may drop when nothing of theirs is used. @inquirer/prompts re-exports
//   every prompt, and the editor prompt alone pulls in iconv-lite and chardet (~400 KB); its
//   packages declare no "sideEffects", so without this the unused prompts stay (605 KB → 58 KB).
// - stub: modules replaced by smaller ones. zod bundles error messages in 40 languages (264 KB of
//   its 454) and selects English at load; no code of ours selects another.
const TRIM = {
  '@inquirer/prompts': { pure: /[\\/]node_modules[\\/]@inquirer[\\/]/ },
  zod: { stub: { file: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/, contents: "export { default as en } from './en.js';" } },
};

const vendorFile = (name) => `${name.replace(/^@/, '').replace(/\//g, '-')}.cjs`;
const quote = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Every TypeScript file under dir. */
const sources = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

/**
 * Which exports of a library our sources use: { all } when any import is not a plain named or
 * default one (a namespace import, an import() kept whole), else the names and whether the
 * default is used. A name missing here fails the build (esbuild: no matching export), never
 * the program.
 */
function usedExports(name, files) {
  const q = quote(name);
  const named = new Set();
  let hasDefault = false;
  let all = false;
  const names = (list) => list.split(',').map((s) => s.trim()).filter((s) => s && !s.startsWith('type ')).forEach((s) => named.add(s.split(/\s+as\s+|\s*:\s*/)[0]));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    let seen = 0;
    for (const m of text.matchAll(new RegExp(`import\\s+(type\\s+)?([^;]*?)\\s+from\\s+'${q}'`, 'g'))) {
      seen++;
      if (m[1]) continue;
      const clause = m[2];
      if (clause.includes('*')) all = true;
      const braces = /\{([^}]*)\}/.exec(clause);
      if (braces) names(braces[1]);
      if (/^[A-Za-z_$][\w$]*\s*(,|$)/.test(clause)) hasDefault = true;
    }
    for (const m of text.matchAll(new RegExp(`(?:const|let)\\s*\\{([^}]*)\\}\\s*=\\s*await\\s+import\\('${q}'\\)`, 'g'))) {
      seen++;
      names(m[1]);
    }
    const mentions = text.match(new RegExp(`(from\\s+|import\\(|require\\()'${q}'`, 'g'))?.length ?? 0;
    if (mentions > seen) all = true;
  }
  return { all, named: [...named], hasDefault };
}

// commander requires child_process at load time for executable subcommands, which we never
// use; loading it costs ~4 ms of every start. Give commander a proxy that loads it on first use.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('node_modules/commander') ? { path: 'lazy-child-process', namespace: 'acupress' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'acupress' }, () => ({
      contents: "let m; const load = () => (m ??= require('node:child_process')); module.exports = new Proxy({}, { get: (_, k) => load()[k] });",
      loader: 'js',
    }));
  },
};

/** The TRIM rules of one library as an esbuild plugin. */
const trim = (rules = {}) => ({
  name: 'trim',
  setup(b) {
    if (rules.pure) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.trim || args.kind === 'entry-point' || args.namespace !== 'file') return undefined;
        const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { trim: true } });
        return r.errors.length || !rules.pure.test(r.path) ? undefined : { ...r, sideEffects: false };
      });
    }
    if (rules.stub) b.onLoad({ filter: rules.stub.file }, (args) => ({ contents: rules.stub.contents, loader: 'js', resolveDir: dirname(args.path) }));
  },
});

// In our bundles an import of a library becomes a small ESM facade over require('<dir>/x.cjs'):
// the facade names the exports explicitly, so default and named imports keep ESM meaning.
const vendorFacades = (names, dir) => ({
  name: 'vendor-facades',
  setup(b) {
    const filter = new RegExp(`^(${VENDORS.map(quote).join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'vendor' }));
    b.onResolve({ filter: /\/vendor\/[^/]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => {
      const { named, hasDefault } = names[args.path];
      const lines = [`const m = require('${dir}/${vendorFile(args.path)}');`];
      if (hasDefault) lines.push('export default m.default;');
      // Through local names, since some export names are reserved words (zod exports `catch`).
      named.forEach((n, i) => lines.push(`const v${i} = m.${n};`, `export { v${i} as ${n} };`));
      return { contents: lines.join('\n'), loader: 'js', resolveDir: '.' };
    });
  },
});

rmSync('dist', { recursive: true, force: true });
const base = { bundle: true, platform: 'node', target: 'node20', minify: true, sourcemap: false, logLevel: 'warning' };

/**
 * The licence notices of every package bundled into dist/vendor/ (their licences, MIT and ISC,
 * ask that the notice travel with the code).
 */
function licenses(dirs) {
  const parts = ['# Licences of the libraries bundled in dist/vendor/', ''];
  const seen = new Set();
  for (const dir of dirs.sort()) {
    const { name, version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (seen.has(`${name}@${version}`)) continue;
    seen.add(`${name}@${version}`);
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)([-.][\w.-]+)?$/i.test(f));
    if (!file) throw new Error(`${name}@${version} (bundled) ships no licence file`);
    parts.push(`## ${name} ${version} (${license})`, '', '```', readFileSync(join(dir, file), 'utf8').trim(), '```', '');
  }
  return parts.join('\n');
}

// 1. One CommonJS file per library, holding only the exports our sources use.
const files = sources('src');
const names = {};
const bundledPackages = new Set();
for (const name of VENDORS) {
  const used = usedExports(name, files);
  if (used.all) {
    const mod = await import(name);
    used.named = Object.keys(mod).filter((k) => k !== 'default' && /^[A-Za-z_$][\w$]*$/.test(k));
    used.hasDefault = 'default' in mod;
  }
  names[name] = used;
  const contents = used.all
    ? `export * from '${name}';${used.hasDefault ? ` export { default } from '${name}';` : ''}`
    : `export { ${[...used.named, ...(used.hasDefault ? ['default'] : [])].join(', ')} } from '${name}';`;
  const { metafile } = await build({ ...base, format: 'cjs', metafile: true, stdin: { contents, resolveDir: '.', sourcefile: `${name}-entry.js` }, outfile: `dist/vendor/${vendorFile(name)}`, plugins: [lazyChildProcess, trim(TRIM[name])] });
  // Only packages with code in the output (tree-shaking drops most of @inquirer/prompts).
  const [output] = Object.values(metafile.outputs);
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    if (bytesInOutput === 0) continue;
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) bundledPackages.add(m[1]);
  }
}
writeFileSync('dist/vendor/LICENSES.md', licenses([...bundledPackages]));

// In app.cjs, cli/main.ts's import('./program.js') becomes require('./cli.cjs'): commander's side of
// the CLI is a file of its own, read only when the quick path declines a command line.
const coldCli = {
  name: 'cold-cli',
  setup(b) {
    b.onResolve({ filter: /^\.\/program\.js$/ }, (args) => (args.importer.endsWith('src/cli/main.ts') ? { path: 'cli', namespace: 'cold' } : undefined));
    b.onResolve({ filter: /^\.\/cli\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'cold' }, () => ({ contents: "module.exports = require('./cli.cjs');", loader: 'js', resolveDir: '.' }));
  },
};

// And import('./figures.js') (from show and run) becomes require('./figures.cjs'): the figures, the
// path library and the printable sheet, read only when a figure or a sheet is drawn.
const coldFigures = {
  name: 'cold-figures',
  setup(b) {
    b.onResolve({ filter: /^(\.\.\/|\.\/)figures\.js$/ }, (args) => (/src\/commands\/(show|run\/live)\.ts$/.test(args.importer) ? { path: 'figures', namespace: 'cold-figures' } : undefined));
    b.onResolve({ filter: /^\.\/figures\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'cold-figures' }, () => ({ contents: "module.exports = require('./figures.cjs');", loader: 'js', resolveDir: '.' }));
  },
};

// 2. The CLI, as CommonJS files: app.cjs, info.cjs, cli.cjs and figures.cjs. app.cjs: the entry and the quick path (list, show, check
// and the data and rendering they use); cli.cjs: commander's wiring and the commands only it
// reaches (run, validate, completion). Modules reached only through import() are wrapped by
// esbuild and initialised on first use, so a command still runs only what it needs.
// Each carries the CommonJS module wrapper itself (MODULE_HEAD and MODULE_TAIL in
// src/boot/code-cache.ts; test/bundles.test.ts checks they agree), so the loader compiles the
// file's text as it was read: wrapping it at run time made V8 copy the whole 118 KB source into
// a new string, which with the rest of `show LI4` filled the young generation (a 1 ms scavenge).
const MODULE_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const MODULE_TAIL = '\n})';
const cjs = {
  ...base,
  format: 'cjs',
  // import.meta.url (used by paths.ts) computed on first use: building a file URL loads code.
  banner: { js: `${MODULE_HEAD}const __importMeta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };` },
  footer: { js: MODULE_TAIL },
  define: { 'import.meta.url': '__importMeta.url', 'import.meta.dirname': '__dirname' },
};
// The command table, read at build time: the quick path's slice of it below, and the command
// names main.cjs picks a code cache by (step 3).
const spec = await build({ ...base, minify: false, format: 'esm', entryPoints: ['src/cli/spec.ts'], write: false });
const { COMMANDS, GLOBAL_OPTIONS } = await import(`data:text/javascript;base64,${Buffer.from(spec.outputFiles[0].text).toString('base64')}`);
const quickArgv = await build({ ...base, minify: false, format: 'esm', entryPoints: ['src/cli/quick-argv.ts'], write: false });
const { flagOf } = await import(`data:text/javascript;base64,${Buffer.from(quickArgv.outputFiles[0].text).toString('base64')}`);

// In app.cjs the quick path (src/cli/quick-argv.ts) imports only what it reads of the command
// table: each command's flags (with flagOf's reading of each, done here), argument and quick
// mark, without the descriptions, examples and choices help and completion need. The whole table is 10 KB of text and 200 objects that
// every start deserialized from its code cache and built (src/cli/spec.ts stays the one source:
// this slice is cut from it at every build).
const quickTable = {
  name: 'quick-table',
  setup(b) {
    b.onResolve({ filter: /^\.\/spec\.js$/ }, (args) => (/[\\/]src[\\/]cli[\\/]quick-argv\.ts$/.test(args.importer) ? { path: 'spec', namespace: 'quick-table' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'quick-table' }, () => {
      const option = ({ flags, repeatable }) => ({ flags, ...(repeatable ? { repeatable } : {}), parsed: flagOf({ flags, repeatable }) });
      const commands = Object.fromEntries(Object.entries(COMMANDS).map(([name, c]) => [name, {
        ...(c.quick ? { quick: true } : {}),
        options: c.quick ? c.options.map(option) : [],
        ...(c.quick && c.argument ? { argument: { name: c.argument.name, ...(c.argument.default !== undefined ? { default: c.argument.default } : {}) } } : {}),
      }]));
      return { contents: `export const COMMANDS = ${JSON.stringify(commands)};\nexport const GLOBAL_OPTIONS = ${JSON.stringify(GLOBAL_OPTIONS.map(option))};`, loader: 'js' };
    });
  },
};
// And in app.cjs the imports of the code that parses YAML (src/cli/user-files.ts) become
// require('./user.cjs'), and the help pages' require('./info.cjs'): a run that needs neither (a
// new user's `show LI4`, or one whose files the user-data cache answers for) never deserializes
// that code from app.cjs's cache. app.cjs shrank from 154 KB to 117 KB, and `show`, `list` and
// `check` start 0.3-0.9 million instructions sooner (BENCHMARKS.md, session 11).
const COLD_IMPORTS = {
  './load-files.js': ['src/store/load-user.ts', './user.cjs'],
  './build-builtin.js': ['src/store/load-catalog.ts', './user.cjs'],
  './profile-store.js': ['src/store/profile.ts', './user.cjs'],
  './routine-file.js': ['src/commands/run/target.ts', './user.cjs'],
  '../core/step-cautions.js': ['src/commands/show.ts', './caps.cjs'],
  './print-info.js': ['src/cli/main.ts', './info.cjs'],
};
const coldImports = {
  name: 'cold-imports',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/(?:[a-z-]+\/)*[a-z-]+\.js$/ }, (args) => {
      const cold = COLD_IMPORTS[args.path];
      if (!cold || args.kind !== 'dynamic-import' || !args.importer.replaceAll('\\', '/').endsWith(cold[0])) return undefined;
      return { path: cold[1] === './user.cjs' ? `./user.cjs#${args.path.replace(/^.*\//, '').slice(0, -3)}` : cold[1], namespace: 'cold-imports' };
    });
    b.onResolve({ filter: /^\.\/(user|info|caps)\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    // user.cjs has each module behind a getter (src/cli/user-files.ts), initialised when asked for.
    b.onLoad({ filter: /.*/, namespace: 'cold-imports' }, (args) => {
      const [bundle, module] = args.path.split('#');
      return { contents: `module.exports = require(${JSON.stringify(bundle)})${module ? `.modules[${JSON.stringify(module)}]` : ''};`, loader: 'js', resolveDir: '.' };
    });
  },
};
await build({ ...cjs, entryPoints: ['src/cli/main.ts'], outfile: 'dist/app.cjs', plugins: [vendorFacades(names, './vendor'), coldCli, coldFigures, quickTable, coldImports] });
await build({ ...cjs, entryPoints: ['src/cli/user-files.ts'], outfile: 'dist/user.cjs', plugins: [vendorFacades(names, './vendor')] });
// caps.cjs: how much pressure a step may ask for under the conditions in force (src/core/step-cautions.ts
// and the pressure words), which `show` and its sheet need only under a condition: 8 KB to read then,
// where user.cjs (55 KB) cost `show feet --condition bleeding` 16 million instructions. cli.cjs keeps
// its own copy for `run`.
await build({ ...cjs, entryPoints: ['src/core/step-cautions.ts'], outfile: 'dist/caps.cjs', plugins: [vendorFacades(names, './vendor')] });
// info.cjs: help and version lines alone (src/cli/info-main.ts), a fifth of app.cjs to read.
await build({ ...cjs, entryPoints: ['src/cli/info-main.ts'], outfile: 'dist/info.cjs', plugins: [vendorFacades(names, './vendor')] });
await build({ ...cjs, entryPoints: ['src/cli/program.ts'], outfile: 'dist/cli.cjs', plugins: [vendorFacades(names, './vendor'), coldFigures] });
await build({ ...cjs, entryPoints: ['src/commands/figures.ts'], outfile: 'dist/figures.cjs', plugins: [vendorFacades(names, './vendor')] });

// Every CLI bundle must be pure ASCII. V8 keeps a source with any other character as a
// two-byte string: app.cjs held that way took 237 KB instead of 118 KB, twice (the file's text
// and the compiled script's), which cost a garbage collection of about 1 ms in `show LI4`.
// esbuild escapes non-ASCII in strings but leaves it in regular expressions: write \uXXXX there.
for (const file of readdirSync('dist', { recursive: true }).filter((f) => f.endsWith('.cjs')).map((f) => join('dist', f))) {
  const text = readFileSync(file, 'latin1');
  const at = text.search(/[^\x00-\x7f]/);
  if (at >= 0) throw new Error(`${file} is not ASCII at byte ${at}: ${JSON.stringify(readFileSync(file).subarray(Math.max(0, at - 30), at + 10).toString('utf8'))} (write \\uXXXX in the source)`);
}

// 3. The entry, package.json's bin itself: it compiles our files with V8 code caches kept per Node
// version in the user's cache directory (src/boot/loader.ts). The build id names those caches,
// so a cache never meets code other than the code it was made from.
const bundled = ['dist/app.cjs', 'dist/info.cjs', 'dist/user.cjs', 'dist/caps.cjs', 'dist/cli.cjs', 'dist/figures.cjs', ...VENDORS.map((n) => `dist/vendor/${vendorFile(n)}`)];
const buildId = createHash('sha256').update(bundled.map((f) => readFileSync(f)).join('\0')).digest('hex').slice(0, 16);
// It names a cache per command (each holds only what its command ran): the table's names.
// The bin is this file, not a shim that requires it: each file Node's loader requires costs
// about 0.6 ms of a start (resolving, realpath, the package scope), a twelfth of our budget.
// Its slow path (src/boot/slow-load.ts: no cache yet, a damaged file, saving a cache) is a file
// of its own, required only then: Node compiles the entry from source on every start.
await build({ ...base, format: 'cjs', banner: { js: '#!/usr/bin/env node' }, entryPoints: ['src/boot/loader.ts'], outfile: 'dist/main.cjs', external: ['./slow-load.cjs'], define: { ACUPRESS_BUILD_ID: JSON.stringify(buildId), ACUPRESS_COMMANDS: JSON.stringify(Object.keys(COMMANDS)) } });
chmodSync('dist/main.cjs', 0o755);
await build({ ...base, format: 'cjs', entryPoints: ['src/boot/slow-load.ts'], outfile: 'dist/slow-load.cjs' });

// 4. The library (package "exports"): one ESM file over the same vendor files, and its
// declarations (scripts/build-types.mjs).
await build({
  ...base,
  format: 'esm',
  entryPoints: { index: 'src/index.ts' },
  outdir: 'dist/lib',
  banner: { js: "import { createRequire as __acupressRequire } from 'node:module'; const require = __acupressRequire(import.meta.url);" },
  plugins: [vendorFacades(names, '../vendor')],
});
await buildTypes('src/index.ts', 'dist/lib/index.d.ts');

// 5. The snapshot of the built-in data, validated by the sources themselves (through tsx, so no
// build tool lands in dist/).
execFileSync(process.execPath, ['--import', 'tsx', 'src/tools/build-snapshot.ts'], { stdio: 'inherit' });
// 6. The man page (package.json "man"), from the command table and docs/cli.md.
execFileSync(process.execPath, ['--import', 'tsx', 'src/tools/build-man.ts'], { stdio: 'inherit' });

const size = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? size(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
console.log(`dist: ${(size('dist') / 1024).toFixed(0)} KiB (vendor ${(size('dist/vendor') / 1024).toFixed(0)} KiB), build ${buildId}`);
