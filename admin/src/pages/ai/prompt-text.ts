import type { PromptTemplate, PromptVersion } from './ai-api';

const BRACES = /\{\{([^{}]*)\}\}/g;

/**
 * The `{{ variable }}` names a template uses, sorted, without duplicates: what a new version must
 * declare. A malformed placeholder is kept as written, so the API's 400 names it.
 */
export function templateVariables(template: PromptTemplate): string[] {
  const texts = template.type === 'text' ? [template.text] : template.messages.map((m) => m.content);
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(BRACES)) names.add(match[1].trim());
  return [...names].sort();
}

/**
 * A version as lines of text, for a diff: the template (a chat message per `[role]` block), then
 * the declared variables and the model settings, one per line.
 */
export function versionText(version: PromptVersion): string {
  const template =
    version.template.type === 'text'
      ? [version.template.text]
      : version.template.messages.map((m) => `[${m.role}]\n${m.content}`);
  const settings = Object.entries(version.settings).map(([key, value]) => `${key}: ${String(value)}`);
  return [...template, '', `variables: ${version.variables.join(', ')}`, ...settings].join('\n') + '\n';
}
