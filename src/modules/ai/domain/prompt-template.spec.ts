import { AiDomainError } from './ai-domain-error';
import { PromptTemplate, renderTemplate, templateVariables } from './prompt-template';

const text = (t: string): PromptTemplate => ({ type: 'text', text: t });

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AiDomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe('templateVariables', () => {
  it('lists the names used, sorted and once, with or without spaces inside the braces', () => {
    expect(templateVariables(text('{{ title }} by {{brand}}: {{title}}'))).toEqual(['brand', 'title']);
  });

  it('reads every message of a chat template', () => {
    const chat: PromptTemplate = {
      type: 'chat',
      messages: [
        { role: 'system', content: 'You write for {{shop}}.' },
        { role: 'user', content: 'Describe {{product}}.' },
      ],
    };
    expect(templateVariables(chat)).toEqual(['product', 'shop']);
  });

  it.each([
    ['a space inside the name', 'Hi {{ product name }}'],
    ['a leading digit', 'Hi {{1st}}'],
    ['empty braces', 'Hi {{}}'],
    ['a dotted path', 'Hi {{user.name}}'],
    ['an unclosed brace pair', 'Hi {{name'],
  ])('refuses a malformed placeholder: %s', (_case, source) => {
    expect(codeOf(() => templateVariables(text(source)))).toBe('malformed-placeholder');
  });

  it('leaves single braces and closing pairs alone (JSON examples in a prompt)', () => {
    expect(templateVariables(text('Answer as {"a": {"b": {{value}}}}'))).toEqual(['value']);
  });

  it('refuses empty text, an empty chat and unknown roles', () => {
    expect(codeOf(() => templateVariables(text('  ')))).toBe('invalid-template');
    expect(codeOf(() => templateVariables({ type: 'chat', messages: [] }))).toBe('invalid-template');
    const badRole = { type: 'chat', messages: [{ role: 'tool', content: 'x' }] } as unknown as PromptTemplate;
    expect(codeOf(() => templateVariables(badRole))).toBe('invalid-template');
  });
});

describe('renderTemplate', () => {
  it('fills a text template', () => {
    const result = renderTemplate(text('Describe {{ title }} in {{words}} words.'), ['title', 'words'], {
      title: 'Linen shirt',
      words: 80,
    });
    expect(result.prompt).toEqual({ type: 'text', text: 'Describe Linen shirt in 80 words.' });
    expect(result.ignoredVariables).toEqual([]);
  });

  it('fills every message of a chat template and keeps the roles', () => {
    const chat: PromptTemplate = {
      type: 'chat',
      messages: [
        { role: 'system', content: 'Shop: {{shop}}' },
        { role: 'user', content: 'Is {{sku}} in stock? {{shop}} asks.' },
      ],
    };
    expect(renderTemplate(chat, ['shop', 'sku'], { shop: 'Arcade', sku: 'TEE-1' }).prompt).toEqual({
      type: 'chat',
      messages: [
        { role: 'system', content: 'Shop: Arcade' },
        { role: 'user', content: 'Is TEE-1 in stock? Arcade asks.' },
      ],
    });
  });

  it('names every missing variable instead of printing nothing', () => {
    try {
      renderTemplate(text('{{a}} {{b}} {{c}}'), ['a', 'b', 'c'], { a: 'x', b: null });
      throw new Error('expected a missing-variable error');
    } catch (error) {
      expect(error).toBeInstanceOf(AiDomainError);
      expect((error as AiDomainError).code).toBe('missing-variable');
      expect((error as AiDomainError).details).toEqual({ missing: ['b', 'c'] });
      expect((error as Error).message).toContain('{{b}}');
    }
  });

  it('accepts an empty string as a value (present, not missing)', () => {
    expect(renderTemplate(text('[{{note}}]'), ['note'], { note: '' }).prompt).toEqual({ type: 'text', text: '[]' });
  });

  it('ignores and reports extra values the version does not declare', () => {
    const result = renderTemplate(text('Hi {{name}}'), ['name'], { name: 'Ada', tone: 'warm', audience: 'kids' });
    expect(result.prompt).toEqual({ type: 'text', text: 'Hi Ada' });
    expect(result.ignoredVariables).toEqual(['audience', 'tone']);
  });

  it('never re-expands a value that contains a placeholder', () => {
    const result = renderTemplate(text('Q: {{question}} / A: {{answer}}'), ['answer', 'question'], {
      question: 'what is {{answer}}?',
      answer: '42 {{question}}',
    });
    expect(result.prompt).toEqual({ type: 'text', text: 'Q: what is {{answer}}? / A: 42 {{question}}' });
  });

  it('inserts replacement patterns such as $& and $1 literally', () => {
    const result = renderTemplate(text('Price: {{price}}'), ['price'], { price: "$& $1 $$ $'" });
    expect(result.prompt).toEqual({ type: 'text', text: "Price: $& $1 $$ $'" });
  });

  it.each([
    ['an object', { nested: true }],
    ['an array', ['a']],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('refuses %s as a value', (_case, value) => {
    const values = { v: value } as unknown as Record<string, string>;
    expect(codeOf(() => renderTemplate(text('{{v}}'), ['v'], values))).toBe('invalid-variable-value');
  });

  it('refuses a placeholder that was not declared rather than rendering it empty', () => {
    expect(codeOf(() => renderTemplate(text('{{a}} {{b}}'), ['a'], { a: 'x', b: 'y' }))).toBe('undeclared-variable');
  });
});
