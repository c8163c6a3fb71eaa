import { ApiProperty } from '@nestjs/swagger';
import type { DescriptionDraft, DescriptionDraftStatus } from '../domain/description-draft';

/** An AI-written description waiting for (or past) a person's decision. */
export class DescriptionDraftResponse implements DescriptionDraft {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty({ format: 'uuid' }) readonly productId: string;
  @ApiProperty({ enum: ['proposed', 'accepted', 'discarded'] }) readonly status: DescriptionDraftStatus;
  @ApiProperty({ example: 'A two-person tent that pitches in minutes…' }) readonly text: string;
  @ApiProperty({ example: 'catalog.product-description' }) readonly promptName: string;
  @ApiProperty({ example: 3 }) readonly promptVersion: number;
  @ApiProperty({ format: 'uuid', description: 'The model call in the AI call log (GET /ai/calls/{id})' })
  readonly aiCallId: string;
  @ApiProperty({ format: 'uuid' }) readonly requestedBy: string;
  @ApiProperty({ format: 'date-time' }) readonly createdAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) readonly decidedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly decidedAt: string | null;
}

export class DescriptionDraftListResponse {
  @ApiProperty({ type: [DescriptionDraftResponse] }) readonly items: DescriptionDraftResponse[];
}
