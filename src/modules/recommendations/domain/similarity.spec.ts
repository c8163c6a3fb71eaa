import { CoOccurrenceModel } from './co-occurrence-model';
import { cosineSimilarity, rankNeighbours } from './similarity';

describe('cosine similarity', () => {
  it('is |A∩B| / sqrt(|A|·|B|)', () => {
    expect(cosineSimilarity(2, 4, 9)).toBeCloseTo(2 / 6, 12);
    expect(cosineSimilarity(3, 3, 3)).toBe(1);
  });

  it('is 0 without co-occurrence or occurrences', () => {
    expect(cosineSimilarity(0, 4, 9)).toBe(0);
    expect(cosineSimilarity(1, 0, 9)).toBe(0);
  });

  it('ranks by score, then by id, and keeps the top n', () => {
    const ranked = rankNeighbours(
      4,
      [
        { productId: 'c', together: 1, occurrences: 4 }, // 0.25
        { productId: 'b', together: 2, occurrences: 1 }, // 1
        { productId: 'a', together: 1, occurrences: 4 }, // 0.25
        { productId: 'z', together: 0, occurrences: 4 }, // dropped
      ],
      2,
    );
    expect(ranked).toEqual([
      { productId: 'b', score: 1 },
      { productId: 'a', score: 0.25 },
    ]);
  });
});

describe('CoOccurrenceModel', () => {
  it('counts distinct products once per basket, weighted', () => {
    const model = new CoOccurrenceModel();
    model.addBasket(['a', 'b', 'a'], 1);
    model.addBasket(['a', 'c'], 0.5);
    expect(model.occurrencesOf('a')).toBe(1.5);
    expect(model.togetherCount('a', 'b')).toBe(1);
    expect(model.togetherCount('b', 'a')).toBe(1);
    expect(model.togetherCount('a', 'c')).toBe(0.5);
    expect(model.togetherCount('b', 'c')).toBe(0);
  });

  it('ranks products bought together above a product that is in every basket', () => {
    const model = new CoOccurrenceModel();
    for (let i = 0; i < 5; i++) model.addBasket(['tent', 'pegs', 'bag'], 1);
    for (let i = 0; i < 40; i++) model.addBasket([`other-${i}`, 'bag'], 1);
    const neighbours = model.neighboursOf('tent', 10).map((n) => n.productId);
    expect(neighbours).toEqual(['pegs', 'bag']);
    expect(model.neighboursOf('tent', 10)[0].score).toBe(1);
  });
});
