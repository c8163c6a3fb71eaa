import { ProblemException } from '../../../../platform/http';
import { PromptCache } from './prompt-cache';
import type { LabelResolution } from './prompt-records';

const resolution = (version: number): LabelResolution => ({
  name: 'p',
  label: 'production',
  target: { version },
  versions: [],
});

describe('PromptCache (stale-while-revalidate with bounded staleness)', () => {
  let now = 0;
  const cache = () => new PromptCache({ ttlMs: 1000, maxStaleMs: 5000, now: () => now });
  beforeEach(() => (now = 0));

  it('serves within the TTL without asking, then stale while ONE refresh runs, then the refreshed version', async () => {
    const c = cache();
    let loads = 0;
    let version = 1;
    const load = async () => {
      loads++;
      return resolution(version);
    };
    expect((await c.get('p', 'production', load)).source).toBe('vault');
    now = 999;
    expect(await c.get('p', 'production', load)).toMatchObject({
      source: 'cache',
      resolution: { target: { version: 1 } },
    });
    expect(loads).toBe(1);
    version = 2;
    now = 1500;
    const stale = await Promise.all([c.get('p', 'production', load), c.get('p', 'production', load)]);
    expect(stale.map((s) => [s.source, s.resolution.target.version])).toEqual([
      ['stale', 1],
      ['stale', 1],
    ]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(loads).toBe(2);
    expect(await c.get('p', 'production', load)).toMatchObject({
      source: 'cache',
      resolution: { target: { version: 2 } },
    });
  });

  it('keeps serving while the vault is unreachable, but never past TTL + max staleness', async () => {
    const c = cache();
    await c.get('p', 'production', async () => resolution(1));
    const down = async (): Promise<LabelResolution> => {
      throw new Error('connect ECONNREFUSED');
    };
    now = 5999;
    expect((await c.get('p', 'production', down)).resolution.target.version).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    now = 6000;
    await expect(c.get('p', 'production', down)).rejects.toThrow('ECONNREFUSED');
  });

  it('drops an entry when the vault answers that the label is gone, and forgets a prompt on invalidate', async () => {
    const c = cache();
    await c.get('p', 'production', async () => resolution(1));
    now = 1500;
    await c.get('p', 'production', async () => {
      throw ProblemException.notFound('Prompt p');
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect((await c.get('p', 'production', async () => resolution(3))).source).toBe('vault');
    c.invalidate('p');
    expect((await c.get('p', 'production', async () => resolution(4))).resolution.target.version).toBe(4);
  });
});
