import { incomingQueryAttributes, REDACTED, redactedQuery, redactedUrl } from './http-route';

describe('query redaction on spans', () => {
  it('keeps the names of query parameters and replaces every value', () => {
    expect(redactedQuery('token=secret&email=a%40b.c&flag')).toBe(
      `token=${REDACTED}&email=${REDACTED}&flag=${REDACTED}`,
    );
  });

  it('redacts the query of a full URL, keeping the rest, and leaves a URL without one alone', () => {
    expect(redactedUrl('http://payments:3000/payments/reviews?token=secret#top')).toBe(
      `http://payments:3000/payments/reviews?token=${REDACTED}`,
    );
    expect(redactedUrl('http://payments:3000/payments/reviews')).toBe('http://payments:3000/payments/reviews');
  });
});

describe('incomingQueryAttributes', () => {
  it('gives the server span a url.query without values, and nothing for a URL without a query', () => {
    expect(incomingQueryAttributes('/payments/reviews?token=secret&to=a%40b.c')).toEqual({
      'url.query': `token=${REDACTED}&to=${REDACTED}`,
    });
    expect(incomingQueryAttributes('/payments/reviews')).toEqual({});
    expect(incomingQueryAttributes(undefined)).toEqual({});
  });
});
