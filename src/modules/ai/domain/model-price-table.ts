import { AiDomainError } from './ai-domain-error';
import { UsageType } from './token-usage';

/**
 * The model price table (after Langfuse's model definitions: a regex on the model name, a start
 * date, prices per usage type). Each row is one price of one model from `effectiveFrom` on; a price
 * change is a NEW row with a later date, so old calls keep the price they were made at.
 *
 * Prices are integers: micro-units of `currency` per 1 000 000 tokens (`$2.50 / 1M` = 2 500 000),
 * exact for any price with up to six decimals per million tokens (ADR 0105).
 * `input` and `output` are required; a missing `cachedInput` or `cacheWrite` price falls back to
 * `input`, a missing `reasoning` price to `output` (how OpenAI and Anthropic bill reasoning today).
 *
 * Which row prices a call (Langfuse's order, made total):
 * 1. rows whose pattern matches the model name and whose `effectiveFrom` ≤ the call's time;
 * 2. admin rows before shipped defaults; 3. the latest `effectiveFrom`; 4. the longer pattern;
 * 5. the smaller id. No row → the call is UNPRICED (flagged), never free.
 * Patterns are JavaScript regexes matched case-insensitively and must be anchored (`^…$`), so
 * `^gpt-4o$` never prices `gpt-4o-mini` by accident.
 */
export interface TokenPrices {
  readonly input: number;
  readonly output: number;
  readonly cachedInput?: number;
  readonly cacheWrite?: number;
  readonly reasoning?: number;
}

export interface ModelPrice {
  readonly id: string;
  /** Display name of the model family, e.g. `gpt-4o-mini`. */
  readonly modelName: string;
  /** Anchored regex source, e.g. `^gpt-4o-mini(-\d{4}-\d{2}-\d{2})?$`. */
  readonly matchPattern: string;
  readonly effectiveFrom: Date;
  /** ISO 4217 code, e.g. `USD`. */
  readonly currency: string;
  readonly prices: TokenPrices;
  readonly source: 'default' | 'admin';
}

export const MODEL_NAME_MAX_LENGTH = 200;

/** Every usage type's price, with the documented fallbacks applied. */
export function effectivePrices(prices: TokenPrices): Readonly<Record<UsageType, number>> {
  return {
    input: prices.input,
    cachedInput: prices.cachedInput ?? prices.input,
    cacheWrite: prices.cacheWrite ?? prices.input,
    output: prices.output,
    reasoning: prices.reasoning ?? prices.output,
  };
}

/**
 * Checks a row before it is stored.
 * @throws AiDomainError `invalid-model-price` (details.field names the field).
 */
export function checkModelPrice(entry: ModelPrice): void {
  if (!entry.modelName.trim()) invalid('modelName', 'a model name is required');
  if (!entry.matchPattern.startsWith('^') || !entry.matchPattern.endsWith('$')) {
    invalid('matchPattern', 'the pattern must be anchored: start with ^ and end with $');
  }
  try {
    compile(entry.matchPattern);
  } catch {
    invalid('matchPattern', `"${entry.matchPattern}" is not a valid regular expression`);
  }
  if (!/^[A-Z]{3}$/.test(entry.currency)) invalid('currency', 'currency must be an ISO 4217 code such as USD');
  if (Number.isNaN(entry.effectiveFrom.getTime())) invalid('effectiveFrom', 'effectiveFrom must be a date');
  for (const [type, price] of Object.entries(entry.prices)) {
    if (price !== undefined && (!Number.isSafeInteger(price) || price < 0)) {
      invalid(`prices.${type}`, 'a price is a non-negative integer of micro-units per 1M tokens');
    }
  }
  if (entry.prices.input === undefined || entry.prices.output === undefined) {
    invalid('prices', 'input and output prices are required');
  }
}

/** The row that prices `model` at `at`, or undefined when the model is unknown then. */
export function findModelPrice(table: readonly ModelPrice[], model: string, at: Date): ModelPrice | undefined {
  if (model.length > MODEL_NAME_MAX_LENGTH) return undefined;
  const candidates = table.filter((row) => row.effectiveFrom <= at && compile(row.matchPattern).test(model));
  return candidates.sort(byPrecedence)[0];
}

/**
 * The highest price of each usage type among the rows in `currency` in force at `at` — what a
 * budget reserves for a call to a model the table does not know yet.
 */
export function conservativePrices(table: readonly ModelPrice[], currency: string, at: Date): TokenPrices | undefined {
  const rows = table.filter((row) => row.currency === currency && row.effectiveFrom <= at);
  if (rows.length === 0) return undefined;
  const all = rows.map((row) => effectivePrices(row.prices));
  const max = (type: UsageType) => Math.max(...all.map((p) => p[type]));
  return {
    input: max('input'),
    cachedInput: max('cachedInput'),
    cacheWrite: max('cacheWrite'),
    output: max('output'),
    reasoning: max('reasoning'),
  };
}

function byPrecedence(a: ModelPrice, b: ModelPrice): number {
  if (a.source !== b.source) return a.source === 'admin' ? -1 : 1;
  if (a.effectiveFrom.getTime() !== b.effectiveFrom.getTime())
    return b.effectiveFrom.getTime() - a.effectiveFrom.getTime();
  if (a.matchPattern.length !== b.matchPattern.length) return b.matchPattern.length - a.matchPattern.length;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const compiled = new Map<string, RegExp>();

function compile(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern, 'iu');
    compiled.set(pattern, regex);
  }
  return regex;
}

function invalid(field: string, message: string): never {
  throw new AiDomainError('invalid-model-price', message, { field });
}
