import { createHash } from 'node:crypto';

/** A tool's parameters as it declares them (the JSON Schema subset of the platform's `ToolParameter`). */
export interface ToolParameters {
  readonly properties: Readonly<
    Record<
      string,
      {
        readonly type: 'string' | 'integer' | 'boolean';
        readonly format?: 'uuid';
        readonly enum?: readonly string[];
        readonly maxLength?: number;
        readonly minimum?: number;
        readonly maximum?: number;
      }
    >
  >;
  readonly required?: readonly string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_MAX_LENGTH = 200;
/** Raw argument strings longer than this are refused unread (a model that loops on output). */
export const MAX_ARGUMENTS_CHARS = 4000;

export type ParsedArguments = { ok: true; args: Record<string, unknown> } | { ok: false; problems: string[] };

/**
 * Parses a model's `function.arguments` (a JSON string) and checks it against the tool's parameters:
 * an object, no unknown field, each field of its declared type and bounds, the required ones present.
 * Nothing is coerced; an empty string means `{}`.
 */
export function parseToolArguments(raw: string, parameters: ToolParameters): ParsedArguments {
  if (raw.length > MAX_ARGUMENTS_CHARS)
    return { ok: false, problems: [`arguments longer than ${MAX_ARGUMENTS_CHARS} characters`] };
  let value: unknown;
  try {
    value = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch {
    return { ok: false, problems: ['arguments are not JSON'] };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, problems: ['arguments must be an object'] };
  const args = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const [name, given] of Object.entries(args)) {
    const p = parameters.properties[name];
    if (!p) {
      problems.push(`unknown argument "${name}"`);
      continue;
    }
    if (given === null) {
      problems.push(`"${name}" is null`);
    } else if (p.type === 'string') {
      if (typeof given !== 'string') problems.push(`"${name}" must be a string`);
      else if (given.length > (p.maxLength ?? DEFAULT_MAX_LENGTH)) problems.push(`"${name}" is too long`);
      else if (p.format === 'uuid' && !UUID.test(given)) problems.push(`"${name}" must be a UUID`);
      else if (p.enum && !p.enum.includes(given)) problems.push(`"${name}" must be one of ${p.enum.join(', ')}`);
    } else if (p.type === 'integer') {
      if (typeof given !== 'number' || !Number.isSafeInteger(given)) problems.push(`"${name}" must be an integer`);
      else if ((p.minimum !== undefined && given < p.minimum) || (p.maximum !== undefined && given > p.maximum)) {
        problems.push(`"${name}" is out of range`);
      }
    } else if (typeof given !== 'boolean') {
      problems.push(`"${name}" must be a boolean`);
    }
  }
  for (const name of parameters.required ?? []) {
    if (args[name] === undefined) problems.push(`"${name}" is required`);
  }
  return problems.length ? { ok: false, problems } : { ok: true, args };
}

/**
 * SHA-256 (hex) of the arguments as canonical JSON (keys sorted at every level), so the audit can
 * tell equal calls apart without storing a value. Unparseable arguments hash as their raw text.
 */
export function argumentsHash(raw: string): string {
  let canonical: string;
  try {
    canonical = canonicalJson(JSON.parse(raw === '' ? '{}' : raw));
  } catch {
    canonical = raw;
  }
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Keeps only the declared fields of each row, in declaration order (the tool's projection). */
export function projectRows(rows: readonly unknown[], fields: readonly string[]): Record<string, unknown>[] {
  return rows.map((row) => {
    const source = row && typeof row === 'object' ? (row as Record<string, unknown>) : {};
    const out: Record<string, unknown> = {};
    for (const field of fields) if (Object.prototype.hasOwnProperty.call(source, field)) out[field] = source[field];
    return out;
  });
}
