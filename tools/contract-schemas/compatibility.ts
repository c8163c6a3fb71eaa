import { JsonSchema } from './derive-schema';

/**
 * What a published field's value may be, made comparable: an object with its fields, an array of
 * something, or a set of scalar types and literal values. Unions are flattened into one shape.
 */
interface Shape {
  readonly scalars: readonly string[];
  readonly object?: { readonly fields: Record<string, { shape: Shape; required: boolean }> };
  readonly array?: Shape;
}

type Definitions = Record<string, JsonSchema>;

function shapeOf(schema: JsonSchema, definitions: Definitions, seen: ReadonlySet<string> = new Set()): Shape {
  if (typeof schema.$ref === 'string') {
    const name = decodeURIComponent(schema.$ref.replace('#/definitions/', ''));
    // A type that contains itself is compared down to where it recurs.
    if (seen.has(name)) return { scalars: [`(${name})`] };
    return shapeOf(definitions[name] ?? {}, definitions, new Set([...seen, name]));
  }
  const members = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  const parts = members ? members.map((m) => shapeOf(m, definitions, seen)) : [singleShape(schema, definitions, seen)];
  const objects = parts.filter((p) => p.object);
  const arrays = parts.filter((p) => p.array);
  return {
    scalars: [...new Set(parts.flatMap((p) => p.scalars))].sort(),
    // A union of several object (or array) types is compared as one: its fields merged.
    ...(objects.length > 0 ? { object: { fields: Object.assign({}, ...objects.map((o) => o.object!.fields)) } } : {}),
    ...(arrays.length > 0 ? { array: arrays[0].array } : {}),
  };
}

function singleShape(schema: JsonSchema, definitions: Definitions, seen: ReadonlySet<string>): Shape {
  const values = 'const' in schema ? [schema.const] : (schema.enum as unknown[] | undefined);
  if (values) return { scalars: values.map((v) => JSON.stringify(v)) };
  const types = ([] as string[]).concat((schema.type as string | string[] | undefined) ?? []);
  const scalars = types.filter((t) => t !== 'object' && t !== 'array').map((t) => (t === 'integer' ? 'number' : t));
  const shape: { scalars: string[]; object?: Shape['object']; array?: Shape } = { scalars };
  if (types.includes('array')) shape.array = shapeOf((schema.items as JsonSchema) ?? {}, definitions, seen);
  if (types.includes('object') || schema.properties) {
    const required = (schema.required as string[] | undefined) ?? [];
    const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
    shape.object = {
      fields: Object.fromEntries(
        Object.entries(properties).map(([name, p]) => [
          name,
          { shape: shapeOf(p, definitions, seen), required: required.includes(name) },
        ]),
      ),
    };
  }
  if (types.length === 0 && !schema.properties && scalars.length === 0) shape.scalars.push('any');
  return shape;
}

const describe = (shape: Shape): string =>
  [...shape.scalars, ...(shape.object ? ['object'] : []), ...(shape.array ? ['array'] : [])].join(' | ') || 'nothing';

function compare(path: string, published: Shape, current: Shape, found: string[]): void {
  if (describe(published) !== describe(current)) {
    found.push(`${path}: retyped from ${describe(published)} to ${describe(current)}`);
    return;
  }
  if (published.array && current.array) compare(`${path}[]`, published.array, current.array, found);
  if (!published.object || !current.object) return;
  const before = published.object.fields;
  const after = current.object.fields;
  for (const [name, field] of Object.entries(before)) {
    const now = after[name];
    const at = path ? `${path}.${name}` : name;
    if (!now) found.push(`${at}: removed (or renamed)`);
    else if (field.required !== now.required) found.push(`${at}: made ${now.required ? 'required' : 'optional'}`);
    if (now) compare(at, field.shape, now.shape, found);
  }
  for (const [name, field] of Object.entries(after)) {
    if (!before[name] && field.required) found.push(`${path ? `${path}.${name}` : name}: added as a required field`);
  }
}

/**
 * Why `current` would break what was published as `published`, one line per field: a field
 * removed or renamed, retyped (any change to the types or literal values it may take, widening
 * included: a consumer may not handle the new value), made required or optional, or a required
 * field added (messages already written, in outboxes and streams, lack it). A new optional field
 * is compatible. The reply of a command or query (`x-reply`) is compared the same way.
 */
export function breakingChanges(published: JsonSchema, current: JsonSchema): string[] {
  const found: string[] = [];
  const before = (published.definitions ?? {}) as Definitions;
  const after = (current.definitions ?? {}) as Definitions;
  const body = (s: JsonSchema): JsonSchema => ({ type: 'object', properties: s.properties, required: s.required });
  compare('', shapeOf(body(published), before), shapeOf(body(current), after), found);
  if (published['x-reply'] || current['x-reply']) {
    const reply = (s: JsonSchema): JsonSchema => (s['x-reply'] as JsonSchema | undefined) ?? { type: 'null' };
    compare('(reply)', shapeOf(reply(published), before), shapeOf(reply(current), after), found);
  }
  return found;
}
