import { escapeHtml, renderTemplate } from './render-template';

describe('renderTemplate', () => {
  it('fills values and nested paths', () => {
    expect(renderTemplate('Hi {{ name }}, order {{order.id}}', { name: 'Ada', order: { id: 'o-1' } })).toBe(
      'Hi Ada, order o-1',
    );
  });

  it('repeats an each block per item, with the outer data still visible', () => {
    const text = renderTemplate('{{#each lines}}- {{title}} x{{quantity}} ({{currency}})\n{{/each}}', {
      currency: 'EUR',
      lines: [
        { title: 'Tee', quantity: 2 },
        { title: 'Mug', quantity: 1 },
      ],
    });
    expect(text).toBe('- Tee x2 (EUR)\n- Mug x1 (EUR)\n');
  });

  it('escapes values for HTML but not the template itself', () => {
    expect(renderTemplate('<p>{{name}}</p>', { name: '<script>"x"&' }, escapeHtml)).toBe(
      '<p>&#60;script&#62;&#34;x&#34;&#38;</p>',
    );
  });

  it('refuses a missing value rather than printing nothing', () => {
    expect(() => renderTemplate('Hi {{nmae}}', { name: 'Ada' })).toThrow(/nmae/);
  });
});
