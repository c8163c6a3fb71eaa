import { ValueTransformer } from 'typeorm';
import { minorUnits } from '../money';

/**
 * The transformer of every `bigint` column that holds minor units: TypeORM hands `bigint` over as
 * a string; this makes it a number (throwing if it is not exactly representable, see `minorUnits`).
 */
export const MINOR_UNITS: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : minorUnits(value)),
};
