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
  it('warns about a profile it cannot read with the message escaped, and turns the log off', async () => {
    const f = fakeIo();
    expect(await historyOffInProfile(f.io)).toBe(true);
    expect(f.stderr.text()).toBe('acupress: warning: profile.yaml:1:1 title: "\\u001b]0;pwned\\u0007\\u001b[2J" is not a key; not logging this session, since /home/me/.config/acupress/profile.yaml may turn the log off\n');
  });
});
