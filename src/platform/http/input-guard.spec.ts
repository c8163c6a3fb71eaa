import { findUnsafeInput, jsonNestsDeeperThan } from './input-guard';

describe('findUnsafeInput', () => {
  const limits = { maxDepth: 4, maxItems: 3 };

  it('passes sound input, including surrogate pairs and depth up to the limit', () => {
    expect(findUnsafeInput({ a: [{ b: 'Ada 😀' }], n: 1, z: null }, '', limits)).toBeUndefined();
    expect(findUnsafeInput([[[]]], '', limits)).toBeUndefined();
  });

  it.each([
    [{ name: 'a\u0000b' }, 'name', 'NUL'],
    [{ list: ['ok', '\ud800'] }, 'list.1', 'lone surrogate'],
    [{ a: { 'b\u0000': 1 } }, 'a.b\u0000', 'NUL'],
    [{ '\udfff': 1 }, '\udfff', 'lone surrogate'],
    ['\u0000', 'body', 'NUL'],
    [{ a: [[[[1]]]] }, 'a.0.0.0', 'nested more than 4 levels'],
    [{ a: [1, 2, 3, 4] }, 'a', 'more than 3 items'],
    [{ a: 1, b: 2, c: 3, d: 4 }, 'body', 'more than 3 fields'],
  ])('refuses %j at %p (%s)', (input, field, message) => {
    const problem = findUnsafeInput(input, '', limits);
    expect(problem?.field).toBe(field);
    expect(problem?.message).toContain(message);
  });

  it('walks 100,000 levels without exhausting the stack (it stops at the limit)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(findUnsafeInput(deep)?.message).toContain('nested more than 32 levels');
  });

  it('names fields under a root such as a query string', () => {
    expect(findUnsafeInput({ q: 'a\u0000' }, '')?.field).toBe('q');
    expect(findUnsafeInput('a\u0000', 'cursor')?.field).toBe('cursor');
    expect(findUnsafeInput({ a: 1, b: 2 }, '', { maxDepth: 4, maxItems: 1 }, 'query')?.field).toBe('query');
  });
});

describe('jsonNestsDeeperThan', () => {
  it.each([
    ['[[[]]]', 3, false],
    ['[[[[]]]]', 3, true],
    ['{"a":{"b":{"c":1}}}', 3, false],
    ['{"a":{"b":{"c":{}}}}', 3, true],
    ['["[[[[[[", "{{{{"]', 1, false],
    ['["\\"", "[[[["]', 1, false],
    ['{"a\\"[[[":[1]}', 2, false],
  ])('%s deeper than %i: %p', (text, max, deeper) => {
    expect(jsonNestsDeeperThan(text, max)).toBe(deeper);
  });

  it('finds the depth of a megabyte of brackets in one pass', () => {
    expect(jsonNestsDeeperThan('['.repeat(500_000) + ']'.repeat(500_000), 32)).toBe(true);
  });
});
