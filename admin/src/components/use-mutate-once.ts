import type { MutateOptions, UseMutationResult } from '@tanstack/react-query';
import { useRef } from 'react';

/**
 * The mutation's `mutate`, dropping a call made while an earlier one is still in flight: a
 * double-clicked button sends its request once (a second click lands before React has re-rendered
 * the button as loading, so `disabled`/`loading` alone do not stop it). Errors stay in
 * `mutation.error` as with `mutate`; `options` are the per-call callbacks of `mutate`.
 */
export function useMutateOnce<TData, TError, TVariables, TContext>(
  mutation: UseMutationResult<TData, TError, TVariables, TContext>,
): (variables: TVariables, options?: MutateOptions<TData, TError, TVariables, TContext>) => void {
  const inFlight = useRef(false);
  return (variables, options) => {
    if (inFlight.current) return;
    inFlight.current = true;
    // mutateAsync settles even when the observer was reset or unmounted meanwhile, so the guard
    // always opens again; the rejection is already in mutation.error.
    mutation
      .mutateAsync(variables, options)
      .catch(() => undefined)
      .finally(() => {
        inFlight.current = false;
      });
  };
}
