/**
 * One line for people who gave no condition: pregnancy is common and often unmentioned, so a
 * routine that uses points or regions avoided in pregnancy (`names`, from pregnancyAvoided) says
 * so, and how to leave them out: --pregnant alone refuses the run and names safer routines,
 * --skip-unsafe beside it runs the rest. A single point run (`point`, with the routines safe in
 * pregnancy that stand in for it) has nothing left to run without it, so its line says to leave
 * the point out, names those routines and where the reason is. Undefined when there is nothing to say.
 */
export function pregnancyHint(names: readonly string[], point?: { id: string; safer: readonly string[] }): string | undefined {
  if (names.length === 0) return undefined;
  if (point !== undefined) {
    const instead = point.safer.length ? `; safer routines: ${point.safer.join(', ')}` : '';
    return `If you are pregnant: ${point.id} is traditionally avoided in pregnancy, so leave it out${instead} (acupress check ${point.id} --pregnant says why).`;
  }
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `If you are pregnant: this routine uses ${list}, traditionally avoided in pregnancy; add --pregnant for safer routines, or --pregnant --skip-unsafe to leave ${names.length === 1 ? 'it' : 'them'} out.`;
}
