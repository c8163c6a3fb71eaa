import { FieldError, ProblemException } from '../../../../platform/http';
import { promotionDefinitionErrors } from '../../domain/promotion-definition';
import { normalizePromotionCode, Promotion, PromotionBenefit, PromotionScope } from '../../domain/promotion';

/** A benefit as an admin sends it: `type` and its own field. */
export interface BenefitInput {
  readonly type: 'percentage' | 'fixed-amount' | 'free-shipping';
  readonly ratePpm?: number;
  readonly amounts?: Readonly<Record<string, number>>;
}

/** The editable fields of a promotion; `undefined` keeps what is there (for an edit) or the default. */
export interface PromotionFields {
  readonly code?: string | null;
  readonly benefit?: BenefitInput;
  readonly conditions?: {
    readonly minimumSubtotal?: Readonly<Record<string, number>> | null;
    readonly scope?: PromotionScope | null;
    readonly firstOrderOnly?: boolean;
  };
  readonly startsAt?: string | null;
  readonly endsAt?: string | null;
  readonly limits?: { readonly totalRedemptions?: number | null; readonly perCustomer?: number | null };
  readonly disabled?: boolean;
  readonly combinable?: boolean;
}

const MAX_CURRENCIES = 50;
/** Limits are stored as PostgreSQL `integer`. */
const MAX_LIMIT = 2_147_483_647;

/** The domain's benefit from the request's (a missing field of its type is left for the rules to name). */
export function toBenefit(input: BenefitInput): PromotionBenefit {
  switch (input.type) {
    case 'percentage':
      return { type: 'percentage', ratePpm: input.ratePpm ?? 0 };
    case 'fixed-amount':
      return { type: 'fixed-amount', amounts: { ...(input.amounts ?? {}) } };
    case 'free-shipping':
      return { type: 'free-shipping' };
  }
}

/** A code as typed, in canonical form (upper case), or as typed when it cannot be a code (the rules name it). */
export function canonicalCode(code: string | null): string | null {
  return code === null ? null : (normalizePromotionCode(code) ?? code);
}

/** `fields` applied over `base`: what is sent replaces, what is not stays. */
export function withFields(base: Promotion, fields: PromotionFields): Promotion {
  const date = (value: string | null | undefined, current: Date | null) =>
    value === undefined ? current : value === null ? null : new Date(value);
  return {
    ...base,
    code: fields.code === undefined ? base.code : canonicalCode(fields.code),
    benefit: fields.benefit ? toBenefit(fields.benefit) : base.benefit,
    conditions: { ...base.conditions, ...defined(fields.conditions ?? {}) },
    startsAt: date(fields.startsAt, base.startsAt),
    endsAt: date(fields.endsAt, base.endsAt),
    limits: { ...base.limits, ...defined(fields.limits ?? {}) },
    disabled: fields.disabled ?? base.disabled,
    combinable: fields.combinable ?? base.combinable,
  };
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Throws a 400 validation problem naming every field of the definition the rules refuse. */
export function assertValidDefinition(promotion: Promotion, benefit: BenefitInput | undefined): void {
  const errors = promotionDefinitionErrors(promotion).map((e) => new FieldError(e.field, e.message));
  if (benefit?.type === 'percentage' && benefit.ratePpm === undefined) {
    errors.push(new FieldError('benefit.ratePpm', 'is required for a percentage'));
  }
  if (benefit?.type === 'fixed-amount' && benefit.amounts === undefined) {
    errors.push(new FieldError('benefit.amounts', 'is required for a fixed amount'));
  }
  // A field of another type would be dropped silently (`{type: "fixed-amount", ratePpm}` is no percentage).
  if (benefit !== undefined && benefit.type !== 'percentage' && benefit.ratePpm !== undefined) {
    errors.push(new FieldError('benefit.ratePpm', 'belongs to a percentage only'));
  }
  if (benefit !== undefined && benefit.type !== 'fixed-amount' && benefit.amounts !== undefined) {
    errors.push(new FieldError('benefit.amounts', 'belongs to a fixed amount only'));
  }
  const maps: [string, Readonly<Record<string, number>> | null][] = [
    ['conditions.minimumSubtotal', promotion.conditions.minimumSubtotal],
    ['benefit.amounts', promotion.benefit.type === 'fixed-amount' ? promotion.benefit.amounts : null],
  ];
  for (const [field, map] of maps) {
    if (map && Object.keys(map).length > MAX_CURRENCIES) {
      errors.push(new FieldError(field, `may name at most ${MAX_CURRENCIES} currencies`));
    }
  }
  for (const [field, limit] of Object.entries(promotion.limits)) {
    if (typeof limit === 'number' && limit > MAX_LIMIT) {
      errors.push(new FieldError(`limits.${field}`, `must be at most ${MAX_LIMIT}`));
    }
  }
  for (const [field, date] of [
    ['startsAt', promotion.startsAt],
    ['endsAt', promotion.endsAt],
  ] as const) {
    if (date && Number.isNaN(date.getTime())) errors.push(new FieldError(field, 'must be an ISO 8601 instant'));
  }
  if (errors.length > 0) throw ProblemException.validation(errors, 'The promotion definition is invalid.');
}

/** A code another promotion has: the unique index refused it. */
export function codeTaken(error: unknown, code: string | null): unknown {
  const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
  if (constraint !== 'promotions_code_idx') return error;
  return ProblemException.conflict('promotion-code-taken', `Another promotion has the code ${code}.`, { code });
}
