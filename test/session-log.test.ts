// The session log's warnings reach the terminal escaped, whatever the message they quote holds.
import { describe, expect, it, vi } from 'vitest';
import { UserError } from '../src/model/errors.js';
import { historyOffInProfile } from '../src/commands/session-log.js';
import { fakeIo } from './helpers.js';

// A profile error whose message holds raw control characters: today's loaders escape what they
// quote, so this stands in for any message (a library's, a future loader's) that does not.
vi.mock('../src/store/profile.js', () => ({
  profilePath: () => '/home/me/.config/acupress/profile.yaml',
  readProfile: async () => {
    throw new UserError('profile.yaml:1:1 title: "\x1b]0;pwned\x07\x1b[2J" is not a key');
  },
}));

describe('historyOffInProfile', () => {
  it('warns about a profile it cannot read with the message escaped, and leaves the log on (its default)', async () => {
    const f = fakeIo();
    expect(await historyOffInProfile(f.io)).toBe(false);
    expect(f.stderr.text()).toBe('warning: profile.yaml:1:1 title: "\\u001b]0;pwned\\u0007\\u001b[2J" is not a key; the session log stays on, as without a profile, until /home/me/.config/acupress/profile.yaml can be read\n');
  });
});
