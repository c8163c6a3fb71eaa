import { ChildProcess, fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { COUNT_STATEMENTS_PRELOAD } from './statement-counts';

const REGISTER = resolve(__dirname, '../../test/support/swc-register.cjs');

/** A child Node process (Arcade or a bare baseline) that listens on a port and answers over IPC. */
export class BenchProcess {
  private next = 0;
  private readonly pending = new Map<number, (body: Record<string, unknown>) => void>();

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.on('message', (message: { id?: number } & Record<string, unknown>) => {
      const done = message.id === undefined ? undefined : this.pending.get(message.id);
      if (done) {
        this.pending.delete(message.id!);
        done(message);
      }
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * Starts `script` (a .ts file) and waits for its `{ type: 'ready', port }`. With
   * COUNT_STATEMENTS_FILE in `env` (`countStatementsEnv()`) it counts its statements through `pg`.
   */
  static async start(name: string, script: string, env: Record<string, string>): Promise<BenchProcess> {
    const child = fork(resolve(__dirname, '..', script), [], {
      execArgv: [
        '-r',
        REGISTER,
        '--expose-gc',
        ...(env.COUNT_STATEMENTS_FILE ? ['-r', COUNT_STATEMENTS_PRELOAD] : []),
        ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof'] : []),
        // e.g. BENCH_NODE_ARGS=--trace-gc: Node options that NODE_OPTIONS refuses.
        ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      ],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = new Promise<number>((ok, fail) => {
      child.on('message', (m: { type?: string; port?: number }) => m.type === 'ready' && ok(m.port!));
      child.once('exit', (code) => fail(new Error(`${name} exited with ${code} before it was ready`)));
    });
    return new BenchProcess(name, child, await ready);
  }

  async ask<T extends Record<string, unknown>>(request: Record<string, unknown>): Promise<T> {
    const id = ++this.next;
    const answer = new Promise<Record<string, unknown>>((ok) => this.pending.set(id, ok));
    this.child.send({ id, ...request });
    const body = await answer;
    if (body.error) throw new Error(`${this.name}: ${body.error as string}`);
    return body as T;
  }

  async rss(): Promise<number> {
    return (await this.ask<{ rss: number }>({ type: 'rss' })).rss;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    this.ask({ type: 'stop' }).catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** A nats-server of the run's own (JetStream on, a throw-away store), on a free port. */
export async function startNats(port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = `/tmp/arcade-bench-nats-${process.pid}`;
  const child = spawn('nats-server', ['-js', '-sd', dir, '-a', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const url = `nats://127.0.0.1:${port}`;
  const { connect } = await import('nats');
  for (let i = 0; ; i++) {
    try {
      const nc = await connect({ servers: url, timeout: 500 });
      await nc.close();
      break;
    } catch (error) {
      if (i > 50) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    stop: async () => {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
