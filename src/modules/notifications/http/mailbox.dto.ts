import { PageQueryDto } from '../../../platform/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class MailboxQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only messages to this address' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  readonly to?: string;
}
