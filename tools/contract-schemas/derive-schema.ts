import { join } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';
import { ContractSource } from './published-contracts';

/** A JSON schema, as far as these tools read it (draft-07, as ts-json-schema-generator writes it). */
export interface JsonSchema {
  readonly [keyword: string]: unknown;
}

/**
 * The JSON schemas of the contracts, derived from their TypeScript types with
 * ts-json-schema-generator (ADR 0012): a command or query is its class's fields, with the handler's
 * reply (`Command<R>` / `Query<R>`) under `x-reply`; an event is its envelope and its payload.
 * Comments are left out, so only a change of shape changes a schema. `root` holds the sources
 * (`src/modules/*\/contracts`); the compiler options are the `repository`'s.
 */
export function deriveSchemas(
  repository: string,
  root: string,
  contracts: readonly ContractSource[],
): Map<string, JsonSchema> {
  const schemas = new Map<string, JsonSchema>();
  if (contracts.length === 0) return schemas;
  const names = contracts.map((c) => c.className);
  const twice = names.filter((name, i) => names.indexOf(name) !== i);
  if (twice.length > 0) throw new Error(`Contract classes must have distinct names: ${twice.join(', ')}`);
  const generator = createGenerator({
    path: join(root, 'src/modules/*/contracts/*.ts'),
    tsconfig: join(repository, 'tsconfig.json'),
    skipTypeCheck: true,
    expose: 'export',
    topRef: false,
    jsDoc: 'none',
    additionalProperties: false,
  });
  for (const contract of contracts) {
    const { $schema, properties, required, definitions, ...rest } = generator.createSchema(contract.className) as {
      $schema?: string;
      properties?: Record<string, JsonSchema>;
      required?: string[];
      definitions?: Record<string, JsonSchema>;
    };
    const { __result: reply, ...fields } = properties ?? {};
    schemas.set(contract.type, {
      $schema,
      title: contract.type,
      'x-kind': contract.kind,
      ...rest,
      properties: fields,
      required: (required ?? []).filter((name) => name !== '__result'),
      ...(contract.kind === 'event' ? {} : { 'x-reply': reply ?? { type: 'null' } }),
      definitions: definitions ?? {},
    });
  }
  return schemas;
}
