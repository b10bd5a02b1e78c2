// commander's usage errors in acupress's own style: flag or command first, what was expected,
// what was typed, and any suggestion on the same line.
import { describe, expect, it } from 'vitest';
import { usageMessage } from '../src/cli/usage-message.js';

describe('usageMessage', () => {
  it.each([
    ["error: option '--side <side>' argument 'up' is invalid. Allowed choices are left, right, both.", '--side: expected left, right or both, got "up"'],
    ["error: unknown command 'runn'\n(Did you mean run?)", 'unknown command "runn"; did you mean "run"? (see: acupress --help)'],
    ["error: unknown command 'zz'", 'unknown command "zz" (see: acupress --help)'],
    // `acupress -- --help`: after "--" a word is an operand; commander suggested "--lp".
    ["error: unknown command '--help'\n(Did you mean --lp?)", 'unknown command "--help"; after "--" no word is an option (see: acupress --help)'],
    ["error: unknown command '-x'", 'unknown command "-x"; after "--" no word is an option (see: acupress --help)'],
    ["error: unknown command '-'", 'unknown command "-" (see: acupress --help)'],
    ["error: unknown option '--si'\n(Did you mean one of --side, --since?)", 'unknown option "--si"; did you mean "--side" or "--since"?'],
    ["error: missing required argument '0-10'", 'missing the argument <0-10>'],
    ["error: option '--hold <dur>' argument missing", '--hold: expected a value after it'],
    ["error: too many arguments for 'run'. Expected 1 argument but got 2.", 'run: expected one argument, got 2; quote a name with spaces ("union valley"), and give durations as 3m, not 3 minutes'],
    ["error: too many arguments for 'rate'. Expected 1 argument but got 3.", 'rate: expected one argument, got 3; quote a name with spaces ("union valley"), and give durations as 3m, not 3 minutes'],
  ])('%j', (from, to) => expect(usageMessage(from)).toBe(to));
  it('names the command and its help where the message alone would not say whose argument or option', () => {
    expect(usageMessage("error: missing required argument 'id'", 'show')).toBe('show: missing the argument <id> (see: acupress show --help)');
    expect(usageMessage("error: unknown option '--frob'", 'show')).toBe('show: unknown option "--frob" (see: acupress show --help)');
    expect(usageMessage("error: option '--hold <dur>' argument missing", 'run')).toBe('--hold: expected a value after it');
  });
  it('passes an unknown message through, one line, suggestion folded in', () => {
    expect(usageMessage('error: something new\n(Did you mean x?)\n')).toBe('something new; did you mean "x"?');
    expect(usageMessage('error: something else')).toBe('something else');
  });
});
