/** How the gateway treats one AI feature; a feature without a row gets {@link DEFAULT_FEATURE_SETTINGS}. */
export interface FeatureSettings {
  readonly feature: string;
  /** Whether masked request and response bodies are stored in the call log. */
  readonly captureBodies: boolean;
  /** The model that answers when the prompt's model fails (after the SDK's retries). */
  readonly fallback: { readonly provider: string; readonly model: string } | null;
}

export const DEFAULT_FEATURE_SETTINGS = { captureBodies: true, fallback: null } as const;
