import { MigrationInterface, QueryRunner } from 'typeorm';
import { addOutboxTraceContext, dropOutboxTraceContext } from '../../src/platform/messaging/outbox/messaging-tables';

/** Each outbox row keeps the trace context of the span that wrote it (ADR 0119). */
export class OutboxTraceContext1768000000000 implements MigrationInterface {
  name = 'OutboxTraceContext1768000000000';

  up(queryRunner: QueryRunner): Promise<void> {
    return addOutboxTraceContext(queryRunner, 'accounts');
  }

  down(queryRunner: QueryRunner): Promise<void> {
    return dropOutboxTraceContext(queryRunner, 'accounts');
  }
}
