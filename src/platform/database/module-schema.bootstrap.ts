import { Client } from 'pg';

export interface ModuleConnection {
  /** URL the module's DataSource connects with. */
  readonly url: string;
  /** Whether the module connects as its own role, so the database enforces isolation. */
  readonly ownRole: boolean;
}

export function roleNameFor(module: string): string {
  return `arcade_${module}`;
}

/**
 * Makes sure the module's schema exists and is owned by the module's own role, creating the role
 * when the connecting user may. Other modules' roles get no privilege on it, so a query across
 * schemas fails with a permission error.
 */
export async function bootstrapModuleSchema(
  adminUrl: string,
  module: string,
  rolePassword: string | undefined,
): Promise<ModuleConnection> {
  const client = new Client({ connectionString: adminUrl, application_name: `arcade:bootstrap:${module}` });
  await client.connect();
  try {
    const role = roleNameFor(module);
    const schema = client.escapeIdentifier(module);
    const canCreateRoles = await mayCreateRoles(client);
    if (!canCreateRoles) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      return { url: adminUrl, ownRole: false };
    }
    const password = rolePassword ?? (decodeURIComponent(new URL(adminUrl).password) || undefined);
    await ensureRole(client, role, password);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION ${client.escapeIdentifier(role)}`);
    await client.query(`ALTER SCHEMA ${schema} OWNER TO ${client.escapeIdentifier(role)}`);
    return { url: urlAs(adminUrl, role, password), ownRole: true };
  } finally {
    await client.end();
  }
}

async function mayCreateRoles(client: Client): Promise<boolean> {
  const { rows } = await client.query<{ allowed: boolean }>(
    'SELECT rolsuper OR rolcreaterole AS allowed FROM pg_roles WHERE rolname = current_user',
  );
  return rows[0]?.allowed === true;
}

async function ensureRole(client: Client, role: string, password: string | undefined): Promise<void> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (rowCount === 0) {
    try {
      await client.query(`CREATE ROLE ${client.escapeIdentifier(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`);
    } catch (error) {
      // Another process bootstrapping the same cluster may have created it a moment ago.
      if (!isDuplicateRole(error)) throw error;
    }
  }
  if (password !== undefined) {
    await client.query(`ALTER ROLE ${client.escapeIdentifier(role)} PASSWORD ${client.escapeLiteral(password)}`);
  }
}

function isDuplicateRole(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '42710' || code === '23505';
}

function urlAs(adminUrl: string, user: string, password: string | undefined): string {
  const url = new URL(adminUrl);
  url.username = encodeURIComponent(user);
  url.password = password === undefined ? '' : encodeURIComponent(password);
  return url.toString();
}
