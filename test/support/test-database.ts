import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DatabaseTarget } from '../../src/platform/database';

export interface TestDatabase extends DatabaseTarget {
  readonly name: string;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set; the Jest global setup should have set it');
  return url;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the test server, so every test file starts from nothing. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `arcade_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    moduleUrls: {},
    embedded: undefined,
    urlFor: () => url.toString(),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
