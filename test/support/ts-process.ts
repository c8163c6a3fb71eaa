import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const REGISTER = resolve(__dirname, 'swc-register.cjs');

export interface TsProcess {
  readonly child: ChildProcess;
  output(): string;
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs a TypeScript file of the test tree in a child Node process (no build needed). */
export function runTs(file: string, env: Record<string, string | undefined>): TsProcess {
  const child = spawn(process.execPath, ['-r', REGISTER, file], {
    env: { ...process.env, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  return { child, output: () => output, exited: () => exit };
}
