// Builds dist/ from src/ and migrations/, doing only what changed since the last build.
//
// `tsc -b` keeps its build info in dist/ and recompiles only changed files (a build with nothing to
// do takes well under a second). Two things a plain incremental tsc leaves undone are done here:
// compiled files whose source is gone are removed (a deleted migration must not keep running from
// dist/), and the assets named in nest-cli.json (email templates) are copied beside the code.
// The admin console (admin/, ADR 0121) is built by Vite into dist/admin when a file of admin/, of
// src/platform/money (its money formatter, shared with the server) or the
// lockfile is newer than the last build's index.html.
// Where there is no src/ (the production image ships only dist/), there is nothing to build.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

if (!existsSync(join(root, 'src'))) {
  if (existsSync(join(dist, 'src', 'main.js'))) process.exit(0);
  console.error('Nothing to run: there is neither a src/ to build nor a built dist/.');
  process.exit(1);
}

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  console.error('TypeScript is not installed: run `npm ci` (with dev dependencies) first.');
  process.exit(1);
}
const compiled = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

// dist/<dir>/x.js and its .map exist only while <dir>/x.ts does.
function pruneOrphans(dir) {
  if (!existsSync(join(dist, dir))) return;
  for (const entry of readdirSync(join(dist, dir), { recursive: true, withFileTypes: true })) {
    const match = /^(.*)\.js(\.map)?$/.exec(entry.name);
    if (!entry.isFile() || !match) continue;
    const built = join(entry.parentPath, entry.name);
    const source = join(root, relative(dist, entry.parentPath), `${match[1]}.ts`);
    if (!existsSync(source)) rmSync(built);
  }
}
pruneOrphans('src');
pruneOrphans('migrations');

// nest-cli.json names the assets as globs under its sourceRoot, e.g. "modules/x/templates/**/*".
const nest = JSON.parse(readFileSync(join(root, 'nest-cli.json'), 'utf8'));
for (const asset of nest.compilerOptions?.assets ?? []) {
  const folder = join(nest.sourceRoot ?? 'src', String(asset).replace(/\/\*\*.*$/, ''));
  rmSync(join(dist, folder), { recursive: true, force: true });
  cpSync(join(root, folder), join(dist, folder), { recursive: true });
}

// The console: rebuilt only when its sources (or the dependencies) changed since the last build.
function newestChange(paths) {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    newest = Math.max(newest, stat.mtimeMs);
    if (!stat.isDirectory()) continue;
    for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}
const consoleIndex = join(dist, 'admin', 'index.html');
const consoleBuilt = existsSync(consoleIndex) ? statSync(consoleIndex).mtimeMs : 0;
if (
  existsSync(join(root, 'admin')) &&
  newestChange([join(root, 'admin'), join(root, 'src', 'platform', 'money'), join(root, 'package-lock.json')]) >
    consoleBuilt
) {
  let vite;
  try {
    vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    console.error('Vite is not installed: run `npm ci` (with dev dependencies) first.');
    process.exit(1);
  }
  const built = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'admin/vite.config.mts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (built.status !== 0) process.exit(built.status ?? 1);
}
