import { columnsOf, placeholdersFor, valuesFor } from './column-list';

describe('column lists', () => {
  const COLUMNS = { id: 'id', customerId: 'customer_id', createdAt: 'created_at' } as const;

  it('lists the columns, placeholders and values in the same order', () => {
    expect(columnsOf(COLUMNS)).toBe('id, customer_id, created_at');
    expect(columnsOf(COLUMNS, 'w')).toBe('w.id, w.customer_id, w.created_at');
    expect(placeholdersFor(COLUMNS)).toBe('$1, $2, $3');
    expect(placeholdersFor(COLUMNS, 4)).toBe('$4, $5, $6');
    expect(valuesFor(COLUMNS, { createdAt: 'c', id: 'i', customerId: 'u' })).toEqual(['i', 'u', 'c']);
  });
});
