import { describeError, messageOf } from './describe-error';

describe('describeError', () => {
  it('names an Error by its class and message, anything else as a string', () => {
    expect(describeError(new TypeError('bad'))).toBe('TypeError: bad');
    expect(describeError('plain')).toBe('plain');
    expect(messageOf(new RangeError('too big'))).toBe('too big');
    expect(messageOf(42)).toBe('42');
  });
});
