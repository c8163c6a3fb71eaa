import { join } from 'node:path';
import { breakingChanges } from '../../tools/contract-schemas/compatibility';
import { JsonSchema } from '../../tools/contract-schemas/derive-schema';
import { contractSchemaReport, problemLines } from '../../tools/contract-schemas/main';

const FIXTURE = join(__dirname, '../fixtures/contracts');

/** A schema of one event whose payload has `fields` (`?` after a name: optional). */
function eventWith(fields: Record<string, JsonSchema>): JsonSchema {
  const required = Object.keys(fields).filter((name) => !name.endsWith('?'));
  const properties = Object.fromEntries(Object.entries(fields).map(([name, s]) => [name.replace(/\?$/, ''), s]));
  return {
    type: 'object',
    properties: { payload: { $ref: '#/definitions/Payload' } },
    required: ['payload'],
    definitions: { Payload: { type: 'object', properties, required } },
  };
}

/**
 * Every published contract version has a committed JSON schema (contracts/<module>/<type>.schema.json,
 * derived from its TypeScript type, ADR 0012); a change that would break a consumer of a published
 * version fails here, and needs the next version beside the old one (docs/changing-a-contract.md).
 */
describe('architecture: contracts cannot break silently', () => {
  it('finds every contract of the code recorded, and none changed incompatibly', () => {
    const report = contractSchemaReport();
    expect(report.schemas.size).toBeGreaterThan(30);
    expect(problemLines(report)).toEqual([]);
  }, 120_000);

  it('fires on a fixture: renamed, retyped and new required fields, a changed reply, a removed version', () => {
    expect(problemLines(contractSchemaReport(FIXTURE))).toEqual([
      'widgets.GetWidget changed incompatibly; keep it as published and add the next version beside it (docs/changing-a-contract.md):',
      '  - (reply).price: retyped from object to number',
      'widgets.WidgetPainted.v1 changed incompatibly; keep it as published and add the next version beside it (docs/changing-a-contract.md):',
      '  - payload.colour: removed (or renamed)',
      '  - payload.coats: retyped from number to string',
      '  - payload.note: retyped from null | string to string',
      '  - payload.color: added as a required field',
      '  - payload.gloss: added as a required field',
      'widgets.WidgetSold.v1 was published but is gone from the code: restore it, or retire it by deleting its snapshot once no outbox, stream or process holds it (docs/changing-a-contract.md)',
      // A new optional field is compatible: the snapshot only needs recording.
      'widgets.WidgetPolished.v1 has no up-to-date snapshot: run `npm run contracts:snapshot` and commit contracts/',
    ]);
  }, 120_000);

  describe('what breaks a published version', () => {
    const fields: Record<string, JsonSchema> = {
      id: { type: 'string' },
      lines: { type: 'array', items: { type: 'object', properties: { qty: { type: 'number' } }, required: ['qty'] } },
      'note?': { type: 'string' },
      status: { type: 'string', enum: ['open', 'closed'] },
    };
    const published = eventWith(fields);

    it('passes an unchanged schema and a new optional field', () => {
      expect(breakingChanges(published, eventWith(fields))).toEqual([]);
      expect(breakingChanges(published, eventWith({ ...fields, 'extra?': { type: 'number' } }))).toEqual([]);
    });

    it('reports a field made optional or required, a nested retype, and a new literal value', () => {
      const changed = eventWith({
        'id?': { type: 'string' },
        lines: { type: 'array', items: { type: 'object', properties: { qty: { type: 'string' } }, required: ['qty'] } },
        note: { type: 'string' },
        status: { type: 'string', enum: ['open', 'closed', 'held'] },
      });
      expect(breakingChanges(published, changed)).toEqual([
        'payload.id: made optional',
        'payload.lines[].qty: retyped from number to string',
        'payload.note: made required',
        'payload.status: retyped from "closed" | "open" to "closed" | "held" | "open"',
      ]);
    });
  });
});
