import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

/** Some units of one order line. */
export class RefundLineDto {
  @ApiProperty({ example: 1, description: "The line's number in the order (1, 2, …)" })
  @IsInt()
  @Min(1)
  @Max(200)
  readonly lineNo: number;
  @ApiProperty({ example: 1, description: 'How many more of its units go back' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  readonly quantity: number;
}

/** Units of an order's lines to refund at what they paid (after discount, with their tax). */
export class RefundOrderLinesDto {
  @ApiProperty({ type: [RefundLineDto] })
  @ValidateNested({ each: true })
  @Type(() => RefundLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  readonly lines: RefundLineDto[];
  @ApiPropertyOptional({ example: 'returned', description: 'Why, for the timeline and payments (default `refund`)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  readonly reason?: string;
}
