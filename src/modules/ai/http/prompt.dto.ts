import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CHAT_ROLES, ChatRole } from '../domain/prompt-template';
import { PROMPT_NAME, PROMPT_NAME_MAX_LENGTH } from '../domain/prompt-version';

export class PromptMessageDto {
  @ApiProperty({ enum: CHAT_ROLES, example: 'system' })
  @IsIn(CHAT_ROLES)
  readonly role: ChatRole;

  @ApiProperty({ example: 'Describe {{title}} for the customers of {{shopName}}.' })
  @IsString()
  @Length(1, 100_000)
  readonly content: string;
}

/** `text`: one string; `chat`: messages. `{{variable}}` placeholders; each must be declared. */
export class PromptTemplateDto {
  @ApiProperty({ enum: ['text', 'chat'], example: 'chat' })
  @IsIn(['text', 'chat'])
  readonly type: 'text' | 'chat';

  @ApiPropertyOptional({
    example: 'Describe {{title}} for the customers of {{shopName}}.',
    description: 'text templates',
  })
  @ValidateIf((t: PromptTemplateDto) => t.type === 'text')
  @IsString()
  @Length(1, 100_000)
  readonly text?: string;

  @ApiPropertyOptional({ type: [PromptMessageDto], description: 'chat templates' })
  @ValidateIf((t: PromptTemplateDto) => t.type === 'chat')
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PromptMessageDto)
  readonly messages?: PromptMessageDto[];
}

export class ModelSettingsDto {
  @ApiProperty({
    example: 'openai',
    description: 'Gateway provider id: openai (any OpenAI-compatible server) or anthropic',
  })
  @IsString()
  @Length(1, 40)
  readonly provider: string;

  @ApiProperty({ example: 'gpt-4o-mini' })
  @IsString()
  @Length(1, 200)
  readonly model: string;

  @ApiProperty({ example: 400, description: 'Upper bound of output tokens (budgets reserve on it)' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  readonly maxOutputTokens: number;

  @ApiPropertyOptional({ example: 0.7 })
  @IsOptional()
  @IsNumber()
  readonly temperature?: number;

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @IsNumber()
  readonly topP?: number;
}

/** A new immutable version of a prompt (the prompt is created with its first version). */
export class CreatePromptVersionDto {
  @ApiProperty({ example: 'catalog.product-description', description: 'Lower-case words joined by "." or "-"' })
  @IsString()
  @Length(1, PROMPT_NAME_MAX_LENGTH)
  @Matches(PROMPT_NAME, { message: 'name must be lower-case words joined by "." or "-"' })
  readonly name: string;

  @ApiProperty({ type: PromptTemplateDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PromptTemplateDto)
  readonly template: PromptTemplateDto;

  @ApiProperty({
    type: [String],
    example: ['shopName', 'title'],
    description: 'Exactly the variables the template uses',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  readonly variables: string[];

  @ApiProperty({ type: ModelSettingsDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ModelSettingsDto)
  readonly settings: ModelSettingsDto;

  @ApiProperty({ example: 'Shorter, friendlier tone' })
  @IsString()
  @Length(1, 500)
  readonly commitMessage: string;

  @ApiPropertyOptional({ example: 'Product description drafts for the catalog admin' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  readonly description?: string;

  @ApiPropertyOptional({ type: [String], example: ['staging'], description: 'Labels to point at the new version' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  readonly labels?: string[];
}

export class LabelSplitDto {
  @ApiProperty({ example: 3, description: 'The second version' })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  readonly version: number;

  @ApiProperty({ example: 2500, description: 'Share of sticky keys sent to it, in basis points (1–9999)' })
  @IsInt()
  @Min(1)
  @Max(9999)
  readonly weightBps: number;
}

/** Points a label at a version (deploy, roll back), optionally splitting traffic with a second one. */
export class MoveLabelDto {
  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  readonly version: number;

  @ApiPropertyOptional({ type: LabelSplitDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LabelSplitDto)
  readonly split?: LabelSplitDto;

  @ApiPropertyOptional({ example: 'Roll back: v3 made descriptions too long' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  readonly reason?: string;
}
