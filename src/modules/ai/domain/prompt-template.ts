import { AiDomainError } from './ai-domain-error';

/**
 * Prompt templates: a text template (one string) or a chat template (a list of messages), with
 * `{{variable}}` placeholders. The only special syntax is `{{ name }}` where `name` is an identifier
 * (`[A-Za-z_][A-Za-z0-9_]*`, spaces inside the braces allowed). Anything else between `{{` and `}}`,
 * or an unclosed `{{`, is a malformed placeholder and refused when the version is created, so a typo
 * such as `{{ product name }}` never reaches a model as literal text. A prompt that needs a literal
 * `{{` gets it through a variable: values are inserted in one pass and never re-expanded.
 *
 * Variables are declared per version (see prompt-version.ts): the declared set must equal the set the
 * template uses. On render:
 * - a declared variable with no value (absent, `null` or `undefined`) is an error naming it;
 * - a value must be a string, a finite number or a boolean (objects are refused: serialise them
 *   yourself, so the prompt author decides the format);
 * - extra values the version does not declare are IGNORED and reported in `ignoredVariables`.
 *   A caller renders whatever version a label points at, and a label moves (rollback, A/B split)
 *   without the caller changing; refusing extras would break a caller the moment a label moved to a
 *   version that dropped a variable. The gateway logs the ignored names.
 */
export type ChatRole = 'system' | 'developer' | 'user' | 'assistant';

export interface ChatMessage {
  readonly role: ChatRole;
  readonly content: string;
}

export type PromptTemplate =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'chat'; readonly messages: readonly ChatMessage[] };

/** The same shapes after rendering: no placeholders left. */
export type RenderedPrompt = PromptTemplate;

export type VariableValue = string | number | boolean;
export type VariableValues = Readonly<Record<string, VariableValue | null | undefined>>;

export interface RenderResult {
  readonly prompt: RenderedPrompt;
  /** Names passed by the caller that this version does not declare, sorted. */
  readonly ignoredVariables: readonly string[];
}

export const CHAT_ROLES: readonly ChatRole[] = ['system', 'developer', 'user', 'assistant'];
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const BRACES = /\{\{([^{}]*)\}\}/g;

/** The texts of a template, in order (one for text, one per message for chat). */
function textsOf(template: PromptTemplate): readonly string[] {
  return template.type === 'text' ? [template.text] : template.messages.map((m) => m.content);
}

/**
 * The variable names a template uses, sorted and without duplicates.
 * @throws AiDomainError `malformed-placeholder` for `{{…}}` that is not `{{ identifier }}` or an unclosed `{{`.
 */
export function templateVariables(template: PromptTemplate): string[] {
  assertShape(template);
  const names = new Set<string>();
  for (const text of textsOf(template)) {
    for (const match of text.matchAll(BRACES)) {
      const name = match[1].trim();
      if (!IDENTIFIER.test(name)) {
        throw new AiDomainError('malformed-placeholder', `"${match[0]}" is not a {{variable}} placeholder`, {
          placeholder: match[0],
        });
      }
      names.add(name);
    }
    if (text.replace(BRACES, '').includes('{{')) {
      throw new AiDomainError('malformed-placeholder', 'the template has a "{{" that is not closed by "}}"');
    }
  }
  return [...names].sort();
}

/**
 * Renders a template whose variables were checked at version creation (`declared`).
 * @throws AiDomainError `missing-variable` (details.missing lists every missing name) or `invalid-variable-value`.
 */
export function renderTemplate(
  template: PromptTemplate,
  declared: readonly string[],
  values: VariableValues,
): RenderResult {
  const missing = declared.filter((name) => values[name] === undefined || values[name] === null);
  if (missing.length > 0) {
    throw new AiDomainError('missing-variable', `missing value for ${missing.map((n) => `{{${n}}}`).join(', ')}`, {
      missing,
    });
  }
  const text = new Map(declared.map((name) => [name, printable(name, values[name])]));
  const fill = (source: string) => source.replace(BRACES, (_match, inner: string) => valueFor(text, inner.trim()));
  const prompt: RenderedPrompt =
    template.type === 'text'
      ? { type: 'text', text: fill(template.text) }
      : { type: 'chat', messages: template.messages.map((m) => ({ role: m.role, content: fill(m.content) })) };
  const declaredSet = new Set(declared);
  const ignoredVariables = Object.keys(values)
    .filter((name) => !declaredSet.has(name))
    .sort();
  return { prompt, ignoredVariables };
}

function valueFor(text: ReadonlyMap<string, string>, name: string): string {
  const value = text.get(name);
  if (value === undefined) {
    throw new AiDomainError('undeclared-variable', `{{${name}}} is used but not declared`, { undeclared: [name] });
  }
  return value;
}

function printable(name: string, value: unknown): string {
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new AiDomainError(
    'invalid-variable-value',
    `{{${name}}} must be a string, a finite number or a boolean; got ${describe(value)}`,
    { variable: name },
  );
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

function assertShape(template: PromptTemplate): void {
  if (template.type === 'text') {
    if (typeof template.text !== 'string' || template.text.trim() === '') {
      throw new AiDomainError('invalid-template', 'a text template needs non-empty text');
    }
    return;
  }
  if (!Array.isArray(template.messages) || template.messages.length === 0) {
    throw new AiDomainError('invalid-template', 'a chat template needs at least one message');
  }
  template.messages.forEach((message, index) => {
    if (!CHAT_ROLES.includes(message.role)) {
      throw new AiDomainError('invalid-template', `message ${index} has role "${String(message.role)}"`, { index });
    }
    if (typeof message.content !== 'string' || message.content.trim() === '') {
      throw new AiDomainError('invalid-template', `message ${index} has no content`, { index });
    }
  });
}
