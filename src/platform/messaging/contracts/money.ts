// Money travels in contracts; it is defined with the other pure money helpers (platform/money),
// where domain code imports it from.
export { MAX_MINOR_UNITS, minorUnits } from '../../money/money';
export type { Money } from '../../money/money';
