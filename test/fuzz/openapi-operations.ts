import { randomUUID } from 'node:crypto';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly minimum?: number;
  readonly minLength?: number;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly allOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
}

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema?: Schema;
}

interface Operation {
  readonly operationId?: string;
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly content?: Readonly<Record<string, { readonly schema?: Schema }>> };
  readonly responses?: Readonly<Record<string, unknown>>;
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, Schema>> };
}

/** One operation of the document, with its `$ref`s resolved. */
export interface FuzzOperation {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path template, e.g. `/carts/{id}/items/{itemId}`. */
  readonly path: string;
  readonly parameters: readonly Parameter[];
  /** The JSON request body's alternatives (one unless the schema is a `oneOf`); empty without a body. */
  readonly bodies: readonly Schema[];
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation of the document. */
export function operationsOf(document: OpenApiDocument): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const body = operation.requestBody?.content?.['application/json']?.schema;
      const resolved = body === undefined ? undefined : resolveSchema(document, body);
      operations.push({
        method: method.toUpperCase() as FuzzOperation['method'],
        path,
        parameters: operation.parameters ?? [],
        bodies: resolved === undefined ? [] : (resolved.oneOf ?? [resolved]).map((s) => resolveSchema(document, s)),
      });
    }
  }
  return operations;
}

/** Follows `$ref`s and merges `allOf`, so a schema's own properties can be read. */
export function resolveSchema(document: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref !== undefined) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (!target) throw new Error(`the OpenAPI document has no schema ${schema.$ref}`);
    return resolveSchema(document, target);
  }
  if (schema.allOf !== undefined) {
    const parts = schema.allOf.map((part) => resolveSchema(document, part));
    return {
      ...schema,
      allOf: undefined,
      type: 'object',
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), schema.properties ?? {}),
      required: parts.flatMap((p) => p.required ?? []).concat(schema.required ?? []),
    };
  }
  return schema;
}

/** A path to a value inside a body: property names and array indexes. */
export type FieldPath = readonly (string | number)[];

/**
 * A well-formed value for `schema` (its example, first enum value, minimum…), so that one field
 * at a time can be made hostile while the others pass. `known` supplies real ids by field name.
 */
export function sampleOf(
  document: OpenApiDocument,
  schema: Schema,
  name: string,
  known: Readonly<Record<string, unknown>>,
): unknown {
  const resolved = resolveSchema(document, schema.oneOf?.[0] ?? schema);
  if (name in known) return known[name];
  // A property's own example (beside its $ref) describes a whole valid object, e.g. one kind of a union.
  if (schema.example !== undefined) return schema.example;
  if (resolved.example !== undefined) return resolved.example;
  if (resolved.enum !== undefined) return resolved.enum[0];
  switch (resolved.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(resolved.properties ?? {}).map(([key, value]) => [key, sampleOf(document, value, key, known)]),
      );
    case 'array':
      return resolved.items ? [sampleOf(document, resolved.items, name, known)] : [];
    case 'integer':
    case 'number':
      return resolved.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      if (resolved.format === 'uuid' || /Ids?$/.test(name)) return randomUUID();
      if (resolved.format === 'email' || /email/i.test(name)) return 'fuzz@example.com';
      return 'sample';
  }
}

/** Every field of a body schema, depth first (the first item stands for an array's items). */
export function fieldPathsOf(document: OpenApiDocument, schema: Schema, prefix: FieldPath = []): FieldPath[] {
  const resolved = resolveSchema(document, schema.oneOf?.[0] ?? schema);
  if (resolved.type === 'array' && resolved.items) {
    return fieldPathsOf(document, resolved.items, [...prefix, 0]);
  }
  const paths: FieldPath[] = [];
  for (const [key, value] of Object.entries(resolved.properties ?? {})) {
    const path = [...prefix, key];
    paths.push(path);
    const inner = resolveSchema(document, value.oneOf?.[0] ?? value);
    if (inner.type === 'object' || (inner.type === 'array' && inner.items?.$ref !== undefined)) {
      paths.push(...fieldPathsOf(document, value, path));
    }
  }
  return paths;
}
