import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { signingKeyFor } from './signing-key';

describe('signingKeyFor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arcade-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uses JWT_SECRET when it is set', () => {
    const secret = 'a-secret-of-our-own-0123456789-abcdef';
    expect(signingKeyFor(loadConfig({ JWT_SECRET: secret }))).toEqual({ secret, source: 'JWT_SECRET' });
  });

  it('generates a random key on first start in development, keeps it with mode 0600 and reuses it', () => {
    const file = join(dir, 'data', 'jwt-secret');
    const first = signingKeyFor(loadConfig({ JWT_SECRET_FILE: file }));
    expect(first.source).toBe('generated');
    expect(first.secret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(signingKeyFor(loadConfig({ JWT_SECRET_FILE: file }))).toEqual({ secret: first.secret, source: 'file' });
    const other = signingKeyFor(loadConfig({ JWT_SECRET_FILE: join(dir, 'elsewhere', 'jwt-secret') }));
    expect(other.secret).not.toBe(first.secret);
  });

  it('refuses a key file that holds too short a key', () => {
    const file = join(dir, 'short-key');
    writeFileSync(file, 'too-short\n');
    expect(() => signingKeyFor(loadConfig({ JWT_SECRET_FILE: file }))).toThrow(ConfigError);
  });

  it('gives every app of a test process the same random key, and writes no file', () => {
    const file = join(dir, 'test-key');
    const a = signingKeyFor(loadConfig({ NODE_ENV: 'test', JWT_SECRET_FILE: file }));
    const b = signingKeyFor(loadConfig({ NODE_ENV: 'test', JWT_SECRET_FILE: file }));
    expect(a).toEqual({ secret: b.secret, source: 'test' });
    expect(a.secret.length).toBeGreaterThanOrEqual(32);
    expect(() => statSync(file)).toThrow();
  });
});
