import { AiDomainError } from './ai-domain-error';
import { Actor, LabelMoveRequest, moveLabel, PromptLabels, resolveLabel } from './prompt-labels';

const admin: Actor = { id: 'admin-1', roles: ['admin'] };
const editor: Actor = { id: 'editor-1', roles: ['ai-editor'] };
const at = new Date('2026-11-24T12:00:00Z');
const versions = [1, 2, 3];
const labels: PromptLabels = { production: { version: 2 }, staging: { version: 3 } };

function move(request: Partial<LabelMoveRequest> & Pick<LabelMoveRequest, 'label' | 'to'>, current = labels) {
  return moveLabel('catalog.product-description', current, versions, { actor: admin, at, ...request });
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AiDomainError) return error.code;
    throw error;
  }
  throw new Error('expected an AiDomainError');
}

describe('moveLabel', () => {
  it('rolls production back and records who, when, from and to', () => {
    const result = move({ label: 'production', to: { version: 1 }, reason: ' v2 rambles ' });
    expect(result.labels).toEqual({ production: { version: 1 }, staging: { version: 3 } });
    expect(result.move).toEqual({
      promptName: 'catalog.product-description',
      label: 'production',
      from: { version: 2 },
      to: { version: 1 },
      movedBy: 'admin-1',
      movedAt: at,
      reason: 'v2 rambles',
    });
    expect(labels.production).toEqual({ version: 2 });
  });

  it('lets a non-admin move an unprotected label, and creates custom labels', () => {
    expect(move({ label: 'staging', to: { version: 1 }, actor: editor }).labels.staging).toEqual({ version: 1 });
    const created = move({ label: 'tenant-b', to: { version: 3 }, actor: editor });
    expect(created.move).toMatchObject({ label: 'tenant-b', from: null, to: { version: 3 }, movedBy: 'editor-1' });
  });

  it('refuses a non-admin on production, to move or to remove it', () => {
    expect(codeOf(() => move({ label: 'production', to: { version: 3 }, actor: editor }))).toBe('protected-label');
    expect(codeOf(() => move({ label: 'production', to: null, actor: editor }))).toBe('protected-label');
  });

  it('honours a configured protected-label list', () => {
    const run = () =>
      moveLabel('p', labels, versions, { label: 'staging', to: { version: 1 }, actor: editor, at }, ['staging']);
    expect(codeOf(run)).toBe('protected-label');
  });

  it('refuses to move latest, which moves by itself', () => {
    expect(codeOf(() => move({ label: 'latest', to: { version: 1 } }))).toBe('reserved-label');
  });

  it('refuses unknown versions, bad names and removing a label that does not exist', () => {
    expect(codeOf(() => move({ label: 'production', to: { version: 9 } }))).toBe('unknown-version');
    expect(codeOf(() => move({ label: 'Prod Label', to: { version: 1 } }))).toBe('invalid-label');
    expect(codeOf(() => move({ label: 'canary', to: null }))).toBe('unknown-label');
  });

  it('removes a label with an audit record whose to is null', () => {
    const result = move({ label: 'staging', to: null });
    expect(result.labels).toEqual({ production: { version: 2 } });
    expect(result.move).toMatchObject({ label: 'staging', from: { version: 3 }, to: null });
  });

  it('records nothing for a move to the current target', () => {
    const result = move({ label: 'production', to: { version: 2 } });
    expect(result.move).toBeNull();
    expect(result.labels).toBe(labels);
  });

  it('starts, changes and ends an A/B split as audited moves', () => {
    const started = move({ label: 'production', to: { version: 2, split: { version: 3, weightBps: 1000 } } });
    expect(started.move?.to).toEqual({ version: 2, split: { version: 3, weightBps: 1000 } });
    const widened = move(
      { label: 'production', to: { version: 2, split: { version: 3, weightBps: 5000 } } },
      started.labels,
    );
    expect(widened.move?.from).toEqual({ version: 2, split: { version: 3, weightBps: 1000 } });
    const ended = move({ label: 'production', to: { version: 3 } }, widened.labels);
    expect(ended.labels.production).toEqual({ version: 3 });
  });

  it.each([
    ['the same version twice', { version: 2, split: { version: 2, weightBps: 100 } }, 'invalid-split'],
    ['a zero weight', { version: 2, split: { version: 3, weightBps: 0 } }, 'invalid-split'],
    ['a full weight', { version: 2, split: { version: 3, weightBps: 10_000 } }, 'invalid-split'],
    ['a fractional weight', { version: 2, split: { version: 3, weightBps: 12.5 } }, 'invalid-split'],
    ['an unknown split version', { version: 2, split: { version: 7, weightBps: 100 } }, 'unknown-version'],
  ])('refuses a split with %s', (_case, to, code) => {
    expect(codeOf(() => move({ label: 'staging', to }))).toBe(code);
  });
});

describe('resolveLabel', () => {
  it('resolves latest to the newest version without storing it', () => {
    expect(resolveLabel(labels, 'latest', 3)).toEqual({ version: 3 });
    expect(resolveLabel(labels, 'production', 3)).toEqual({ version: 2 });
  });

  it('refuses an unknown label and latest of a prompt without versions', () => {
    expect(codeOf(() => resolveLabel(labels, 'canary', 3))).toBe('unknown-label');
    expect(codeOf(() => resolveLabel({}, 'latest', 0))).toBe('unknown-label');
  });
});
