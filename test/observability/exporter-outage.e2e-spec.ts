import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { Topology } from '../e2e/support/topology';

// ADR 0119: the trace collector is not part of the shop. When it hangs or fails, the app keeps
// serving, says so in its log without repeating itself for every batch, and still shuts down
// cleanly within its shutdown budget (the last spans are given up, not waited for).

type Answer = 'hang' | 'fail';

/** An OTLP/HTTP endpoint on loopback that never answers (`hang`) or answers 500 (`fail`). */
class BrokenCollector {
  exports = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(answer: Answer): Promise<BrokenCollector> {
    const server = createServer();
    const collector = new BrokenCollector(server);
    server.on('connection', (socket: Socket) => {
      collector.sockets.add(socket);
      socket.on('close', () => collector.sockets.delete(socket));
    });
    server.on('request', (request, response) => {
      request.resume();
      request.on('end', () => {
        collector.exports += 1;
        if (answer === 'fail') response.writeHead(500, { 'content-type': 'text/plain' }).end('collector broken');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return collector;
  }

  get env(): Record<string, string> {
    return {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '50',
      OTEL_TRACES_SAMPLER: 'parentbased_always_on',
      LOG_LEVEL: 'info',
    };
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.server.close();
    await once(this.server, 'close');
  }
}

async function until(done: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not in time: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Traffic that makes spans (each request is a trace). */
async function browse(topology: Topology, requests: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < requests; i++) {
    const response = await fetch(`${topology.baseUrl}/catalog/products`);
    await response.text();
    statuses.push(response.status);
  }
  return statuses;
}

describe('tracing with a broken collector', () => {
  let collector: BrokenCollector | undefined;
  let topology: Topology | undefined;

  afterEach(async () => {
    await topology?.stop();
    await collector?.stop();
    topology = undefined;
    collector = undefined;
  }, 60_000);

  it('keeps serving and shuts down cleanly within its budget when the collector hangs', async () => {
    collector = await BrokenCollector.start('hang');
    // A shutdown budget shorter than the exporter's own timeout (10 s by default).
    topology = await Topology.start('monolith', {
      env: { ...collector.env, SHUTDOWN_TIMEOUT_MS: '4000' },
      readyTimeoutMs: 120_000,
    });
    expect(new Set(await browse(topology, 20))).toEqual(new Set([200]));
    await until(() => collector!.exports > 0, 'an export reaching the collector');
    expect(new Set(await browse(topology, 20))).toEqual(new Set([200]));

    const main = topology.processes.get('main')!;
    main.child.child.kill('SIGTERM');
    const { code } = await main.child.exited();

    expect(main.child.output()).not.toContain('Shutdown took longer');
    expect(code).toBe(0);
  }, 180_000);

  it('does not log every failed export when the collector answers 500', async () => {
    collector = await BrokenCollector.start('fail');
    topology = await Topology.start('monolith', { env: collector.env, readyTimeoutMs: 120_000 });
    const main = topology.processes.get('main')!;
    const failures = () =>
      main.child
        .output()
        .split('\n')
        .filter((line) => line.includes('Internal Server Error')).length;

    // Every request a batch of its own: dozens of failed exports.
    for (let batch = 0; batch < 30; batch++) {
      const before = collector.exports;
      expect(await browse(topology, 1)).toEqual([200]);
      await until(() => collector!.exports > before, 'the collector refusing a batch');
    }

    // The operator is told, once, not thirty times.
    expect(failures()).toBeGreaterThan(0);
    expect(failures()).toBeLessThanOrEqual(3);
  }, 180_000);
});
