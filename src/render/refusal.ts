// What `run` says when it will not run a routine: which steps are to be avoided and why, and
// what to do instead. It reads well with no condition set (a point never to press yourself).
import type { Catalog } from '../model/catalog.js';
import type { Routine } from '../model/types.js';
import { GENERAL, type Finding } from '../core/safety.js';
import { describeFindings } from './findings.js';
import type { Paint } from './paint.js';
import { hang, wrap } from './text.js';

/** The refusal: a header naming the conditions (or the general rule), the findings, and the way on. */
export function refusalText(
  catalog: Catalog,
  routine: Routine,
  avoid: Finding[],
  o: { unsafeSteps: number; skipUnsafe: boolean; safer: string[]; width: number; c: Paint; point?: boolean },
): string {
  const conditions = [...new Set(avoid.map((f) => f.condition))];
  const named = conditions.filter((id) => id !== GENERAL);
  const general = conditions.includes(GENERAL);
  const every = o.unsafeSteps >= routine.steps.length;
  const why = [
    ...(named.length ? [` with ${named.join(', ')}`] : []),
    ...(general ? [`${named.length ? '; it also' : ': it'} presses a point never to press yourself`] : []),
  ].join('');
  // Nothing would be left for --skip-unsafe to run: say so, rather than leave it as the way on (a
  // point never to press yourself says so already, unless --skip-unsafe was tried).
  const nothing = '--skip-unsafe would leave nothing to run';
  const whole = !every ? '' : !o.point ? ` (every step is to be avoided; ${nothing})` : named.length || o.skipUnsafe ? ` (the point is to be avoided; ${nothing})` : '';
  const head = `${o.c.avoid('Refusing to run')} "${routine.id}"${why}${whole}:`;
  const ways: string[] = [];
  if (!every && !o.skipUnsafe) ways.push('run the rest with --skip-unsafe');
  if (o.safer.length) ways.push(`try a safer routine: ${o.safer.join(', ')}`);
  const joined = ways.join(', or ');
  const next = [ways.length ? `${joined[0]!.toUpperCase()}${joined.slice(1)}.` : '', general ? 'acupress check lists the points never to press yourself, and why.' : ''].filter(Boolean).join(' ');
  return [hang(head, o.width), describeFindings(catalog, avoid, o.width), ...(next ? [wrap(next, o.width)] : [])].join('\n');
}
