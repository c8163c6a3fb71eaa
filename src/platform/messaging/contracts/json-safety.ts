/**
 * Everything that crosses a module boundary travels as JSON, even in-process. This walks a value
 * and names the first part that JSON would change or lose (a Date, a Map, undefined, NaN, a class
 * instance...), so a contract that cannot travel fails loudly where it is defined.
 */
export function findJsonHazard(value: unknown, path: string, isRoot = true): string | undefined {
  if (value === null) return undefined;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `${path} is ${value}, which JSON turns into null`;
    case 'undefined':
      return `${path} is undefined, which JSON drops; use null or leave the key out`;
    case 'bigint':
      return `${path} is a bigint, which JSON cannot carry; use a string or a safe integer`;
    case 'function':
    case 'symbol':
      return `${path} is a ${typeof value}, which JSON drops`;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hazard = findJsonHazard(value[i], `${path}[${i}]`, false);
      if (hazard) return hazard;
    }
    return undefined;
  }
  const prototype = Object.getPrototypeOf(value);
  if (value instanceof Date) return `${path} is a Date; send an ISO-8601 string instead`;
  if (!isRoot && prototype !== Object.prototype && prototype !== null) {
    return `${path} is an instance of ${prototype?.constructor?.name ?? 'a class'}; nested values must be plain objects`;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const hazard = findJsonHazard(child, `${path}.${key}`, false);
    if (hazard) return hazard;
  }
  return undefined;
}

export class ContractError extends Error {
  override name = 'ContractError';
}

export function assertJsonSafe(value: unknown, path: string): void {
  const hazard = findJsonHazard(value, path);
  if (hazard) throw new ContractError(`Message contract violation: ${hazard}`);
}
