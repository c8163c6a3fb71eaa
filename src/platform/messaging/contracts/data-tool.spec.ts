import { QueryContract } from './contract-registry';
import { DataToolDeclaration, DataToolQuery } from './data-tool';
import { Query } from './messages';

describe('data-tool contracts', () => {
  const tool = (overrides: Partial<DataToolDeclaration> = {}): DataToolDeclaration => ({
    name: 'reviews_ratings',
    description: 'Ratings of a product.',
    scope: 'reviews:read',
    rowsOwnedBy: 'none',
    parameters: { properties: { productId: { type: 'string', description: 'Its id.', format: 'uuid' } } },
    fields: ['stars'],
    ...overrides,
  });

  it('register a query that extends DataToolQuery with a sound declaration', () => {
    class RatingsTool extends DataToolQuery<{ productId?: string }, { stars: number }> {}
    expect(() =>
      QueryContract('reviews.RatingsTool', () => new RatingsTool({}, { userId: null, reach: 'any' }, 1), {
        dataTool: tool(),
      })(RatingsTool),
    ).not.toThrow();
  });

  it('refuse, in one line, a declaration that names another owner, a reach, an unknown required argument, or a plain query', () => {
    class BadTool extends DataToolQuery<object, object> {}
    expect(() =>
      QueryContract('reviews.BadTool', () => new BadTool({}, { userId: null, reach: 'any' }, 1), {
        dataTool: tool({
          name: 'orders_ratings',
          scope: 'orders:read:own',
          parameters: { properties: {}, required: ['productId'] },
          fields: [],
        }),
      })(BadTool),
    ).toThrow(
      'reviews.BadTool: the scope names no reach (:own/:any are granted, not declared); a tool returns at least one field; required "productId" is not a parameter; its scope must start with "reviews:"; its tool name must start with "reviews_"',
    );
    class Plain extends Query<{ rows: [] }> {}
    expect(() =>
      QueryContract('reviews.Plain', () => new Plain(), { dataTool: tool({ name: 'reviews_plain' }) })(Plain),
    ).toThrow('Plain must extend DataToolQuery');
  });

  it('refuse a tool name taken by another query', () => {
    class Twin extends DataToolQuery<object, object> {}
    expect(() =>
      QueryContract('reviews.Twin', () => new Twin({}, { userId: null, reach: 'any' }, 1), { dataTool: tool() })(Twin),
    ).toThrow('the tool name "reviews_ratings" is taken by reviews.RatingsTool');
  });
});
