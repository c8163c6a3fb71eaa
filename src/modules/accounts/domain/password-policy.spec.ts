import { passwordWeakness } from './password-policy';

describe('passwordWeakness', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordWeakness('violet-kettle-harbour-42')).toBeUndefined();
  });

  it.each([
    ['short', /at least 8/],
    ['password', /common/],
    ['Password1', /common/],
    ['12345678', /common/],
    ['qwertyuiop', /common/],
    ['aaaaaaaaaaaa', /repeat/],
  ])('refuses %s', (password, reason) => {
    expect(passwordWeakness(password)).toMatch(reason);
  });

  it('accepts exactly 128 characters and refuses 129, counting code points', () => {
    const base = 'x1y2z3w4'.repeat(16);
    expect(passwordWeakness(base)).toBeUndefined();
    expect(passwordWeakness(`${base}q`)).toMatch(/at most 128/);
    // 8 emoji are 16 UTF-16 units but 8 characters.
    expect(passwordWeakness('🔑🐙🌵🎲🚲🧲🪁🫖')).toBeUndefined();
  });

  it('refuses the email or its local part', () => {
    expect(passwordWeakness('ada.lovelace', { email: 'Ada.Lovelace@example.com' })).toMatch(/email/);
  });
});
