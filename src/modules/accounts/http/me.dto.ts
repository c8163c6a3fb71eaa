import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO31661Alpha2, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class UpdateProfileDto {
  @ApiPropertyOptional({ example: 'Ada Lovelace' })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  readonly name?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(1024)
  readonly currentPassword: string;

  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  @MaxLength(1024)
  readonly newPassword: string;
}

/** A required, non-blank string of at most `max` characters. */
function Text(max: number): PropertyDecorator {
  const rules = [IsString(), Matches(/\S/, { message: '$property must not be blank' }), MaxLength(max)];
  return (target, key) => rules.forEach((decorate) => decorate(target, key));
}

export class AddressDto {
  @ApiProperty({ example: 'Ada Lovelace' }) @Text(100) readonly name: string;
  @ApiProperty({ example: '12 St James Square' }) @Text(200) readonly line1: string;
  @ApiPropertyOptional() @IsOptional() @Text(200) readonly line2?: string;
  @ApiProperty({ example: 'London' }) @Text(100) readonly city: string;
  @ApiProperty({ example: 'SW1Y 4JH' }) @Text(20) readonly postalCode: string;
  @ApiProperty({ example: 'GB', description: 'ISO 3166-1 alpha-2' }) @IsISO31661Alpha2() readonly country: string;
}

export class UpdateAddressDto {
  @ApiPropertyOptional() @IsOptional() @Text(100) readonly name?: string;
  @ApiPropertyOptional() @IsOptional() @Text(200) readonly line1?: string;
  @ApiPropertyOptional() @IsOptional() @Text(200) readonly line2?: string;
  @ApiPropertyOptional() @IsOptional() @Text(100) readonly city?: string;
  @ApiPropertyOptional() @IsOptional() @Text(20) readonly postalCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO31661Alpha2() readonly country?: string;
}
