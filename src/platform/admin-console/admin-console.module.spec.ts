import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeConsole } from './admin-console.module';

describe('describeConsole (the start-up summary line)', () => {
  const built = mkdtempSync(join(tmpdir(), 'console-built-'));
  const empty = mkdtempSync(join(tmpdir(), 'console-empty-'));
  writeFileSync(join(built, 'index.html'), '<!doctype html>');
  afterAll(() => {
    rmSync(built, { recursive: true, force: true });
    rmSync(empty, { recursive: true, force: true });
  });

  it('gives the console URL when the build is there', () => {
    expect(describeConsole('http://localhost:3000', built)).toBe('http://localhost:3000/admin');
  });

  it('says how to build it when it is missing', () => {
    expect(describeConsole('http://localhost:3000', empty)).toMatch(/^not built \(npm run build/);
  });

  it('names the dev server it proxies to, without its credentials', () => {
    expect(describeConsole('http://localhost:3000', empty, 'http://user:secret@localhost:5173')).toMatch(
      /^http:\/\/localhost:3000\/admin \(proxied to the Vite dev server at http:\/\/.*localhost:5173/,
    );
    expect(describeConsole('http://localhost:3000', empty, 'http://user:secret@localhost:5173')).not.toContain(
      'secret',
    );
  });
});
