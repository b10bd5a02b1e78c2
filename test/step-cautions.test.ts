// A condition's caution for a point is said at the step that presses it (the live view, plain
// lines, --json's phase events), not only in the notes before the run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { paint } from '../src/render/color.js';
import { cautionAsk, cautionLines, cautionsByStep } from '../src/core/step-cautions.js';
import type { Finding } from '../src/core/safety.js';
import { plan } from '../src/core/plan.js';
import { frameLines } from '../src/render/run-tty.js';
import { plainSink } from '../src/render/run-plain.js';
import { jsonSink } from '../src/render/run-json.js';
import { phaseEvent } from '../src/core/scheduler.js';
import { runEventSchema } from '../src/model/json-schemas.js';
import { KEY_HELP } from '../src/commands/run/keys.js';
import { BIN, cli, sink, tempDir, tempTree } from './helpers.js';
import { lookup, press, routine } from './fixtures-data.js';

const plain = paint(new Chalk({ level: 0 }));
const REASON = 'Taixi appears on some lists of points to avoid in pregnancy but not on the core list (LI4, SP6). Because the sources disagree, use only light pressure on it, or ask your practitioner first.';
const findings: Finding[] = [
  { target: 'test', point: 'B1', step: 1, condition: 'pregnancy', level: 'caution', reason: REASON, source: 'Betts 2011' },
  { target: 'test', point: 'B1', step: 1, condition: 'pregnancy', level: 'caution', reason: REASON, source: 'Betts 2011' },
  { target: 'test', point: 'A1', step: 0, condition: 'pregnancy', level: 'avoid', reason: 'Never.', source: 'x' },
];
const timeline = plan(routine([press('A1', { rounds: 1 }), press('B1', { rounds: 1 })], { locate: 2_000, ramp: 1_000, hold: 2_000, release: 1_000, switch: 1_000 }), lookup);
const byStep = cautionsByStep(findings);
const lines = (i: number) => cautionLines(byStep.get(timeline.phases[i]!.step) ?? []);
const firstOf = (step: number) => timeline.phases.findIndex((p) => p.step === step);

describe('cautions at their step', () => {
  it('each step keeps its own cautions, once each, never an avoid; the line says what to do', () => {
    expect([...byStep.keys()]).toEqual([1]);
    expect(byStep.get(1)).toEqual([{ condition: 'pregnancy', point: 'B1', reason: REASON }]);
    expect(cautionAsk(REASON)).toBe('Because the sources disagree, use only light pressure on it, or ask your practitioner first.');
    expect(cautionLines([{ condition: 'general', reason: 'Press gently. Never on the eyeball.' }])).toEqual(['Caution: Never on the eyeball.']);
  });

  it('the live view shows the caution under the instruction of each of its step\'s phases, and keeps it when the instruction gives way', () => {
    const at = (i: number, rows = 24) => frameLines(timeline, { index: i, remaining: 1_000, elapsed: 0, paused: false, help: false }, plain, { columns: 80, rows }, KEY_HELP, lines(i)).join('\n');
    const hold = timeline.phases.findIndex((p) => p.step === 1 && p.kind === 'hold');
    expect(at(firstOf(1))).toContain('where B1 is.\n  ⚠ With pregnancy: Because the sources disagree, use only light pressure on\n    it, or ask your practitioner first.\n');
    expect(at(hold)).toMatch(/⚠ With pregnancy: Because the sources disagree[\s\S]*practitioner first\./);
    expect(at(firstOf(0))).not.toContain('⚠');
    // 6 rows: head, one line of instruction, two of caution, the progress.
    expect(at(hold, 6)).toMatch(/⚠ With pregnancy[\s\S]*practitioner first\./);
  });

  it('plain lines say it under the step\'s first phase line, once, and again on coming back to the step', () => {
    const out = sink(false);
    const s = plainSink(out, timeline, plain, false, Infinity, lines);
    const i = firstOf(1);
    for (const n of [0, i, i + 1, i + 2, i - 1, i]) s(phaseEvent(timeline.phases[n]!, 0));
    const text = out.text();
    expect(text.match(/⚠ With pregnancy: Because the sources disagree, use only light pressure on it, or ask your practitioner first\./g)).toHaveLength(2);
    expect(text.split('\n')[2]).toMatch(/^ {21}⚠ With pregnancy/);
  });

  it('--json adds the step\'s cautions to each of its phase events, and the exported schema takes them', () => {
    const out = sink(false);
    const s = jsonSink(out, {}, undefined, (i) => byStep.get(timeline.phases[i]!.step));
    s(phaseEvent(timeline.phases[0]!, 0));
    s(phaseEvent(timeline.phases[firstOf(1)]!, 0));
    const [a, b] = out.text().trim().split('\n').map((l) => runEventSchema.parse(JSON.parse(l)));
    expect(a).not.toHaveProperty('cautions');
    expect(b).toMatchObject({ type: 'phase', point: 'B1', cautions: [{ condition: 'pregnancy', point: 'B1', reason: REASON }] });
  });

  it('the built CLI: run KI3 --pregnant says "light pressure" at its step in plain lines and in --json', () => {
    const home = tempDir('acupress-home-');
    const env = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_STATE_HOME: join(home, '.state') };
    // Stopped by SIGTERM once the first phase is out.
    const go = (...flags: string[]) => spawnSync(process.execPath, [BIN, 'run', 'KI3', '--pregnant', '--no-tips', ...flags], { encoding: 'utf8', env, timeout: 2_500, input: '' }).stdout;
    const lines = go('--plain').split('\n');
    const at = lines.findIndex((l) => /^ 0:00 {2}locate/.test(l));
    expect(lines[at + 1]).toBe(`${' '.repeat(21)}⚠ With pregnancy: Because the sources disagree, use only light pressure on it, or ask your practitioner first.`);
    const phase = go('--json').split('\n').filter(Boolean).map((l) => runEventSchema.parse(JSON.parse(l))).find((e) => e.type === 'phase');
    expect(phase).toMatchObject({ point: 'KI3', cautions: [{ condition: 'pregnancy', point: 'KI3', reason: expect.stringMatching(/use only light pressure on it/) }] });
  });

  it('the built CLI: --dry-run shows each step\'s cautions where the run would, under its first phase line and on its phase events', () => {
    const home = tempDir('acupress-home-');
    const env = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_STATE_HOME: join(home, '.state') };
    const go = (...flags: string[]) => spawnSync(process.execPath, [BIN, 'run', 'feet', '--pregnant', '--dry-run', ...flags], { encoding: 'utf8', env });
    const lines = go().stdout.split('\n');
    const said = `${' '.repeat(21)}⚠ With pregnancy: Because the sources disagree, use only light pressure on it, or ask your practitioner first.`;
    // Once, under KI3's first phase line (its locate), not under each of its phases.
    expect(lines.filter((l) => l === said)).toHaveLength(1);
    expect(lines[lines.indexOf(said) - 1]).toMatch(/^ *\d+:\d\d {2}locate .* KI3 left {2}Find KI3/);
    // LR3's caution for everyone too, as a run says it.
    expect(lines.filter((l) => /^ {21}⚠ Caution: Use steady, moderate pressure beside the pulse/.test(l))).toHaveLength(1);
    const events = go('--json').stdout.trim().split('\n').map((l) => runEventSchema.parse(JSON.parse(l)));
    const ki3 = events.filter((e) => e.type === 'phase' && e.point === 'KI3');
    expect(ki3.length).toBeGreaterThan(2);
    for (const e of ki3) expect(e).toMatchObject({ cautions: [{ condition: 'pregnancy', point: 'KI3', reason: expect.stringMatching(/use only light pressure on it/) }] });
    expect(events.filter((e) => e.type === 'phase' && e.point === 'KI1').every((e) => !('cautions' in e))).toBe(true);
  });

  it('--quiet\'s help says the cautions stay', () => {
    const help = spawnSync(process.execPath, [BIN, 'run', '--help'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(help).toContain("--quiet only the phase lines (and a step's cautions under its first)");
    expect(help).toContain("--dry-run print the plan (with the safety notes and each step's cautions) and exit");
  });
});

describe('a ramp cue asks for no more pressure than a caution in force allows', () => {
  // KI3's ramp said "steadily" while pregnancy's caution for it asks for light pressure only.
  it('every point with pregnancy or bleeding: the pressure word and the step\'s own cue say it; no condition: unchanged', async () => {
    const { loadBuiltin } = await import('../src/store/load-catalog.js');
    const { routineFindings } = await import('../src/core/safety.js');
    const { pressureCaps } = await import('../src/core/step-cautions.js');
    const catalog = await loadBuiltin();
    const feet = catalog.routines.get('feet')!;
    const get = (id: string) => catalog.points.get(id);
    const ramps = (conditions: string[]) => {
      const cs = conditions.map((id) => catalog.conditions.get(id)!);
      const caps = pressureCaps(feet, get, routineFindings(catalog, feet, cs), cs, catalog);
      return { caps, texts: plan(feet, get, { pressureCaps: caps }).phases.filter((p) => p.kind === 'ramp' && p.side !== 'right' && p.round === 1).map((p) => p.text) };
    };
    const pregnant = ramps(['pregnancy']);
    const ki3 = feet.steps.findIndex((s) => s.kind === 'press' && s.point === 'KI3');
    expect(pregnant.caps.get(ki3)).toMatchObject({ pressure: 'gentle', condition: 'pregnancy' });
    // Pregnancy's advice ("Keep the pressure light") holds for every step, not only KI3's caution:
    // KI1's "Press firmly with your thumb" said "firmly" beside it.
    expect(feet.steps.map((_, i) => pregnant.caps.get(i)?.pressure)).toEqual(feet.steps.map(() => 'gentle'));
    expect([...pregnant.caps.values()].every((c) => c.condition === 'pregnancy')).toBe(true);
    expect(pregnant.texts.find((t) => t.includes('KI3'))).toBe('Slowly increase pressure on KI3 (Tàixī), left foot, gently (with pregnancy). In the hollow between your inner ankle bone and the Achilles tendon. Press gently.');
    expect(pregnant.texts.find((t) => t.includes('KI1'))).toBe('Slowly increase pressure on KI1 (Yǒngquán), left foot, gently (with pregnancy). Hold one foot and curl your toes: the dip that forms at the front of the sole is the spot. Press gently with your thumb.');
    expect(pregnant.texts.find((t) => t.includes('LR3'))).toMatch(/, gently \(with pregnancy\)\. .*Press gently; if you feel a pulse under your finger, move a little to one side of it\.$/);
    // --voice's short form shares the pressure word: KI1 said "firmly" aloud too.
    const { spokenCue } = await import('../src/core/spoken-cue.js');
    const quick = plan(feet, get, { pressureCaps: pregnant.caps, ramp: 2_000 }).phases.find((p) => p.kind === 'ramp' && p.point === 'KI1')!;
    expect(spokenCue(quick, get('KI1'))).toBe('Press KI1, gently (with pregnancy).');
    // Bleeding's practice advice ("a gentle, short press") holds for every press; the cue's own
    // "Press firmly"/"Press steadily" is said gently, the rest of it (move off the pulse) kept.
    const bleeding = ramps(['bleeding']).texts;
    expect(bleeding.find((t) => t.includes('KI1'))).toBe('Slowly increase pressure on KI1 (Yǒngquán), left foot, gently (with bleeding). Hold one foot and curl your toes: the dip that forms at the front of the sole is the spot. Press gently with your thumb.');
    expect(bleeding.find((t) => t.includes('LR3'))).toMatch(/, gently \(with bleeding\)\. .*Press gently; if you feel a pulse under your finger, move a little to one side of it\.$/);
    // With no condition the general cautions change nothing the built-in cues say.
    expect(ramps([]).texts).toEqual(plan(feet, get).phases.filter((p) => p.kind === 'ramp' && p.side !== 'right' && p.round === 1).map((p) => p.text));
  });

  it('a condition asking for light pressure caps a massage step\'s cue and a point card\'s Press line, and keeps what guards the person', async () => {
    const { loadBuiltin } = await import('../src/store/load-catalog.js');
    const { pointFindings, routineFindings } = await import('../src/core/safety.js');
    const { pointCap, pressureCaps } = await import('../src/core/step-cautions.js');
    const { pointCard } = await import('../src/render/point-card.js');
    const catalog = await loadBuiltin();
    const get = (id: string) => catalog.points.get(id);
    const cs = (...ids: string[]) => ids.map((id) => catalog.conditions.get(id)!);
    // A massage step of your own: its cue said lightly, its "never" kept; a rest is never capped.
    const mine = routine([{ kind: 'massage', area: 'the calves', regions: ['leg'], points: [], motion: 'kneading', duration: 30_000, cue: 'Knead the calf firmly, but never over a bulging vein.' }, { kind: 'rest', duration: 10_000, cue: 'Rest.' }]);
    const said = (conditions: ReturnType<typeof cs>) => {
      const caps = pressureCaps(mine, get, routineFindings(catalog, mine, conditions), conditions, catalog);
      return { caps, text: plan(mine, get, { pressureCaps: caps }).phases[0]!.text };
    };
    const pregnant = said(cs('pregnancy'));
    expect(pregnant.text).toBe('The calves, kneading: Knead the calf gently, but never over a bulging vein.');
    expect(pregnant.caps.has(1)).toBe(false);
    expect(said([]).text).toBe('The calves, kneading: Knead the calf firmly, but never over a bulging vein.');
    // The point card's Press line and its "(firm pressure)" label follow the cap.
    const card = (id: string, conditions: ReturnType<typeof cs>) => {
      const p = get(id)!;
      const findings = pointFindings(p, conditions, p.id);
      const text = pointCard(catalog, p, plain, 400, findings, undefined, [], conditions.length ? pointCap(p, findings, conditions, catalog) : undefined);
      return text.split('\n').find((l) => l.startsWith('Press '))!;
    };
    expect(card('LI4', [])).toMatch(/pressing firmly toward the bone.*\(firm pressure\)$/);
    const li4 = card('LI4', cs('bleeding'));
    expect(li4).toMatch(/pressing gently toward the bone of the index finger\. Hold steady or make slow circles\. \(gentle pressure with bleeding\)$/);
    expect(li4).not.toMatch(/firm/i);
    expect(card('ST36', cs('pregnancy'))).toMatch(/^Press +Press gently with the thumb .*\(gentle pressure in pregnancy\)$/);
    expect(card('ST36', cs('pregnancy'))).not.toMatch(/firm/i);
    // KI3: "Moderate pressure is enough" beside "use only light pressure on it".
    expect(card('KI3', [])).toContain('Moderate pressure is enough');
    expect(card('KI3', cs('pregnancy'))).toContain('Light pressure is enough; it is often tender.');
    expect(card('KI3', cs('pregnancy'))).not.toMatch(/moderate/i);
    // A condition that asks nothing of the pressure leaves the card as written.
    expect(card('LI4', cs('skin'))).toBe(card('LI4', []));
  });

  it('a condition\'s read_also caps too: blood-clot reads bleeding (a clot is treated with blood thinners), so it presses gently', async () => {
    const { loadBuiltin } = await import('../src/store/load-catalog.js');
    const { pointFindings, routineFindings } = await import('../src/core/safety.js');
    const { pointCap, pressureCaps } = await import('../src/core/step-cautions.js');
    const catalog = await loadBuiltin();
    const clot = catalog.conditions.get('blood-clot')!;
    expect(clot.read_also).toEqual(['bleeding']);
    // show LI4 --condition blood-clot said "pressing firmly toward the bone … (firm pressure)".
    const li4 = catalog.points.get('LI4')!;
    expect(pointCap(li4, pointFindings(li4, [clot], 'LI4'), [clot], catalog)).toMatchObject({ pressure: 'gentle', condition: 'bleeding' });
    // run headache --condition blood-clot said LI4's ramp "firmly": every press is capped as with bleeding.
    const headache = catalog.routines.get('headache')!;
    const get = (id: string) => catalog.points.get(id);
    const caps = pressureCaps(headache, get, routineFindings(catalog, headache, [clot]), [clot], catalog);
    const bleeding = catalog.conditions.get('bleeding')!;
    const asBleeding = pressureCaps(headache, get, routineFindings(catalog, headache, [bleeding]), [bleeding], catalog);
    expect(headache.steps.map((_, i) => caps.get(i)?.pressure)).toEqual(headache.steps.map((_, i) => asBleeding.get(i)?.pressure));
    const ramp = plan(headache, get, { pressureCaps: caps }).phases.find((p) => p.kind === 'ramp' && p.point === 'LI4')!;
    expect(ramp.text).toMatch(/^Slowly increase pressure on LI4 \(Hégǔ\), left hand, gently \(with bleeding\)\./);
  });

  it('what a caution allows, and a cue said within it', async () => {
    const { pressureAllowed, withinPressure } = await import('../src/core/pressure-words.js');
    expect(pressureAllowed(REASON)).toBe('gentle');
    expect(pressureAllowed('Use steady, moderate pressure beside the pulse rather than hard pressure on it.')).toBe('moderate');
    // "Firm" there is what to avoid, and a negated clause names nothing.
    expect(pressureAllowed('Firm pressure bruises easily here.')).toBeUndefined();
    expect(pressureAllowed('Do not press gently or otherwise.')).toBeUndefined();
    expect(withinPressure('Thumb on the web. Build up to gentle but firm pressure, hold it steady.', 'gentle')).toBe('Thumb on the web. Build up to gentle pressure, hold it steady.');
    expect(withinPressure('Firmly press the spot. Breathe out.', 'moderate')).toBe('Steadily press the spot. Breathe out.');
    // What cannot be said lighter is left out; the rest stays.
    expect(withinPressure('Lean your body weight into it. Breathe out.', 'gentle')).toBe('Breathe out.');
  });

  it('the built CLI: run KI3 --pregnant --dry-run ramps gently, and the spoken short form keeps it', async () => {
    const r = spawnSync(process.execPath, [BIN, 'run', 'KI3', '--pregnant', '--dry-run', '--json', '--ramp', '2s'], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: tempDir('acupress-home-') } });
    const ramp = r.stdout.trim().split('\n').map((l) => runEventSchema.parse(JSON.parse(l))).find((e) => e.type === 'phase' && e.kind === 'ramp');
    expect(ramp).toMatchObject({ text: expect.stringMatching(/^Slowly increase pressure on KI3 \(Tàixī\), left foot, gently \(with pregnancy\)\./) });
    // Speech shortens the phase plan() made (its pressure word carried as data, not read back out
    // of its text): the run's own plan of KI3 with pregnancy, its ramp too short to say whole.
    const { spokenCue, speechMs } = await import('../src/core/spoken-cue.js');
    const { loadBuiltin } = await import('../src/store/load-catalog.js');
    const { routineFindings } = await import('../src/core/safety.js');
    const { pressureCaps } = await import('../src/core/step-cautions.js');
    const catalog = await loadBuiltin();
    const get = (id: string) => catalog.points.get(id);
    const one = routine([press('KI3', { cue: 'Press into the hollow between the ankle bone and the tendon, angling slightly toward the bone, firmly.' })]);
    const cs = [catalog.conditions.get('pregnancy')!];
    const planned = plan(one, get, { pressureCaps: pressureCaps(one, get, routineFindings(catalog, one, cs), cs, catalog), ramp: 2_000 }).phases.find((p) => p.kind === 'ramp')!;
    expect(planned.said).toEqual({ pressure: 'gently (with pregnancy)', cue: 'Press into the hollow between the ankle bone and the tendon, angling slightly toward the bone, gently.' });
    expect(speechMs(planned.text)).toBeGreaterThan(planned.duration_ms);
    const said = spokenCue(planned, get('KI3'));
    expect(said).toBe('Press KI3, gently (with pregnancy).');
    expect(said).not.toMatch(/steadily|firmly/);
  });

  it('capping never drops what guards the person, reads a limit said as what not to do, and caps at a point\'s own pressure too', async () => {
    const { pressureAllowed, pressureAsked, withinPressure } = await import('../src/core/pressure-words.js');
    // HT1: the request for body weight goes; the stop stays.
    expect(withinPressure('Reach into the armpit. Lean your body weight into it, but stop if the arm tingles.', 'gentle')).toBe('Reach into the armpit. Stop if the arm tingles.');
    // "keep your weight off them" asks for nothing: a cue saying it is not touched.
    const bl23 = 'Press in with your knuckles; keep your weight off them and never press on the spine.';
    expect(pressureAsked(bl23)).toBeUndefined();
    expect(withinPressure(bl23, 'gentle')).toBe(bl23);
    // A clause that asks for more and guards the person is kept: never a safety word dropped.
    expect(withinPressure('Lean back into the ball; never onto the spine.', 'gentle')).toBe('Never onto the spine.');
    // Pressing until it hurts asks for more: its pain word guards nothing.
    expect(withinPressure('Lean your weight in until it hurts a little.', 'gentle')).toBe('');
    // Encouragement that reads like a negation asks for more (an attack's cues of KI3 with
    // pregnancy ran "gently (with pregnancy). Don't be afraid to press firmly into the hollow.").
    for (const cue of ["Don't be afraid to press firmly into the hollow.", 'No need to be gentle: dig in.', 'Squeeze hard with all your strength.', 'Never hold back.']) {
      expect(pressureAsked(cue), cue).toBe('firm');
      expect(withinPressure(cue, 'gentle'), cue).toBe('');
    }
    // A word behind a hidden character is read, and said again, as the word.
    expect(pressureAsked('Press fir\u200bmly.')).toBe('firm');
    expect(withinPressure('Press fir\u200bmly.', 'gentle')).toBe('Press gently.');
    expect(withinPressure('Never hold back: press as hard as you can, and stop if it hurts.', 'gentle')).toBe('Press as gently as you can, and stop if it hurts.');
    // What it says not to do is not said lighter ("never firmly" stays).
    expect(withinPressure('Press steadily, but never firmly on the bone.', 'gentle')).toBe('Press gently, but never firmly on the bone.');
    expect(withinPressure('Press hard into the hollow and breathe out.', 'moderate')).toBe('Press steadily into the hollow and breathe out.');
    // A limit written as what not to do: moderate, or gentle where it says light.
    expect(pressureAllowed('Lies in the groin close to the femoral artery and vein; do not press hard or deeply here.')).toBe('moderate');
    expect(pressureAllowed('The carotid artery runs deep to this spot; do not press deeply or on both sides at once.')).toBe('moderate');
    expect(pressureAllowed('Sources conflict, so avoid strong pressure unless a qualified practitioner advises it.')).toBe('moderate');
    expect(pressureAllowed('Use no more than light pressure here.')).toBe('gentle');
    expect(pressureAllowed('Never press over broken skin.')).toBeUndefined();
  });

  it('the built CLI: run, show and the sheet say a step\'s cue within the cap, and keep its safety clauses', () => {
    const mine = {
      id: 'mine', title: 'Mine', summary: 'Mine.', sources: ['me'],
      steps: [
        { press: 'HT1', sides: 'left', cue: 'Reach into the armpit. Lean your body weight into it, but stop if the arm tingles.' },
        { press: 'BL23', sides: 'left', cue: 'Press in with your knuckles; keep your weight off them and never press on the spine.' },
        { press: 'LR12', sides: 'left', cue: 'Press firmly here.' },
      ],
    };
    const dir = tempTree({ 'mine.yaml': mine });
    const ramps = (args: string[]) => {
      const r = cli(['run', ...args, '--dry-run', '--json'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.trim().split('\n').map((l) => runEventSchema.parse(JSON.parse(l))).flatMap((e) => (e.type === 'phase' && e.kind === 'ramp' && e.round === 1 ? [e.text] : []));
    };
    // No condition: HT1's and LR12's cautions for everyone, and LR12's own gentle pressure.
    expect(ramps(['./mine.yaml'])).toEqual([
      'Slowly increase pressure on HT1 (Jíquán), left side, gently. Reach into the armpit. Stop if the arm tingles.',
      'Slowly increase pressure on BL23 (Shènshù), left side, firmly. Press in with your knuckles; keep your weight off them and never press on the spine.',
      'Slowly increase pressure on LR12 (Jímài), left side, gently. Press gently here.',
    ]);
    // Osteoporosis asks for light pressure at BL23: "keep your weight off them" is what it keeps.
    const lowBack = ramps(['low-back', '--condition', 'osteoporosis']).find((t) => t.includes('BL23'))!;
    expect(lowBack).toMatch(/gently \(with osteoporosis\)\. .*Press in with your knuckles and breathe out; keep your weight off them\.$/);
    // show's card and the printable sheet say what run says.
    const card = cli(['show', 'feet', '--condition', 'bleeding']);
    expect(card.stdout).toContain('Press gently with your thumb.');
    expect(card.stdout).not.toContain('Press firmly');
    const sheet = cli(['show', 'feet', '--condition', 'bleeding', '--html', '--no-figure']);
    expect(sheet.code, sheet.stderr).toBe(0);
    expect(sheet.stdout).toContain('Press gently with your thumb.');
    expect(sheet.stdout).not.toContain('Press firmly');
    // Without a condition the built-in cue is shown as written.
    expect(cli(['show', 'feet']).stdout).toContain('Press firmly with your thumb.');
  });

  it('the built CLI: varicose veins keep the pressure light on leg points (ST36) in run and show, and leave the arms as they were', () => {
    // The advice said "keep the pressure light on the legs" while ST36 on the shin still said "Press firmly":
    // the legs' caution now asks for light pressure in its reason, which caps each point it finds.
    const ramps = (args: string[]) => {
      const r = cli(['run', ...args, '--dry-run', '--json']);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.trim().split('\n').map((l) => runEventSchema.parse(JSON.parse(l))).flatMap((e) => (e.type === 'phase' && e.kind === 'ramp' && e.round === 1 ? [e.text] : []));
    };
    for (const routine of ['energy', 'nausea', 'digestion', 'constipation']) {
      const said = ramps([routine, '--condition', 'varicose-veins']);
      const st36 = said.filter((t) => t.includes('ST36'));
      expect(st36.length, routine).toBeGreaterThan(0);
      for (const t of st36) expect(t, routine).toMatch(/gently \(with varicose-veins\)\./), expect(t, routine).not.toMatch(/firm/i);
    }
    const energy = ramps(['energy', '--condition', 'varicose-veins']);
    expect(energy.find((t) => t.includes('LI11'))).toMatch(/left arm, firmly\. /);
    const card = cli(['show', 'ST36', '--condition', 'varicose-veins']);
    expect(card.code, card.stderr).toBe(0);
    expect(card.stdout).toMatch(/^Press +Press gently with the thumb or knuckle .*\(gentle pressure with varicose veins\)$/m);
    expect(card.stdout).not.toMatch(/^Press .*firm/im);
    expect(cli(['show', 'ST36']).stdout).toMatch(/^Press +Press firmly with the thumb/m);
    const pressLine = (args: string[]) => /^Press .*$/m.exec(cli(['show', ...args]).stdout)?.[0];
    expect(pressLine(['LI11', '--condition', 'varicose-veins'])).toEqual(pressLine(['LI11']));
  });

  it('the built CLI: show and the sheet leave out the head\'s weight at BL10 under a light-pressure caution, as run does at GB20', () => {
    // BL10's Press line said "letting the head rest back into the thumbs" under neck-arteries, whose
    // neck-weight caution says to keep the head's weight off: "into" was not read as the head's weight.
    const card = cli(['show', 'BL10', '--condition', 'neck-arteries']);
    expect(card.code, card.stderr).toBe(0);
    expect(card.stdout).toMatch(/^Press +.*with steady light pressure\. Hold for a few slow breaths; do not press on the front or sides of the throat\.$/m);
    expect(card.stdout).not.toMatch(/^Press .*head rest/m);
    const sheet = cli(['show', 'BL10', '--condition', 'neck-arteries', '--html', '--no-figure']);
    expect(sheet.code, sheet.stderr).toBe(0);
    expect(sheet.stdout).toContain('with steady light pressure. Hold for a few slow breaths');
    expect(sheet.stdout).not.toContain('head rest back');
    // Without a condition BL10's technique is shown as written.
    expect(cli(['show', 'BL10']).stdout).toContain('letting the head rest back into the thumbs');
    // run says GB20's cue the same way under the same condition.
    const r = cli(['run', 'skull-base', '--condition', 'neck-arteries', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ramp .*GB20.*gently \(with neck-arteries\)\. .*Press up and in\.$/m);
    expect(r.stdout).not.toMatch(/ramp .*GB20.*rest on them/);
  });
});
