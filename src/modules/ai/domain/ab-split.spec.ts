import { chooseVersion, splitSalt, stickyBucket } from './ab-split';

const salt = splitSalt('catalog.product-description', 'production');

describe('stickyBucket', () => {
  // Pinned vectors, computed outside this code (sha256sum, and the SQL expression in ab-split.ts on
  // PostgreSQL). If one changes, users change arms mid-experiment: do not "fix" these numbers.
  it.each([
    ['user-1', 2890],
    ['user-2', 7229],
    ['ünïcode-ключ', 3890],
  ])('puts %s in bucket %i', (key, bucket) => {
    expect(stickyBucket(salt, key)).toBe(bucket);
  });

  it('splits two experiments independently (the salt is part of the hash)', () => {
    expect(stickyBucket(splitSalt('catalog.product-description', 'staging'), 'user-1')).not.toBe(2890);
  });
});

describe('chooseVersion', () => {
  const target = { version: 4, split: { version: 5, weightBps: 3000 } };

  it('gives a key the same version every time', () => {
    const first = chooseVersion(target, 'user-1', salt);
    for (let i = 0; i < 5; i++) expect(chooseVersion(target, 'user-1', salt)).toEqual(first);
    expect(first).toEqual({ version: 5, arm: 'split', bucket: 2890 });
    expect(chooseVersion(target, 'user-2', salt)).toEqual({ version: 4, arm: 'main', bucket: 7229 });
  });

  it('sends about the weight of keys to the split version', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `user-${i}`);
    const split = keys.filter((key) => chooseVersion(target, key, salt).arm === 'split').length;
    expect(split / keys.length).toBeGreaterThan(0.28);
    expect(split / keys.length).toBeLessThan(0.32);
  });

  it('only moves keys towards the split version when the weight grows', () => {
    const wider = { version: 4, split: { version: 5, weightBps: 6000 } };
    for (let i = 0; i < 2000; i++) {
      const key = `customer-${i}`;
      if (chooseVersion(target, key, salt).arm === 'split') expect(chooseVersion(wider, key, salt).arm).toBe('split');
    }
  });

  it('uses the main version without a split or without a key', () => {
    expect(chooseVersion({ version: 4 }, 'user-1', salt)).toEqual({ version: 4, arm: 'main', bucket: null });
    expect(chooseVersion(target, undefined, salt)).toEqual({ version: 4, arm: 'main', bucket: null });
    expect(chooseVersion(target, '', salt)).toEqual({ version: 4, arm: 'main', bucket: null });
  });
});
