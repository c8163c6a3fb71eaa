import { Address, withChanges } from './address';

describe('withChanges', () => {
  const address: Address = {
    id: 'a',
    userId: 'u',
    name: 'Ada Lovelace',
    line1: '12 St James Square',
    line2: 'Flat 3',
    city: 'London',
    postalCode: 'SW1Y 4JH',
    country: 'GB',
    createdAt: new Date('2026-01-01T00:00:00Z'),
  };

  it('changes only the fields given, upper-casing a new country', () => {
    expect(withChanges(address, { city: 'Paris', country: 'fr', name: undefined })).toEqual({
      ...address,
      city: 'Paris',
      country: 'FR',
    });
  });

  it('clears the second line with null and keeps it when left out', () => {
    expect(withChanges(address, { line2: null }).line2).toBeNull();
    expect(withChanges(address, {}).line2).toBe('Flat 3');
  });
});
