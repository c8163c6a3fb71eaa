import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const MAIN_JS = resolve(__dirname, '../../dist/src/main.js');

/** The built command-line tools (`npm run seed`, `admin:create`… run these). */
export const cliJs = (name: string): string => resolve(__dirname, `../../dist/src/cli/${name}.js`);

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export interface AppProcess {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited(): Promise<number | null>;
}

const started = new Set<ChildProcess>();

/** Kills what a test file started and left running (a failed expectation skips its own cleanup). */
export async function killStartedProcesses(): Promise<void> {
  await Promise.all(
    [...started].map((child) => {
      const exit = once(child, 'exit');
      child.kill('SIGKILL');
      return exit;
    }),
  );
}

/** Runs the built app (`npm start`'s entry point) as a child process, the way users run it. */
export function startAppProcess(env: Record<string, string | undefined>, port: number): AppProcess {
  return startBuiltProcess(MAIN_JS, [], { PORT: String(port), ...env }, `http://127.0.0.1:${port}`);
}

/** Runs a built command-line tool with the process tests' environment, e.g. `cliJs('create-admin')`. */
export function startCliProcess(script: string, args: string[], env: Record<string, string | undefined>): AppProcess {
  return startBuiltProcess(script, args, env, '');
}

function startBuiltProcess(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
  baseUrl: string,
): AppProcess {
  const child = spawn(process.execPath, [script, ...args], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: 'test-secret-for-the-process-tests-0123456789',
      MAIL_DEV_MAILBOX: 'enabled',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  child.once('exit', () => started.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, baseUrl, output: () => output, exited: () => exit };
}

/** Polls a URL until it answers 200 or the deadline passes; returns how long it took. */
export async function waitForOk(url: string, timeoutMs: number, app?: AppProcess): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (app && app.child.exitCode !== null) throw new Error(`app exited early:\n${app.output()}`);
    try {
      const response = await fetch(url);
      if (response.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms\n${app?.output() ?? ''}`);
}
