/** A stored model version as admins see it. */
export interface FraudModelVersionView {
  readonly version: number;
  readonly status: string;
  readonly source: string;
  readonly metrics: Record<string, unknown>;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly activatedAt: string | null;
}

/** An audited model change as admins see it. */
export interface FraudModelAuditView {
  readonly action: string;
  readonly version: number | null;
  readonly previousVersion: number | null;
  readonly actor: string;
  readonly at: string;
}
