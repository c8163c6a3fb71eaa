/**
 * A deliberately small template language: `{{ path.to.value }}` and one level of
 * `{{#each list}} … {{/each}}` (inside it, paths resolve against the item first). Values are escaped
 * by the given function (HTML escaping for HTML parts); a missing value is an error, not an empty
 * string, so a typo in a template never sends a broken email silently.
 */
export type TemplateData = Readonly<Record<string, unknown>>;

const EACH = /\{\{#each\s+([\w.]+)\s*\}\}([\s\S]*?)\{\{\/each\}\}/g;
const VALUE = /\{\{\s*([\w.]+)\s*\}\}/g;

export function renderTemplate(
  template: string,
  data: TemplateData,
  escape: (text: string) => string = (t) => t,
): string {
  const withLoops = template.replace(EACH, (_match, path: string, body: string) => {
    const list = lookup(data, path);
    if (!Array.isArray(list)) throw new TemplateError(`{{#each ${path}}} needs a list`);
    return list.map((item: TemplateData) => substitute(body, { ...data, ...item }, escape)).join('');
  });
  return substitute(withLoops, data, escape);
}

function substitute(text: string, data: TemplateData, escape: (text: string) => string): string {
  return text.replace(VALUE, (_match, path: string) => {
    const value = lookup(data, path);
    if (value === undefined || value === null || typeof value === 'object') {
      throw new TemplateError(`{{${path}}} has no printable value`);
    }
    return escape(String(value));
  });
}

function lookup(data: TemplateData, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], data);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export class TemplateError extends Error {
  override name = 'TemplateError';
}
