/**
 * One line for people who gave no condition: pregnancy is common and often unmentioned, so a
 * routine that uses points or regions avoided in pregnancy (`names`, from pregnancyAvoided) says
 * so, and how to leave them out: --pregnant alone refuses the run and names safer routines,
 * --skip-unsafe beside it runs the rest. Undefined when there is nothing to say.
 */
export function pregnancyHint(names: readonly string[]): string | undefined {
  if (names.length === 0) return undefined;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `If you are pregnant: this routine uses ${list}, traditionally avoided in pregnancy; add --pregnant for safer routines, or --pregnant --skip-unsafe to leave ${names.length === 1 ? 'it' : 'them'} out.`;
}
