import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
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
