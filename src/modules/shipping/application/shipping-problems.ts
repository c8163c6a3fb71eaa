import { FieldError as ProblemFieldError, ProblemException } from '../../../platform/http';
import { FieldError, ShippingDomainError, ShippingErrorCode } from '../domain/shipping-domain-error';

/** The HTTP status of each refusal of the shipping rules (docs/modules/shipping.md). */
const STATUS: Readonly<Record<ShippingErrorCode, number>> = {
  'invalid-definition': 400,
  'invalid-cart-context': 400,
  'invalid-shipment-change': 400,
  'shipping-method-unavailable': 409,
  'shipping-method-not-serving-destination': 409,
  'shipping-method-currency-unsupported': 409,
  'shipping-method-weight-exceeded': 409,
  'shipping-price-changed': 409,
  'illegal-shipment-transition': 409,
  'shipment-not-splittable': 409,
  'order-already-dispatched': 409,
};

/**
 * The problem a use case answers for a refusal of the shipping rules: field errors become a 400
 * `validation` problem listing them, every other code its own 4xx problem type with the facts as
 * extensions. Anything else is rethrown as it is.
 */
export function problemOf(error: unknown): unknown {
  if ((error as { driverError?: { constraint?: string } }).driverError?.constraint === 'shipments_tracking_idx') {
    // Two parcels dispatched at once with one carrier's tracking number: the index refused the second.
    return ProblemException.conflict(
      'tracking-number-taken',
      'Another parcel of this carrier has this tracking number.',
    );
  }
  if (!(error instanceof ShippingDomainError)) return error;
  const { errors, ...facts } = error.details as { errors?: readonly FieldError[] } & Record<string, unknown>;
  if (STATUS[error.code] === 400 && Array.isArray(errors)) {
    return ProblemException.validation(
      errors.map((e) => new ProblemFieldError(e.field, e.message)),
      error.message,
    );
  }
  return new ProblemException({
    status: STATUS[error.code],
    type: error.code,
    detail: error.message,
    extensions: facts,
  });
}

/** Runs `work`, turning a refusal of the shipping rules into its problem. */
export async function answeringProblems<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw problemOf(error);
  }
}
