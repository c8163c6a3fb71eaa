import { argumentsHash, parseToolArguments, projectRows, ToolParameters } from './tool-arguments';

describe('tool arguments', () => {
  const parameters: ToolParameters = {
    properties: {
      orderId: { type: 'string', format: 'uuid' },
      status: { type: 'string', enum: ['pending', 'shipped'] },
      count: { type: 'integer', minimum: 1, maximum: 10 },
      all: { type: 'boolean' },
    },
    required: ['orderId'],
  };
  const id = '0190a000-0000-7000-8000-000000000001';

  it('accept the declared fields with their types; empty text is an empty object', () => {
    expect(
      parseToolArguments(JSON.stringify({ orderId: id, status: 'shipped', count: 2, all: true }), parameters),
    ).toEqual({
      ok: true,
      args: { orderId: id, status: 'shipped', count: 2, all: true },
    });
    expect(parseToolArguments('', { properties: {} })).toEqual({ ok: true, args: {} });
  });

  it('refuse what is not JSON, not an object, unknown, mistyped, out of range or missing, coercing nothing', () => {
    const problems = (raw: string) => {
      const parsed = parseToolArguments(raw, parameters);
      return parsed.ok ? [] : parsed.problems;
    };
    expect(problems('{orderId')).toEqual(['arguments are not JSON']);
    expect(problems('[1]')).toEqual(['arguments must be an object']);
    expect(problems(JSON.stringify({ orderId: id, sql: 'DROP TABLE x' }))).toEqual(['unknown argument "sql"']);
    expect(problems(JSON.stringify({ orderId: 'x' }))).toEqual(['"orderId" must be a UUID']);
    expect(problems(JSON.stringify({ orderId: id, count: '2' }))).toEqual(['"count" must be an integer']);
    expect(problems(JSON.stringify({ orderId: id, count: 11 }))).toEqual(['"count" is out of range']);
    expect(problems(JSON.stringify({ orderId: id, status: 'lost' }))).toEqual([
      '"status" must be one of pending, shipped',
    ]);
    expect(problems(JSON.stringify({ orderId: id, all: 'yes' }))).toEqual(['"all" must be a boolean']);
    expect(problems('{}')).toEqual(['"orderId" is required']);
    expect(problems(JSON.stringify({ orderId: id, status: 'x'.repeat(5000) }))).toEqual([
      'arguments longer than 4000 characters',
    ]);
  });

  it('hash canonical JSON: key order and spacing do not matter, values do', () => {
    expect(argumentsHash('{"a":1,"b":{"d":2,"c":3}}')).toBe(argumentsHash('{ "b": {"c":3, "d":2}, "a": 1 }'));
    expect(argumentsHash('{"a":1}')).not.toBe(argumentsHash('{"a":2}'));
    expect(argumentsHash('')).toBe(argumentsHash('{}'));
    expect(argumentsHash('{not json')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('project rows to the declared fields only', () => {
    expect(projectRows([{ a: 1, secret: 'x', b: null }, 'junk'], ['b', 'a'])).toEqual([{ b: null, a: 1 }, {}]);
  });
});
