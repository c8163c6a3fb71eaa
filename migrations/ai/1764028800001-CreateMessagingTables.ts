import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '../../src/platform/messaging/outbox/messaging-tables';

export class CreateMessagingTables1764028800001 implements MigrationInterface {
  name = 'CreateMessagingTables1764028800001';

  up(queryRunner: QueryRunner): Promise<void> {
    return createMessagingTables(queryRunner, 'ai');
  }

  down(queryRunner: QueryRunner): Promise<void> {
    return dropMessagingTables(queryRunner, 'ai');
  }
}
