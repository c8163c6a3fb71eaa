import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../platform/http';

/** `GET /payments/reviews`: which reviews (pending by default). */
export class ListReviewsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected', 'closed'], default: 'pending' })
  @IsOptional()
  @IsIn(['pending', 'approved', 'rejected', 'closed'])
  readonly status?: 'pending' | 'approved' | 'rejected' | 'closed';
}

/** `PUT /payments/fraud-labels/:orderId`: an admin's verdict on an order's payment. */
export class MarkFraudDto {
  @ApiProperty({ example: true, description: 'true: fraudulent; false: legitimate (corrects an earlier label)' })
  @IsBoolean()
  readonly fraudulent: boolean;

  @ApiPropertyOptional({ maxLength: 500, example: 'cardholder called: card stolen' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  readonly note?: string;
}

/** `POST /payments/fraud-models/train`: what to learn from; every field optional. */
export class TrainFraudModelDto {
  @ApiPropertyOptional({
    enum: ['history', 'synthetic'],
    default: 'history',
    description: "history: the shop's labelled attempts; synthetic: the seeded generator of the offline evaluation",
  })
  @IsOptional()
  @IsIn(['history', 'synthetic'])
  readonly source?: 'history' | 'synthetic';

  @ApiPropertyOptional({ enum: ['shadow', 'candidate'], default: 'shadow' })
  @IsOptional()
  @IsIn(['shadow', 'candidate'])
  readonly as?: 'shadow' | 'candidate';

  @ApiPropertyOptional({
    minimum: 0.001,
    maximum: 0.5,
    default: 0.02,
    example: 0.02,
    description: 'Share of attempts reviewed',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.001)
  @Max(0.5)
  readonly reviewBudget?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 3650,
    default: 30,
    example: 30,
    description: 'history: attempts older than this',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  readonly labelDelayDays?: number;

  // Bounded: training runs in the serving process (the default history takes seconds).
  @ApiPropertyOptional({
    minimum: 100,
    maximum: 10_000,
    default: 8000,
    example: 8000,
    description: 'synthetic: accounts',
  })
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(10_000)
  readonly accounts?: number;

  @ApiPropertyOptional({
    minimum: 14,
    maximum: 180,
    default: 120,
    example: 120,
    description: 'synthetic: days of history',
  })
  @IsOptional()
  @IsInt()
  @Min(14)
  @Max(180)
  readonly days?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 2_147_483_647, default: 42, example: 42, description: 'synthetic: seed' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  readonly seed?: number;
}
