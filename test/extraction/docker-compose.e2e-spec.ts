import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

interface Service {
  profiles?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: unknown };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
}

const compose = parse(readFileSync(resolve(__dirname, '../../docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = Object.entries(compose.services);
const inProfile = (profile: string | undefined) =>
  services.filter(
    ([, s]) => (s.profiles ?? []).length === 0 || (profile !== undefined && s.profiles!.includes(profile)),
  );

describe('docker-compose.yml', () => {
  it('gives every service a health check', () => {
    expect(services.filter(([, s]) => s.healthcheck?.test === undefined).map(([name]) => name)).toEqual([]);
  });

  it('runs the monolith by default: every module in one process', () => {
    const names = inProfile(undefined).map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(['app', 'postgres', 'nats']));
    expect(compose.services.app.environment?.MODULES).toBeUndefined();
  });

  it('splits payments and recommendations out behind one gateway in the split profile', () => {
    const split = Object.fromEntries(inProfile('split'));
    expect(Object.keys(split)).toEqual(
      expect.arrayContaining(['gateway', 'payments', 'recommendations', 'nats', 'postgres']),
    );
    const hosted = ['gateway', 'payments', 'recommendations'].flatMap((name) =>
      split[name].environment!.MODULES.split(','),
    );
    expect(hosted.sort()).toEqual(
      ['accounts', 'cart', 'catalog', 'notifications', 'orders', 'payments', 'recommendations'].sort(),
    );
    for (const name of ['gateway', 'payments', 'recommendations']) {
      expect(split[name].environment).toMatchObject({ BROKER_URL: 'nats://nats:4222', BROKER_PREFIX: 'arcade' });
      expect(split[name].environment!.JWT_SECRET).toBe(split.gateway.environment!.JWT_SECRET);
      expect(split[name].depends_on?.nats).toEqual({ condition: 'service_healthy' });
    }
    expect(split.gateway.environment!.GATEWAY_ROUTES).toBe(
      'payments=http://payments:3000,recommendations=http://recommendations:3000',
    );
    expect(split.gateway.ports).toEqual(['3000:3000']);
    expect(split.payments.environment!.DATABASE_URL_PAYMENTS).toMatch(/\/arcade_payments$/);
  });
});
