// A point code's number: plain string code, not a regular expression, as `show` reads it at
// every start and V8 compiles each regular expression a process runs afresh, where this comes
// compiled from the code cache (BENCHMARKS.md, session 13).

/** The digits a code ends in and what comes before them: "LI4" → { stem: "LI", digits: "4" }, "EX-HN3" → "EX-HN", "3"; undefined when it ends in no digit. */
export function pointNumber(id: string): { stem: string; digits: string } | undefined {
  let at = id.length;
  while (at > 0 && id.charCodeAt(at - 1) >= 48 && id.charCodeAt(at - 1) <= 57) at--;
  return at === id.length ? undefined : { stem: id.slice(0, at), digits: id.slice(at) };
}
