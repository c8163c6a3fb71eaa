import { SLUG_PATTERN, slugify } from './slug';

describe('slugify', () => {
  it('makes a readable, URL-safe slug', () => {
    expect(slugify('  Crème Brûlée Mug — 350 ml! ')).toBe('creme-brulee-mug-350-ml');
    expect(slugify('***')).toBe('product');
    expect(slugify('a'.repeat(200)).length).toBe(80);
    expect(SLUG_PATTERN.test(slugify('Hello, World'))).toBe(true);
  });
});
