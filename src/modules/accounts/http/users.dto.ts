import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Role } from '../../../platform/auth';

const ROLES: Role[] = ['customer', 'admin'];

export class ListUsersQuery {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  readonly limit?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2048) readonly cursor?: string;

  @ApiPropertyOptional({ description: 'Case-insensitive part of the email' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  readonly email?: string;

  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) readonly role?: Role;
}

export class SetRolesDto {
  @ApiProperty({ enum: ROLES, isArray: true, example: ['customer', 'admin'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  readonly roles: Role[];
}
