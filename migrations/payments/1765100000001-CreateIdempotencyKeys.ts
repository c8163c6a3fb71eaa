import { MigrationInterface, QueryRunner } from 'typeorm';
import { createIdempotencyTable, dropIdempotencyTable } from '../../src/platform/messaging/idempotency';

/** The `Idempotency-Key`s of the refund route: the same key with another request is a 422. */
export class CreateIdempotencyKeys1765100000001 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1765100000001';

  up(queryRunner: QueryRunner): Promise<void> {
    return createIdempotencyTable(queryRunner, 'payments');
  }

  down(queryRunner: QueryRunner): Promise<void> {
    return dropIdempotencyTable(queryRunner, 'payments');
  }
}
