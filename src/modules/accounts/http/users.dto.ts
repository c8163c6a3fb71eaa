import { PageQueryDto } from '../../../platform/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Role } from '../../../platform/auth';

const ROLES: Role[] = ['customer', 'admin'];

/** `GET /accounts/users` query: a page, narrowed by email or role. */
export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive part of the email' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  readonly email?: string;

  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) readonly role?: Role;
}

/** The roles a user will have. */
export class SetRolesDto {
  @ApiProperty({ enum: ROLES, isArray: true, example: ['customer', 'admin'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  readonly roles: Role[];
}
