import fc from 'fast-check';
import { luhnValid } from './card-numbers';
import { maskPii, maskPiiDeep } from './pii-masking';

/**
 * Seeded PII must never survive masking, wherever it sits in text or JSON. The runs are seeded
 * (deterministic in CI); a failure prints the counterexample and its seed.
 */
const RUNS = { seed: 20261124, numRuns: 400 };

const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));

const withLuhnDigit = (body: string) => [...'0123456789'].map((d) => body + d).find(luhnValid) as string;

const card = fc
  .tuple(
    fc.constantFrom('4', '51', '55', '37', '6011', '35'),
    fc.integer({ min: 13, max: 19 }),
    fc.constantFrom('', ' ', '-'),
  )
  .chain(([prefix, length, sep]) =>
    digits(length - prefix.length - 1, length - prefix.length - 1).map((body) => {
      const number = withLuhnDigit(prefix + body);
      return { text: sep && length === 16 ? number.match(/.{4}/g)!.join(sep) : number, digits: number };
    }),
  );

const grouped = (number: string, sizes: readonly number[], sep: string) => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(number.slice(at, at + size));
    at += size;
  }
  if (at < number.length) parts.push(number.slice(at));
  return parts.filter(Boolean).join(sep);
};

const internationalPhone = fc
  .tuple(
    fc.integer({ min: 1, max: 999 }),
    digits(7, 12),
    fc.constantFrom(' ', '-', '.', ''),
    fc.constantFrom('+', '00'),
  )
  .filter(([cc, rest]) => String(cc).length + rest.length <= 15 && String(cc).length + rest.length >= 8)
  .map(([cc, rest, sep, plus]) => ({ text: `${plus}${cc} ${grouped(rest, [3, 4, 4], sep)}`, digits: `${cc}${rest}` }));

const nationalPhone = fc
  .tuple(
    fc.integer({ min: 1, max: 9 }),
    digits(7, 10),
    fc.constantFrom(' ', '-', '.', ''),
    fc.constantFrom([2, 2, 2, 2], [3, 4, 4], [4, 6]),
  )
  .map(([area, rest, sep, sizes]) => {
    const number = `0${area}${rest}`;
    return { text: grouped(number, sizes, sep), digits: number };
  });

const northAmericanPhone = fc
  .tuple(digits(3, 3), digits(3, 3), digits(4, 4), fc.constantFrom('(a) b-c', 'a-b-c', 'a.b.c', 'a b c', '(a)b-c'))
  .map(([a, b, c, shape]) => ({ text: shape.replace('a', a).replace('b', b).replace('c', c), digits: a + b + c }));

const name = fc
  .tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPRSTVWÉÖ'), fc.stringMatching(/^[a-zäöüéèíóñ]{2,9}$/))
  .map(([first, rest]) => first + rest);
const house = fc.integer({ min: 1, max: 9999 }).map(String);
const address = fc.oneof(
  fc
    .tuple(
      house,
      fc.array(name, { minLength: 1, maxLength: 3 }),
      fc.constantFrom('Street', 'Road', 'Avenue', 'Lane', 'Drive', 'St', 'Rd'),
    )
    .map(([n, words, type]) => `${n} ${words.join(' ')} ${type}`),
  fc
    .tuple(
      house,
      fc.constantFrom('rue', 'avenue', 'boulevard', 'Rue', 'place'),
      fc.constantFrom('', 'de la ', 'des ', 'du ', "d'"),
      name,
    )
    .map(([n, type, link, street]) => `${n} ${type} ${link}${street}`),
  fc
    .tuple(
      fc.constantFrom('Rue', 'Calle', 'Via', 'Avenida', 'Rua', 'Piazza'),
      fc.constantFrom('', 'de ', 'del ', 'della '),
      name,
      house,
    )
    .map(([type, link, street, n]) => `${type} ${link}${street} ${n}`),
  fc
    .tuple(
      name,
      fc.constantFrom('straße', 'strasse', 'weg', 'gasse', 'straat', 'gracht', 'allee'),
      house,
      fc.constantFrom('', 'a', 'b'),
    )
    .map(([stem, suffix, n, letter]) => `${stem}${suffix} ${n}${letter}`),
);

const email = fc.emailAddress();
const filler = fc.lorem({ maxCount: 6 });
const before = fc.constantFrom(' ', '\n', ', ', ' (', ': ', ' "', ' <', '\t');
const after = fc.constantFrom(' ', '\n', ', ', ') ', '. ', '" ', '> ', ';', '!');

const inText = <T>(pii: fc.Arbitrary<T>) => fc.tuple(filler, before, pii, after, filler);
const digitsOf = (text: string) => text.replace(/\D/g, '');

describe('seeded PII never survives in text', () => {
  it('emails', () => {
    fc.assert(
      fc.property(inText(email), ([a, b, pii, c, d]) => !maskPii(`${a}${b}${pii}${c}${d}`).includes(pii)),
      RUNS,
    );
  });

  it('card numbers (Luhn-valid, plain or grouped)', () => {
    fc.assert(
      fc.property(
        inText(card),
        ([a, b, pii, c, d]) => !digitsOf(maskPii(`${a}${b}${pii.text}${c}${d}`)).includes(pii.digits),
      ),
      RUNS,
    );
  });

  it('phone numbers: international, national with trunk 0, North American', () => {
    fc.assert(
      fc.property(inText(fc.oneof(internationalPhone, nationalPhone, northAmericanPhone)), ([a, b, pii, c, d]) => {
        return !digitsOf(maskPii(`${a}${b}${pii.text}${c}${d}`)).includes(pii.digits);
      }),
      RUNS,
    );
  });

  it('street addresses', () => {
    fc.assert(
      fc.property(inText(address), ([a, b, pii, c, d]) => {
        const masked = maskPii(`${a}${b}${pii}${c}${d}`);
        return !masked.includes(pii) && masked.includes('[ADDRESS]');
      }),
      RUNS,
    );
  });

  it('all kinds at once, in any order', () => {
    const any = fc.oneof(
      email,
      card.map((c) => c.text),
      internationalPhone.map((p) => p.text),
      address,
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(filler, before, any, after), { minLength: 1, maxLength: 6 }), (parts) => {
        const masked = maskPii(parts.map(([f, b, pii, a]) => `${f}${b}${pii}${a}`).join(''));
        return parts.every(([, , pii]) => !masked.includes(pii));
      }),
      RUNS,
    );
  });
});

describe('seeded PII never survives in JSON', () => {
  it('in chat messages, tool arguments (JSON strings) and tool results, keys included', () => {
    const pii = fc.oneof(
      email,
      card.map((c) => c.digits),
      internationalPhone.map((p) => p.text),
      address,
    );
    fc.assert(
      fc.property(pii, filler, fc.constantFrom('content', 'arguments', 'result', 'key'), (secret, text, where) => {
        const payload = {
          messages: [{ role: 'user', content: where === 'content' ? `${text} ${secret}` : text }],
          tool_calls: [
            { function: { name: 'lookup', arguments: JSON.stringify(where === 'arguments' ? { q: secret } : {}) } },
          ],
          tool_result: where === 'result' ? [{ rows: [{ value: secret }] }] : [],
          index: where === 'key' ? { [secret]: 1 } : {},
        };
        const stored = JSON.stringify(maskPiiDeep(payload));
        return !stored.includes(secret) && !stored.includes(JSON.stringify(secret).slice(1, -1));
      }),
      RUNS,
    );
  });
});
