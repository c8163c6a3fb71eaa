import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import { Topology } from '../e2e/support/topology';
import { ephemeralPortRange, reservePort } from '../support/reserved-port';
import { natsAvailable } from './support/split-apps';

/** A stand-in for any other process on the machine: it answers every request with `status`. */
function foreignServer(status: number): Server {
  return createServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ answeredBy: 'another process' }));
  });
}

/**
 * Asks the kernel for "any free port" `attempts` times, the way every `listen(0)` on the machine
 * does (the other Jest worker, other runs on this shared machine); true if it was handed `port`.
 */
async function listenZeroHands(port: number, attempts: number): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const handed = (server.address() as { port: number }).port === port;
    server.close();
    await once(server, 'close');
    if (handed) return true;
  }
  return false;
}

/**
 * payments-crash got a 404 instead of the gateway's 502 while payments was SIGKILLed (1 CI run in
 * 5). The gateway's routes are fixed at start and every failure to reach an upstream is a 502; a
 * 404 can only come from another process listening on payments' port. The topology took its
 * ports from `listen(0)`: free at that instant, inside the kernel's ephemeral range, and unbound
 * until the process listened seconds later (or while it was down), so another `listen(0)` on the
 * machine could be handed one; and whatever answered the readiness probe on the port was taken
 * for the process started, while the real one died with EADDRINUSE unnoticed.
 */
describe('a port reserved for a topology process', () => {
  it('lies below the ephemeral range: no listen(0) on the machine is handed it while its process is not listening', async () => {
    const reserved = await reservePort();
    try {
      const [low] = ephemeralPortRange();
      expect(reserved.port).toBeLessThan(low);
      // ~7,000 ports serve listen(0) here (the odd ones of the lower half): 40,000 draws would hand
      // out any one of them with probability 1 - e^-5.7 (99.7 %), as they did the old free ports.
      expect(await listenZeroHands(reserved.port, 40_000)).toBe(false);
    } finally {
      reserved.release();
    }
  }, 120_000);

  it('is reserved once: reservations held at the same time never share a port', async () => {
    const reservations = await Promise.all(Array.from({ length: 40 }, () => reservePort()));
    try {
      expect(new Set(reservations.map((r) => r.port)).size).toBe(40);
    } finally {
      for (const reservation of reservations) reservation.release();
    }
  });
});

const describeSplit = natsAvailable('the upstream-port run of the split topology') ? describe : describe.skip;

describeSplit('the port of a topology process that is down', () => {
  let topology: Topology;
  let paymentsPort: number;

  beforeAll(async () => {
    topology = await Topology.start('split', {
      processes: { main: ['accounts', 'catalog'], payments: ['payments'] },
    });
    paymentsPort = topology.processes.get('payments')!.port;
  }, 120_000);
  afterAll(() => topology?.stop(), 60_000);

  it('gives a 502 problem+json at the gateway for a route whose upstream was SIGKILLed', async () => {
    await topology.kill('payments', 'SIGKILL');
    const answer = await fetch(`${topology.baseUrl}/payments?orderId=${randomUUID()}`);
    expect({ status: answer.status, body: await answer.json() }).toMatchObject({
      status: 502,
      body: { status: 502, title: 'Bad Gateway' },
    });
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  });

  it('held by another listener is refused at restart, not taken for the restarted process', async () => {
    // Another process answering 200 everywhere passed the readiness probe in payments' place while
    // payments itself failed with EADDRINUSE; the gateway then sent /payments to it.
    const impostor = foreignServer(200);
    impostor.listen(paymentsPort, '127.0.0.1');
    await once(impostor, 'listening');
    try {
      await expect(topology.startProcess('payments')).rejects.toThrow(/held by another process/);
    } finally {
      impostor.close();
      await once(impostor, 'close');
    }

    await topology.startProcess('payments');
    // The real payments answers now: unauthenticated, a 401 problem of its own.
    const answer = await fetch(`${topology.baseUrl}/payments?orderId=${randomUUID()}`);
    expect(answer.status).toBe(401);
  }, 120_000);
});
