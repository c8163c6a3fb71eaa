import { luhnValid } from './card-numbers';
import { maskPii, maskPiiDeep, noPii } from './pii-masking';

describe('maskPii — what is masked', () => {
  it.each([
    ['Write to ada.lovelace+shop@example.co.uk today', 'Write to [EMAIL] today'],
    ['<o’brien@mail.example.org>', '<o’[EMAIL]>'],
    ['jürgen@bücher.de, x@y.io.', '[EMAIL], [EMAIL].'],
    ['mailto:first.last@sub.example.com?subject=hi', 'mailto:[EMAIL]?subject=hi'],
  ])('emails: %s', (text, expected) => {
    expect(maskPii(text)).toBe(expected);
  });

  it.each([
    ['card 4111 1111 1111 1111 exp 12/30', 'card [CARD] exp 12/30'],
    ['4111-1111-1111-1111', '[CARD]'],
    ['pan=4111111111111111;', 'pan=[CARD];'],
    ['amex 3782 822463 10005', 'amex [CARD]'],
    ['4111111111111111 2024', '[CARD] 2024'],
    ['ref 1234 4111 1111 1111 1111', 'ref 1234 [CARD]'],
    ['typo 4111 1111 1111 1112', 'typo [CARD]'], // grouped like a card: masked although Luhn fails
    ['visa 4012888888881881 and mc 5555555555554444', 'visa [CARD] and mc [CARD]'],
  ])('cards: %s', (text, expected) => {
    expect(maskPii(text)).toBe(expected);
  });

  it.each([
    ['call +44 20 7946 0958 now', 'call [PHONE] now'],
    ['+1 (555) 123-4567', '[PHONE]'],
    ['+44 (0)20 7946 0958', '[PHONE]'],
    ['0049 30 1234567', '[PHONE]'],
    ['+4915123456789', '[PHONE]'],
    ['(555) 123-4567 or 555.123.4567', '[PHONE] or [PHONE]'],
    ['tel 020 7946 0958', 'tel [PHONE]'],
    ['mobile 07700 900123', 'mobile [PHONE]'],
    ['portable 06 12 34 56 78', 'portable [PHONE]'],
    ['Tel. 030 1234567', 'Tel. [PHONE]'],
    ['0151-23456789', '[PHONE]'],
  ])('phones: %s', (text, expected) => {
    expect(maskPii(text)).toBe(expected);
  });

  it.each([
    ['Ship to 12 Main Street, Springfield', 'Ship to [ADDRESS], Springfield'],
    ['221B Baker Street', '[ADDRESS]'],
    ['1600 Pennsylvania Avenue NW, Washington', '[ADDRESS], Washington'],
    ['350 5th Ave.', '[ADDRESS]'],
    ['5 rue de la Paix, 75002 Paris', '[ADDRESS], 75002 Paris'],
    ['Rue de la Paix 5', '[ADDRESS]'],
    ['12, avenue des Champs-Élysées', '[ADDRESS]'],
    ["3 rue d'Alésia", '[ADDRESS]'],
    ['Calle de Alcalá, 42, Madrid', '[ADDRESS], Madrid'],
    ['Calle Mayor nº 10', '[ADDRESS]'],
    ['Via Roma 1, Milano', '[ADDRESS], Milano'],
    ['Hauptstraße 5, 10115 Berlin', '[ADDRESS], 10115 Berlin'],
    ['Berliner Straße 12a', '[ADDRESS]'],
    ['Kalverstraat 12', '[ADDRESS]'],
    ['Hauptstr. 5', '[ADDRESS]'],
  ])('addresses: %s', (text, expected) => {
    expect(maskPii(text)).toBe(expected);
  });

  it('counts what it masked, per kind', () => {
    const counts = noPii();
    maskPii('ada@example.com, +44 20 7946 0958, 4111 1111 1111 1111, 12 Main Street, bob@example.com', counts);
    expect(counts).toEqual({ email: 2, card: 1, phone: 1, address: 1 });
  });
});

describe('maskPii — what is left alone', () => {
  it.each([
    'EAN 4006381333931', // a real EAN-13 that fails Luhn
    'order 019373a2-7c4e-7b1a-9f3e-5c2d1e0f4a6b',
    'SKU TEE-BLK-XL-0042',
    'Price: 1 299,00 € (was 1 499,00 €)',
    'delivered 2026-11-24 at 14:30',
    'le 01/02/2026 à 10:30',
    'on 01-02-2026 10:30',
    'ts 1764028800000',
    'sizes 36 37 38 39 40 41 42 43 44',
    'Version 2.0.1, build 20261124',
    'Order 3 items on the way',
    'Place Vendôme is lovely',
    'Size: Gold Ring 7',
    'Pay 0.0003369 USD',
    'weight 0,75 kg, 12 x 4 cm',
    'qty 612 345 678 units',
  ])('%s', (text) => {
    expect(maskPii(text)).toBe(text);
  });
});

describe('maskPiiDeep', () => {
  it('masks chat messages and tool calls, including JSON-encoded arguments and escaped characters', () => {
    const request = {
      model: 'gpt-4o-mini',
      messages: [
        { role: 'user', content: 'I am ada@example.com, call +44 20 7946 0958' },
        {
          role: 'assistant',
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'find_orders', arguments: '{"email":"bob\\u0040example.com","limit":5}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '[{"ship_to":"12 Main Street","card_last4":"1111"}]' },
      ],
    };
    expect(maskPiiDeep(request)).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'user', content: 'I am [EMAIL], call [PHONE]' },
        {
          role: 'assistant',
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'find_orders', arguments: '{"email":"[EMAIL]","limit":5}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '[{"ship_to":"[ADDRESS]","card_last4":"1111"}]' },
      ],
    });
  });

  it('masks keys, keeping colliding keys apart, and numbers that are cards or phones', () => {
    expect(maskPiiDeep({ 'ada@example.com': 1, 'bob@example.com': 2, pan: 4111111111111111, qty: 3 })).toEqual({
      '[EMAIL]': 1,
      '[EMAIL] #2': 2,
      pan: '[CARD]',
      qty: 3,
    });
  });

  it('leaves null, booleans and fractions as they are, and cuts absurd nesting', () => {
    expect(maskPiiDeep({ a: null, b: true, c: 0.5 })).toEqual({ a: null, b: true, c: 0.5 });
    let deep: unknown = 'ada@example.com';
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(JSON.stringify(maskPiiDeep(deep))).not.toContain('ada@example.com');
  });

  it('does not change the input', () => {
    const input = { content: 'ada@example.com' };
    maskPiiDeep(input);
    expect(input).toEqual({ content: 'ada@example.com' });
  });
});

describe('maskPii on large inputs', () => {
  // These would take minutes with a backtracking email regex or a quadratic card-window search.
  it('masks an email inside a 400 KB base64-like blob', () => {
    const blob = 'QUJD+/='.repeat(30_000);
    expect(maskPii(`${blob} ada@example.com ${blob}@`)).toBe(`${blob} [EMAIL] ${blob}@`);
  });

  it('handles a run of 100 000 single digits separated by spaces', () => {
    const run = Array.from({ length: 100_000 }, (_, i) => i % 10).join(' ');
    expect(maskPii(run)).toBe(run);
  });
});

describe('luhnValid', () => {
  it.each([
    ['4111111111111111', true],
    ['378282246310005', true],
    ['4111111111111112', false],
    ['4006381333931', false],
  ])('%s → %s', (digits, valid) => {
    expect(luhnValid(digits)).toBe(valid);
  });
});
