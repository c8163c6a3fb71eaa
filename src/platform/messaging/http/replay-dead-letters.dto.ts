import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

/** `POST /admin/messaging/dead-letters/replay`: the dead letters to replay, in order. */
export class ReplayDeadLettersDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: 100,
    example: ['0190a0a0-0000-7000-8000-000000000000'],
    description: '1–100 distinct dead-letter ids (message or event ids)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  readonly ids: string[];
}
