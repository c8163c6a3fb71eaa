import { PageQueryDto } from '../../../platform/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { MailboxItem } from '../application/mailbox/list-mailbox.use-case';

/** `GET /notifications/mailbox` query: a page, optionally of one recipient's messages. */
export class MailboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only messages to this address' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  readonly to?: string;
}

/** One email of the mailbox. */
export class MailboxItemResponse implements MailboxItem {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ example: 'ada@example.com' }) readonly to: string;
  @ApiProperty({ example: 'Your order is confirmed' }) readonly subject: string;
  @ApiProperty({ type: String, nullable: true }) readonly text: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly html: string | null;
  @ApiProperty({ example: 'order-confirmed' }) readonly template: string;
  @ApiProperty({ enum: ['smtp', 'mailbox'] }) readonly transport: 'smtp' | 'mailbox';
  @ApiProperty({ format: 'date-time' }) readonly sentAt: string;
}
