import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../../platform/http';

export class LabelSplitResponse {
  @ApiProperty({ example: 3 }) readonly version: number;
  @ApiProperty({ example: 2500 }) readonly weightBps: number;
}

export class LabelTargetResponse {
  @ApiProperty({ example: 2 }) readonly version: number;
  @ApiPropertyOptional({ type: LabelSplitResponse }) readonly split?: LabelSplitResponse;
}

export class PromptSummaryResponse {
  @ApiProperty({ example: 'catalog.product-description' }) readonly name: string;
  @ApiProperty() readonly description: string;
  @ApiProperty({ example: 3, description: 'What `latest` resolves to' }) readonly latestVersion: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/LabelTargetResponse' },
    example: { production: { version: 2 }, staging: { version: 3 } },
  })
  readonly labels: Record<string, LabelTargetResponse>;
  @ApiProperty() readonly createdAt: Date;
}

export const PromptSummaryPage = PageOf(PromptSummaryResponse);

export class PromptVersionResponse {
  @ApiProperty({ example: 'catalog.product-description' }) readonly promptName: string;
  @ApiProperty({ example: 3 }) readonly version: number;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { type: 'text', text: 'Describe {{title}}.' } })
  readonly template: unknown;
  @ApiProperty({ type: [String] }) readonly variables: readonly string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { provider: 'openai', model: 'gpt-4o-mini', maxOutputTokens: 400 },
  })
  readonly settings: unknown;
  @ApiProperty() readonly commitMessage: string;
  @ApiProperty({ format: 'uuid' }) readonly createdBy: string;
  @ApiProperty() readonly createdAt: Date;
}

export const PromptVersionPage = PageOf(PromptVersionResponse);

export class CreatedVersionResponse {
  @ApiProperty({ type: PromptVersionResponse }) readonly version: PromptVersionResponse;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  readonly moves: readonly unknown[];
}

export class LabelMoveResponse {
  @ApiProperty({ format: 'uuid' }) readonly id: string;
  @ApiProperty() readonly promptName: string;
  @ApiProperty({ example: 'production' }) readonly label: string;
  @ApiProperty({ type: LabelTargetResponse, nullable: true, description: 'null: the label was created' })
  readonly from: LabelTargetResponse | null;
  @ApiProperty({ type: LabelTargetResponse, nullable: true, description: 'null: the label was removed' })
  readonly to: LabelTargetResponse | null;
  @ApiProperty({ format: 'uuid' }) readonly movedBy: string;
  @ApiProperty() readonly movedAt: Date;
  @ApiPropertyOptional() readonly reason?: string;
}

export const LabelMovePage = PageOf(LabelMoveResponse);

export class LabelsResponse {
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/LabelTargetResponse' } })
  readonly labels: Record<string, LabelTargetResponse>;
  @ApiProperty({ type: LabelMoveResponse, nullable: true, description: 'null: the label already pointed there' })
  readonly move: unknown;
}
