import { AiDomainError } from './ai-domain-error';
import { createPromptVersion, NewPromptVersion } from './prompt-version';

const now = new Date('2026-11-24T10:00:00Z');

function draft(overrides: Partial<NewPromptVersion> = {}): NewPromptVersion {
  return {
    promptName: 'catalog.product-description',
    template: { type: 'text', text: 'Describe {{title}} for {{audience}}.' },
    variables: ['title', 'audience'],
    settings: { provider: 'openai', model: 'gpt-4o-mini', maxOutputTokens: 400, temperature: 0.7 },
    commitMessage: 'First draft',
    createdBy: 'user-1',
    ...overrides,
  };
}

function errorOf(run: () => unknown): AiDomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof AiDomainError) return error;
    throw error;
  }
  throw new Error('expected an AiDomainError');
}

describe('createPromptVersion', () => {
  it('numbers versions from 1 and sorts the declared variables', () => {
    const first = createPromptVersion(draft(), 0, now);
    expect(first.version).toBe(1);
    expect(first.variables).toEqual(['audience', 'title']);
    expect(first.createdAt).toEqual(now);
    expect(createPromptVersion(draft(), 7, now).version).toBe(8);
  });

  it('is immutable: the version, its template and its settings are frozen, and the input is copied', () => {
    const input = draft({
      template: { type: 'chat', messages: [{ role: 'user', content: 'Hi {{title}} {{audience}}' }] },
    });
    const version = createPromptVersion(input, 0, now);
    expect(Object.isFrozen(version)).toBe(true);
    expect(Object.isFrozen(version.settings)).toBe(true);
    expect(() => ((version.template as { type: string }).type = 'text')).toThrow(TypeError);
    (input.template as unknown as { messages: { content: string }[] }).messages[0].content = 'changed';
    expect(version.template).toEqual({
      type: 'chat',
      messages: [{ role: 'user', content: 'Hi {{title}} {{audience}}' }],
    });
  });

  it('refuses a variable used but not declared, naming it', () => {
    const error = errorOf(() => createPromptVersion(draft({ variables: ['title'] }), 0, now));
    expect(error.code).toBe('undeclared-variable');
    expect(error.details).toEqual({ undeclared: ['audience'] });
  });

  it('refuses a declared variable the template does not use', () => {
    const error = errorOf(() => createPromptVersion(draft({ variables: ['title', 'audience', 'tone'] }), 0, now));
    expect(error.code).toBe('unused-variable');
    expect(error.details).toEqual({ unused: ['tone'] });
  });

  it('refuses a malformed placeholder at creation', () => {
    const template = { type: 'text' as const, text: 'Describe {{ product title }}' };
    expect(errorOf(() => createPromptVersion(draft({ template, variables: [] }), 0, now)).code).toBe(
      'malformed-placeholder',
    );
  });

  it.each([
    ['promptName', { promptName: 'Catalog Description' }],
    ['promptName', { promptName: 'catalog..x' }],
    ['commitMessage', { commitMessage: '   ' }],
    ['createdBy', { createdBy: '' }],
    ['settings.model', { settings: { provider: 'openai', model: '', maxOutputTokens: 10 } }],
    ['settings.maxOutputTokens', { settings: { provider: 'openai', model: 'm', maxOutputTokens: 0 } }],
    ['settings.maxOutputTokens', { settings: { provider: 'openai', model: 'm', maxOutputTokens: 1.5 } }],
    ['settings.temperature', { settings: { provider: 'openai', model: 'm', maxOutputTokens: 9, temperature: 3 } }],
    ['settings.topP', { settings: { provider: 'openai', model: 'm', maxOutputTokens: 9, topP: 0 } }],
  ])('refuses a bad %s', (field, overrides) => {
    const error = errorOf(() => createPromptVersion(draft(overrides as Partial<NewPromptVersion>), 0, now));
    expect(error.code).toBe('invalid-prompt-version');
    expect(error.details).toEqual({ field });
  });
});
