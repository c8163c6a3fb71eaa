import { ConfigError } from '../../platform/config';
import { loadAccountsConfig } from './accounts.config';

describe('loadAccountsConfig', () => {
  const admin = (email: string) => () =>
    loadAccountsConfig({ ADMIN_EMAIL: email, ADMIN_PASSWORD: 'a-long-enough-password' }, 'production');

  it('takes the first admin of ADMIN_EMAIL and ADMIN_PASSWORD', () => {
    expect(admin(' Root@Example.com ')().admin).toEqual({
      email: 'Root@Example.com',
      password: 'a-long-enough-password',
    });
  });

  it('refuses an ADMIN_EMAIL that is not an email address, as sign-up would', () => {
    for (const email of ['admin', 'admin@', '@example.com', 'admin@@example.com', 'ad min@example.com']) {
      expect(admin(email)).toThrow(new ConfigError('ADMIN_EMAIL', `must be an email address (got "${email}")`));
    }
  });
});
