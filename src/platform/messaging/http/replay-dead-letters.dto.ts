import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

/** `POST /admin/messaging/dead-letters/replay`: the dead letters to replay, in order. */
export class ReplayDeadLettersDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: 100,
    example: ['0190a0a0-0000-7000-8000-000000000000'],
    description: '1–100 distinct dead-letter ids (message or event ids; case-insensitive, answered lower-cased)',
  })
  // Lower-cased, as an id in a path (ParseIdPipe): the broker names a dead letter by its id as
  // PostgreSQL prints it, and two spellings of one id are the same id.
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((id) => (typeof id === 'string' ? id.toLowerCase() : id)) : value,
  )
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  readonly ids: string[];
}
