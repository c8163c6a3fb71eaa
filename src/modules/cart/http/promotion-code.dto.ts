import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Body of POST /carts/:id/promotions: the code as the customer typed it (case-insensitive). */
export class ApplyPromotionCodeDto {
  @ApiProperty({
    example: 'WELCOME10',
    minLength: 1,
    maxLength: 64,
    description: 'Case-insensitive; spaces around are ignored',
  })
  @IsString()
  @Length(1, 64)
  readonly code!: string;
}
