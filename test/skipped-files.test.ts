// The user files a load skipped, kept as data (catalog.skipped) by the store, fresh and from the
// user-data cache alike, and the "unknown routine" hint that reads them: no file is read again,
// and no warning's words are parsed back.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/store/load-catalog.js';
import { cacheDir } from '../src/store/paths.js';
import { UserError } from '../src/model/errors.js';
import { withSkippedHint } from '../src/commands/skipped-hint.js';
import { fakeIo, routineObj, tempTree } from './helpers.js';
import { readEntry, writeEntry } from './cache-entry.js';

/** A data folder with a good routine and one of each way to be skipped. */
function folder() {
  return tempTree({
    'routines/good.yaml': routineObj({ id: 'good' }),
    // The YAML parses, the schema refuses it (pres is no step): its id is read from the YAML.
    'routines/typo.yaml': 'id: my-typo\ntitle: Typo\nsummary: x\nsources: [x]\nsteps:\n  - pres: LI4\n',
    // Not YAML at all (a tab for indentation): its id is read from the `id:` line as text.
    'routines/broken.yaml': 'id: "tabbed"\ntitle: Broken\nsteps:\n\t- press: LI4\n',
    // It validates, but the merge refuses it (an unknown point).
    'routines/lost.yaml': routineObj({ id: 'lost-one', steps: [{ press: 'LI44' }] }),
    // A points file has no one id of its own.
    'points/mine.yaml': { points: [{ id: 'EX-ME1' }] },
  });
}

describe('the files a load skipped, as data', () => {
  it('are in catalog.skipped with the id each gives itself, from a fresh load and from the cache', async () => {
    const dir = folder();
    const { io } = fakeIo();
    const opts = { env: io.env, cwd: io.cwd, data: [dir] };
    const want = [
      { file: join(dir, 'points/mine.yaml') },
      { file: join(dir, 'routines/broken.yaml'), id: 'tabbed' },
      { file: join(dir, 'routines/lost.yaml'), id: 'lost-one' },
      { file: join(dir, 'routines/typo.yaml'), id: 'my-typo' },
    ];
    const fresh = await loadCatalog(opts);
    expect(fresh.routines.has('good')).toBe(true);
    expect(fresh.skipped).toEqual(want);
    // One warning per skipped file, in the same order.
    expect(fresh.notices.filter((n) => n.startsWith('warning: skipped ')).map((n) => n.slice(17, n.indexOf('.yaml') + 5))).toEqual(want.map((w) => w.file));
    // The cache keeps them as data too, and a load from it gives them back.
    const cache = cacheDir(io.env)!;
    const file = join(cache, readdirSync(cache).find((f) => /^data-.*\.json$/.test(f))!);
    const entry = readEntry(file);
    expect(entry.skipped).toEqual(want);
    const cached = await loadCatalog(opts);
    expect(cached.skipped).toEqual(want);
    expect(cached.notices).toEqual(fresh.notices);
    // What comes back is the cache's (an entry changed within its shape, its checksum worked out
    // afresh, is read as it stands) …
    writeEntry(file, { ...entry, skipped: [{ file: '/x/routines/other.yaml', id: 'other' }] }, 'fresh');
    expect((await loadCatalog(opts)).skipped).toEqual([{ file: '/x/routines/other.yaml', id: 'other' }]);
    // … and one of another shape (an id no load would keep) is a miss and a fresh load.
    writeEntry(file, { ...entry, skipped: [{ file: '/x/routines/other.yaml', id: 'two words' }] }, 'fresh');
    expect((await loadCatalog(opts)).skipped).toEqual(want);
  });

  it('a load with nothing skipped says so with an empty list', async () => {
    const dir = tempTree({ 'routines/good.yaml': routineObj({ id: 'good' }) });
    const { io } = fakeIo({ ACUPRESS_NO_CACHE: '1' });
    expect((await loadCatalog({ env: io.env, cwd: io.cwd, data: [dir] })).skipped).toEqual([]);
  });
});

describe('the hint for a name that is a skipped file\'s', () => {
  const unknown = new UserError('unknown routine or point "my-typo"; did you mean my-type?');

  it('comes from catalog.skipped alone: the file is not read again, and no warning is needed', async () => {
    const dir = folder();
    const { io } = fakeIo({ ACUPRESS_NO_CACHE: '1' });
    const catalog = await loadCatalog({ env: io.env, cwd: io.cwd, data: [dir] });
    // The file is gone by the time the name is looked up, and the warnings are not there to parse.
    rmSync(join(dir, 'routines/typo.yaml'));
    catalog.notices.length = 0;
    const e = withSkippedHint(unknown, catalog, ['my-typo']) as UserError;
    expect(e.message).toBe(`unknown routine or point "my-typo": it is the id in ${join(dir, 'routines/typo.yaml')}, which was skipped for a problem (see the warning above)`);
    expect(e.exitCode).toBe(unknown.exitCode);
  });

  it('names a file by its own name, and leaves every other error as it was', () => {
    const catalog = { skipped: [{ file: '~/.config/acupress/routines/typo.yaml', id: 'my-typo' }, { file: '/d/points/mine.yaml' }] };
    const byName = withSkippedHint(new UserError('unknown routine or point "Typo"'), catalog, ['Typo']) as UserError;
    expect(byName.message).toBe('unknown routine or point "Typo": ~/.config/acupress/routines/typo.yaml was skipped for a problem (see the warning above)');
    expect((withSkippedHint(new UserError('unknown point "mine"'), catalog, ['mine']) as UserError).message).toBe('unknown point "mine": /d/points/mine.yaml was skipped for a problem (see the warning above)');
    const other = new UserError('unknown routine or point "nosuch"');
    expect(withSkippedHint(other, catalog, ['nosuch'])).toBe(other);
    expect(withSkippedHint(unknown, {}, ['my-typo'])).toBe(unknown);
    const notUsage = new Error('unknown routine or point "my-typo"');
    expect(withSkippedHint(notUsage, catalog, ['my-typo'])).toBe(notUsage);
  });
});
