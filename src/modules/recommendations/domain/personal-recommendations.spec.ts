import { padWith, recommendFromHistory } from './personal-recommendations';
import { ScoredProduct } from './similarity';

describe('recommendFromHistory', () => {
  const neighbours: Record<string, ScoredProduct[]> = {
    a: [
      { productId: 'b', score: 0.5 },
      { productId: 'x', score: 0.4 },
    ],
    c: [
      { productId: 'x', score: 0.3 },
      { productId: 'a', score: 0.9 },
    ],
  };
  const of = (id: string) => neighbours[id] ?? [];

  it('sums weighted similarities and never suggests excluded products', () => {
    const result = recommendFromHistory(
      [
        { productId: 'a', weight: 1 },
        { productId: 'c', weight: 0.5 },
      ],
      of,
      new Set(['a', 'c']),
      10,
    );
    expect(result.map((r) => r.productId)).toEqual(['x', 'b']);
    expect(result[0].score).toBeCloseTo(0.4 + 0.15, 12);
  });

  it('pads a short list with fallback items it does not hold', () => {
    const padded = padWith(
      [{ productId: 'b', score: 1 }],
      [
        { productId: 'b', score: 9 },
        { productId: 'p', score: 8 },
        { productId: 'q', score: 7 },
      ],
      2,
    );
    expect(padded.map((p) => p.productId)).toEqual(['b', 'p']);
  });
});
