import { DCLinter } from 'dclint';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { validateModuleSettings } from '../../src/app.module';
import { loadConfig } from '../../src/platform/config';

interface Service {
  image?: string;
  build?: string;
  profiles?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  command?: string[];
  entrypoint?: string[];
}

const FILE = resolve(__dirname, '../../docker-compose.yml');
const compose = parse(readFileSync(FILE, 'utf8'), { merge: true }) as { services: Record<string, Service> };
const services = Object.entries(compose.services);
const inProfile = (profile: string | undefined) =>
  services.filter(
    ([, s]) => (s.profiles ?? []).length === 0 || (profile !== undefined && s.profiles!.includes(profile)),
  );

/** The image the app's services are built into: the Dockerfile's last stage. */
const dockerfile = readFileSync(resolve(__dirname, '../../Dockerfile'), 'utf8');
const builtImage = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].at(-1)![1];
/** The environment that last stage sets (`ENV NAME=value`). */
const imageEnv = Object.fromEntries(
  [...dockerfile.slice(dockerfile.lastIndexOf('\nFROM ')).matchAll(/^ENV\s+(\w+)=(\S+)/gm)].map((m) => [m[1], m[2]]),
);

/**
 * What Compose makes of a value with `${VAR}`, `${VAR:-default}` and `${VAR:?message}` in it, given
 * the variables of .env (https://docs.docker.com/reference/compose-file/interpolation/).
 */
function interpolate(value: string, dotenv: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?:(:-|:\?)([^}]*))?\}/g, (_, name: string, operator?: string, rest?: string) => {
    const set = dotenv[name] !== undefined && dotenv[name] !== '';
    if (set) return dotenv[name];
    if (operator === ':?') throw new Error(`compose refuses to start: ${rest}`);
    return operator === ':-' ? rest! : '';
  });
}

/**
 * The programs each image used here ships, as its maintainers build it (no Docker engine here to
 * look inside). An image missing from this list fails the test until someone says what it holds.
 * nats:2.11 (without -alpine) is built FROM scratch: it has nats-server and nothing else.
 */
const PROGRAMS: Record<string, string[]> = {
  'postgres:17': ['sh', 'psql', 'pg_isready', 'grep', 'postgres'], // Debian bookworm base
  'nats:2.11-alpine': ['sh', 'wget', 'nats-server'], // Alpine base: busybox wget
  'nats:2.11': ['nats-server'],
  'node:24-bookworm-slim': ['sh', 'node', 'npm'],
  'jaegertracing/all-in-one:1.62.0': ['sh', 'wget'], // Alpine base: busybox wget
};

/** Programs a service runs: its health check, entrypoint and command (the first word of each). */
function programsRun(service: Service): string[] {
  const programs: string[] = [];
  const test = service.healthcheck?.test ?? [];
  if (test[0] === 'CMD') programs.push(test[1]);
  if (test[0] === 'CMD-SHELL') programs.push('sh', test[1].split(/\s+/)[0]);
  if (service.entrypoint?.[0]) programs.push(service.entrypoint[0]);
  if (service.entrypoint?.[0] === 'sh' && service.entrypoint[1] === '-c') {
    programs.push(...[...service.entrypoint[2].matchAll(/(?:^|[|&;]\s*)([a-z_]+)/g)].map((m) => m[1]));
  }
  if (service.command?.[0] && !service.command[0].startsWith('-')) programs.push(service.command[0]);
  return programs;
}

/** Everything a service says about another by name: its environment, entrypoint and command. */
const mentions = (service: Service, host: string): boolean =>
  new RegExp(`(//|@|-h\\s+)${host}\\b`).test(
    JSON.stringify([service.environment, service.entrypoint, service.command]),
  );

describe('docker-compose.yml', () => {
  it('is a valid Compose file that passes the Compose linter (compose-spec schema and best practices)', () => {
    const [result] = new DCLinter({ rules: {}, quiet: false, debug: false, exclude: [] }).lintFiles([FILE], false);
    expect(
      result.messages.map((m: { line: number; rule: string; message: string }) => `${m.line}: ${m.rule}: ${m.message}`),
    ).toEqual([]);
  });

  it('gives every service a health check whose programs exist in its image', () => {
    for (const [name, service] of services) {
      expect({ name, healthcheck: Boolean(service.healthcheck?.test) }).toEqual({ name, healthcheck: true });
      const image = service.image ?? (service.build ? builtImage : undefined);
      expect({ name, image, known: image !== undefined && image in PROGRAMS }).toMatchObject({ known: true });
      const missing = programsRun(service).filter((program) => !PROGRAMS[image!].includes(program));
      expect({ name, image, missing }).toEqual({ name, image, missing: [] });
    }
  });

  it('starts the app: each built service passes the settings check the app runs first, with the .env the file asks for', () => {
    const secrets = { JWT_SECRET: 'a'.repeat(20) + 'b'.repeat(20) + '0123456789', POSTGRES_PASSWORD: 'pg-password' };
    // The two choices the top of the file gives for email: a trial's mailbox, or real SMTP.
    for (const dotenv of [
      { ...secrets, MAIL_DEV_MAILBOX: 'enabled' },
      { ...secrets, SMTP_URL: 'smtp://user:password@mail.example.com:587' },
    ]) {
      for (const [name, service] of services.filter(([, s]) => s.build)) {
        const env = {
          ...imageEnv,
          ...Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(v, dotenv)])),
        };
        let problem = '';
        try {
          validateModuleSettings(loadConfig(env));
        } catch (error) {
          problem = (error as Error).message;
        }
        expect({ name, dotenv: Object.keys(dotenv), problem }).toEqual({
          name,
          dotenv: Object.keys(dotenv),
          problem: '',
        });
      }
    }
    expect(imageEnv.NODE_ENV).toBe('production');
  });

  it("checks PostgreSQL's health over TCP, which its first start opens only once the database is initialised", () => {
    for (const [name, service] of services) {
      const test = (service.healthcheck?.test ?? []).join(' ');
      if (test.includes('pg_isready')) expect({ name, test }).toEqual({ name, test: expect.stringMatching(/ -h \S+/) });
    }
  });

  it('depends only on services it uses', () => {
    for (const [name, service] of services) {
      for (const [other, { condition }] of Object.entries(service.depends_on ?? {})) {
        // A job that must have finished (creating a database) is used through what it made.
        if (condition === 'service_completed_successfully') continue;
        expect({ name, dependsOn: other, uses: mentions(service, other) }).toEqual({
          name,
          dependsOn: other,
          uses: true,
        });
      }
    }
    expect(compose.services.app.depends_on).not.toHaveProperty('nats');
  });

  it('has no default secret: each must be given (${VAR:?…}) or compose refuses to start, or is passed through unset', () => {
    const raw = readFileSync(FILE, 'utf8');
    const secrets = [...raw.matchAll(/^\s*(\w*(?:SECRET|PASSWORD|TOKEN|API_KEY)\w*):\s*(.+)$/gm)];
    expect(secrets.length).toBeGreaterThan(0);
    for (const [, name, value] of secrets) {
      // `${STRIPE_API_KEY:-}` hands on the user's own value or nothing (empty is unset to the app).
      if (value === `\${${name}:-}`) continue;
      expect({ name, value }).toEqual({ name, value: expect.stringMatching(/^\$\{[A-Z_]+:\?[^}]+\}$/) });
    }
    for (const [, credentials] of raw.matchAll(/\/\/([^@\s/]+)@/g)) {
      expect(credentials).toMatch(/^\w+:\$\{[A-Z_]+:\?[^}]+\}$/);
    }
    expect(raw).not.toMatch(/:-change-me|:-secret|:-password/i);
  });

  it('publishes only the HTTP entry point and the trace viewer, on the loopback interface, so no local service clashes', () => {
    const published = services.filter(([, s]) => (s.ports ?? []).length > 0);
    expect(published.map(([name]) => name).sort()).toEqual(['app', 'gateway', 'jaeger']);
    for (const [name, service] of published) {
      expect(service.ports).toEqual([
        name === 'jaeger' ? '127.0.0.1:${JAEGER_PORT:-16686}:16686' : '127.0.0.1:${ARCADE_PORT:-3000}:3000',
      ]);
    }
  });

  it('runs the monolith by default: every module in one process, and no broker (Jaeger keeps its traces)', () => {
    const names = inProfile(undefined).map(([name]) => name);
    expect(names.sort()).toEqual(['app', 'jaeger', 'postgres']);
    expect(compose.services.app.environment?.MODULES).toBeUndefined();
    expect(compose.services.app.environment?.BROKER_URL).toBeUndefined();
  });

  it('splits payments, recommendations, ai, and promotions with tax out behind one gateway in the split profile', () => {
    const split = Object.fromEntries(inProfile('split'));
    expect(Object.keys(split)).toEqual(
      expect.arrayContaining(['gateway', 'payments', 'recommendations', 'ai', 'promotions', 'nats', 'postgres']),
    );
    const hosted = ['gateway', 'payments', 'recommendations', 'ai', 'promotions'].flatMap((name) =>
      split[name].environment!.MODULES.split(','),
    );
    expect(hosted.sort()).toEqual(
      [
        'accounts',
        'ai',
        'cart',
        'catalog',
        'notifications',
        'orders',
        'payments',
        'recommendations',
        'shipping',
        'promotions',
        'tax',
      ].sort(),
    );
    for (const name of ['gateway', 'payments', 'recommendations', 'ai', 'promotions']) {
      expect(split[name].environment).toMatchObject({ BROKER_URL: 'nats://nats:4222', BROKER_PREFIX: 'arcade' });
      expect(split[name].environment!.JWT_SECRET).toBe(split.gateway.environment!.JWT_SECRET);
      expect(split[name].depends_on?.nats).toEqual({ condition: 'service_healthy' });
    }
    expect(split.gateway.environment!.GATEWAY_ROUTES).toBe(
      'payments=http://payments:3000,recommendations=http://recommendations:3000,ai=http://ai:3000,' +
        'promotions=http://promotions:3000,tax=http://promotions:3000',
    );
    expect(split.payments.environment!.DATABASE_URL_PAYMENTS).toMatch(/\/arcade_payments$/);
  });
});
