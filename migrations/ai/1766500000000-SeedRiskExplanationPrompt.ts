import { MigrationInterface, QueryRunner } from 'typeorm';

/** The author of what Arcade ships in the vault (no person): the nil UUID, shown as `system`. */
const SYSTEM = '00000000-0000-0000-0000-000000000000';
const NAME = 'payments.risk-explanation';

/**
 * The first version of `payments.risk-explanation` (payments' review explanations, ADR 0120), labelled
 * `production`, so the feature works as soon as a provider is configured and the feature is granted
 * `payments:risk:read`. Like the price table's defaults, it is data an admin replaces through the
 * vault (a new version, a label move); this migration never runs again over their changes.
 */
export class SeedRiskExplanationPrompt1766500000000 implements MigrationInterface {
  name = 'SeedRiskExplanationPrompt1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const template = {
      type: 'chat',
      messages: [
        {
          role: 'system',
          content:
            'You help a shop employee review a payment that the fraud screening held for a person. ' +
            'Read its risk signals with the payments_risk_signals tool. In at most four short sentences, say ' +
            'which signals raised the risk and which lowered it, in plain words. Do not decide: never say ' +
            'whether to approve or reject. Do not invent facts the tool did not give you.',
        },
        {
          role: 'user',
          content: 'Explain the risk assessment of payment {{paymentId}} (order {{orderId}}), held for review.',
        },
      ],
    };
    await queryRunner.query(
      `INSERT INTO prompts (name, description, created_by) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`,
      [NAME, "Explains a held payment's risk signals to its reviewer (payments)", SYSTEM],
    );
    const inserted = (await queryRunner.query(
      `INSERT INTO prompt_versions (prompt_name, version, template, variables, provider, model, max_output_tokens,
         temperature, commit_message, created_by)
       SELECT $1, 1, $2, $3, 'openai', 'gpt-4o-mini', 300, 0.2, 'First version, shipped with Arcade', $4
        WHERE NOT EXISTS (SELECT 1 FROM prompt_versions WHERE prompt_name = $1)
       RETURNING version`,
      [NAME, JSON.stringify(template), ['paymentId', 'orderId'], SYSTEM],
    )) as unknown[];
    if (inserted.length === 0) return;
    await queryRunner.query(
      `INSERT INTO prompt_labels (prompt_name, label, version, updated_by) VALUES ($1, 'production', 1, $2)
       ON CONFLICT (prompt_name, label) DO NOTHING`,
      [NAME, SYSTEM],
    );
    await queryRunner.query(
      `INSERT INTO prompt_label_moves (id, prompt_name, label, to_version, moved_by, reason)
       VALUES ('01900000-0000-7000-8000-0000000a1e01', $1, 'production', 1, $2, 'shipped with Arcade')`,
      [NAME, SYSTEM],
    );
  }

  async down(): Promise<void> {
    // The vault is append-only (its versions and label moves cannot be deleted): the seeded version stays.
  }
}
