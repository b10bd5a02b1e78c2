// The printable sheet in a real browser: headless Chromium loads `show headache --html`, a
// measuring copy of the page checks that every step's figure is drawn with its marked point, and
// the page is printed to PDF on A4 and Letter and read back (poppler) to check that no step, and
// so no figure, is cut across a page break. The screenshot and the pages as images are kept in
// ACUPRESS_SHEET_DIR when it is set, for a person to look at.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const STEPS = [{ n: 1, code: 'LI4' }, { n: 2, code: 'EX-HN5' }, { n: 3, code: 'GB20' }];

// Asynchronous, so the test worker keeps answering vitest while a browser or poppler works.
const run = async (cmd: string, args: string[], timeout = 90_000) => (await promisify(execFile)(cmd, args, { encoding: 'utf8', timeout, maxBuffer: 64 << 20 })).stdout;

/** Run headless Chromium on a file with extra flags; resolves to its stdout. */
function chromium(file: string, ...flags: string[]): Promise<string> {
  return run(CHROMIUM!, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--no-first-run', '--disable-extensions',
    `--user-data-dir=${tempDir('acupress-chromium-')}`, ...flags, `file://${file}`]);
}

// A script for a copy of the page (the sheet itself has none): measures each step's figure and
// its marked point as laid out, and writes the result into the page for --dump-dom.
const MEASURE = `<script>
addEventListener('load', () => {
  const steps = [...document.querySelectorAll('li.step[data-step-point]')].map((li) => {
    const svg = li.querySelector('figure svg');
    const code = li.dataset.stepPoint;
    const box = svg && svg.getBoundingClientRect();
    const marks = svg ? [...svg.querySelectorAll('[data-point="' + code + '"] circle')].map((c) => c.getBoundingClientRect()) : [];
    const inside = marks.every((m) => box && m.width > 0 && m.left >= box.left - 1 && m.right <= box.right + 1 && m.top >= box.top - 1 && m.bottom <= box.bottom + 1);
    const paths = svg ? [...svg.querySelectorAll('.outline path')].filter((p) => p.getTotalLength() > 10).length : 0;
    return { code, figure: Boolean(svg), width: box ? box.width : 0, height: box ? box.height : 0, marks: marks.length, inside, paths,
      caption: li.querySelector('figcaption') ? li.querySelector('figcaption').textContent : '' };
  });
  const out = document.createElement('pre');
  out.id = 'measured';
  out.textContent = JSON.stringify({ steps, scripts: document.scripts.length, width: document.documentElement.scrollWidth, viewport: innerWidth });
  document.body.append(out);
});
</script>`;

const SKIPPED = CHROMIUM ? '' : ' (skipped: no Chromium at /usr/bin/chromium; .ci/run installs Debian\'s chromium package)';
describe.skipIf(!CHROMIUM)(`the printable sheet in Chromium${SKIPPED}`, () => {
  let dir: string;
  let sheet: string;
  let html: string;

  beforeAll(() => {
    dir = process.env.ACUPRESS_SHEET_DIR ?? tempDir('acupress-sheet-');
    mkdirSync(dir, { recursive: true });
    const r = cli(['show', 'headache', '--html']);
    expect(r.code, r.stderr).toBe(0);
    html = r.stdout;
    sheet = join(dir, 'sheet.html');
    writeFileSync(sheet, html);
  });

  it('loads, and every step has its figure drawn with its point marked inside it', async () => {
    const measuring = join(dir, 'measure.html');
    // Our script runs only in this copy: the sheet itself has none.
    expect(html).not.toMatch(/<script/i);
    writeFileSync(measuring, html.replace('</body>', `${MEASURE}</body>`));
    const dom = await chromium(measuring, '--window-size=900,1400', '--virtual-time-budget=5000', '--dump-dom');
    const m = JSON.parse(/<pre id="measured">([^<]*)<\/pre>/.exec(dom)![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    expect(m.steps.map((s: { code: string }) => s.code)).toEqual(STEPS.map((s) => s.code));
    for (const s of m.steps) {
      expect(s.figure, s.code).toBe(true);
      // At least a few centimetres of drawing (a wide view such as the shoulders is shorter).
      expect(s.width, s.code).toBeGreaterThan(150);
      expect(s.height, s.code).toBeGreaterThan(60);
      expect(s.marks, s.code).toBeGreaterThanOrEqual(1);
      expect(s.inside, s.code).toBe(true);
      expect(s.paths, s.code).toBeGreaterThan(0);
      expect(s.caption).toMatch(new RegExp(`^${s.code} · `));
    }
    // GB20 is pressed on both sides at once, on a symmetric view: both marked.
    expect(m.steps.find((s: { code: string }) => s.code === 'GB20').marks).toBe(2);
    // Nothing sticks out sideways.
    expect(m.width).toBeLessThanOrEqual(m.viewport);
  });

  it('takes a screenshot', async () => {
    const png = join(dir, 'sheet.png');
    await chromium(sheet, '--window-size=900,2200', `--screenshot=${png}`);
    expect(statSync(png).size).toBeGreaterThan(50_000);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  });

  it.skipIf(!hasPoppler)('prints to PDF on A4 and Letter without cutting a step or its figure across pages (needs poppler-utils)', async () => {
    for (const [paper, size] of [['A4', /Page size: +594\.96 x 841\.92 pts \(A4\)/], ['Letter', /Page size: +612 x 792 pts \(letter\)/]] as const) {
      // The sheet leaves the paper to the printer (@page has no size); this copy picks one.
      const copy = join(dir, `sheet-${paper}.html`);
      writeFileSync(copy, html.replace('</style>', `@page { size: ${paper}; }</style>`));
      const pdf = join(dir, `sheet-${paper}.pdf`);
      await chromium(copy, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`);
      const info = await run('pdfinfo', [pdf]);
      expect(info).toMatch(size);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages).toBeGreaterThanOrEqual(2);
      const byPage = await Promise.all(Array.from({ length: pages }, (_, i) => run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-'])));
      const pageOf = (re: RegExp) => byPage.findIndex((t) => re.test(t));
      for (const { n, code } of STEPS) {
        // A step's heading sits at its top, its figure's caption at the figure's foot: the same
        // page for both means the figure between them was not cut.
        const heading = pageOf(new RegExp(`${n}\\. Press ${code}`));
        const caption = pageOf(new RegExp(`${code} · `));
        expect(heading, `${paper}: step ${n} heading`).toBeGreaterThanOrEqual(0);
        expect(caption, `${paper}: ${code} caption on the page of its heading`).toBe(heading);
        // The point's label drawn in the SVG is on that page too.
        expect(byPage[heading]!.match(new RegExp(`\\b${code}\\b`, 'g'))!.length, `${paper}: ${code} label`).toBeGreaterThanOrEqual(3);
      }
      expect(byPage.join('\n')).toMatch(/Get medical help instead if/);
      expect(byPage.join('\n')).toMatch(/Sources/);
      // Each page as an image, for a person to look at.
      await run('pdftoppm', ['-r', '40', '-png', pdf, join(dir, `page-${paper}`)]);
    }
    // Two browser starts and a dozen poppler runs: over 30 s on a loaded two-core machine.
  }, 150_000);
});
