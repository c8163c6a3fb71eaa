import { validateZone, zoneServes } from './zone';

describe('validateZone', () => {
  it('accepts a named set of countries', () => {
    expect(validateZone({ name: 'EU core', countries: ['DE', 'FR', 'NL'] })).toEqual([]);
  });

  it('reports every problem by field', () => {
    expect(validateZone({ name: ' ', countries: ['DE', 'de', 'UK', 'FR', 'DE'] })).toEqual([
      { field: 'name', message: 'a zone needs a name' },
      { field: 'countries[1]', message: 'must be an upper-case ISO 3166-1 alpha-2 code such as DE' },
      { field: 'countries[2]', message: 'UK is not an ISO 3166-1 code; the United Kingdom is GB' },
      { field: 'countries[4]', message: 'DE is listed twice' },
    ]);
  });

  it('refuses an empty zone', () => {
    expect(validateZone({ name: 'Nowhere', countries: [] })).toEqual([
      { field: 'countries', message: 'a zone needs at least one country' },
    ]);
  });
});

describe('zoneServes', () => {
  it('matches the exact upper-case code only', () => {
    const zone = { id: 'z', name: 'DACH', countries: ['DE', 'AT', 'CH'] };
    expect(zoneServes(zone, 'AT')).toBe(true);
    expect(zoneServes(zone, 'at')).toBe(false);
    expect(zoneServes(zone, 'FR')).toBe(false);
  });
});
