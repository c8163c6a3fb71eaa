import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fraud model's home in payments' own schema (issue 21, ADR 0114):
 * - `fraud_accounts`, `fraud_products`: payments' read model of other modules' facts, fed by their
 *   events through payments' inbox (accounts.UserRegistered: registration time and e-mail domain
 *   only; catalog.ProductPublished/Updated: category ids, for the resellable share);
 * - `fraud_assessments`: one per payment attempt, with the facts of the attempt the next attempts'
 *   signals are computed from (card fingerprint, card country, address hash — never the address),
 *   the signals as they were at assessment time (training data: never recomputed), the rules' and
 *   the model's verdicts, the top contributions and the shadow model's score;
 * - `fraud_labels`: chargebacks, admin marks and review outcomes (one per payment);
 * - `fraud_models` (versioned JSON with metrics; at most one active, one shadow) and their audit;
 * - `fraud_reviews`: payments held for a person (authorized, not captured) and how each ended.
 */
export class CreateFraudTables1766100000000 implements MigrationInterface {
  name = 'CreateFraudTables1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE fraud_accounts (
        account_id uuid PRIMARY KEY,
        registered_at timestamptz NOT NULL,
        email_domain text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX fraud_accounts_domain_idx ON fraud_accounts (email_domain, registered_at)`);
    await queryRunner.query(`
      CREATE TABLE fraud_products (
        product_id uuid PRIMARY KEY,
        category_ids text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE fraud_assessments (
        payment_id uuid PRIMARY KEY,
        order_id uuid NOT NULL UNIQUE,
        account_id uuid NOT NULL,
        assessed_at timestamptz NOT NULL,
        amount bigint NOT NULL,
        currency char(3) NOT NULL,
        resellable_amount bigint NOT NULL DEFAULT 0,
        fingerprint text NOT NULL,
        card_country char(2),
        provider_risk_level text NOT NULL,
        shipping_address_hash text NOT NULL,
        shipping_country char(2) NOT NULL,
        signals jsonb NOT NULL,
        rules_score integer NOT NULL,
        decision text NOT NULL CHECK (decision IN ('allow', 'review', 'block')),
        decided_by text NOT NULL CHECK (decided_by IN ('model', 'rules', 'guardrail')),
        reasons text[] NOT NULL DEFAULT '{}',
        model_version integer,
        probability double precision,
        contributions jsonb NOT NULL DEFAULT '[]',
        shadow_model_version integer,
        shadow_probability double precision,
        shadow_decision text,
        shadow_contributions jsonb
      )`);
    await queryRunner.query(
      `CREATE INDEX fraud_assessments_account_idx ON fraud_assessments (account_id, assessed_at)`,
    );
    await queryRunner.query(`CREATE INDEX fraud_assessments_card_idx ON fraud_assessments (fingerprint, assessed_at)`);
    await queryRunner.query(
      `CREATE INDEX fraud_assessments_address_idx ON fraud_assessments (shipping_address_hash, assessed_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE fraud_labels (
        payment_id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        fraudulent boolean NOT NULL,
        source text NOT NULL CHECK (source IN ('dispute', 'admin', 'review')),
        labelled_by text NOT NULL,
        note text,
        labelled_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE fraud_models (
        version serial PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('candidate', 'shadow', 'active', 'retired')),
        source text NOT NULL,
        model jsonb NOT NULL,
        metrics jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX fraud_models_one_active ON fraud_models ((1)) WHERE status = 'active'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX fraud_models_one_shadow ON fraud_models ((1)) WHERE status = 'shadow'`,
    );
    await queryRunner.query(`
      CREATE TABLE fraud_model_audit (
        id bigserial PRIMARY KEY,
        action text NOT NULL,
        version integer,
        previous_version integer,
        actor text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE fraud_reviews (
        payment_id uuid PRIMARY KEY,
        order_id uuid NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'closed')),
        deadline timestamptz NOT NULL,
        decided_by text,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX fraud_reviews_pending_idx ON fraud_reviews (deadline) WHERE status = 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'fraud_reviews',
      'fraud_model_audit',
      'fraud_models',
      'fraud_labels',
      'fraud_assessments',
      'fraud_products',
      'fraud_accounts',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
