import { MigrationInterface, QueryRunner } from 'typeorm';
import { addOutboxNotify, dropOutboxNotify } from '../../src/platform/messaging/outbox/messaging-tables';

/** The outbox announces rows due at once on a channel, so idle relays need not poll for them (ADR 0122). */
export class OutboxNotify1768100000000 implements MigrationInterface {
  name = 'OutboxNotify1768100000000';

  up(queryRunner: QueryRunner): Promise<void> {
    return addOutboxNotify(queryRunner, 'recommendations');
  }

  down(queryRunner: QueryRunner): Promise<void> {
    return dropOutboxNotify(queryRunner, 'recommendations');
  }
}
