import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO31661Alpha2, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Omittable } from '../../../platform/http';

/** `PATCH /accounts/me`: the fields of the profile that change. */
export class UpdateProfileDto {
  @ApiPropertyOptional({ example: 'Ada Lovelace' })
  @Omittable()
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  readonly name?: string;
}

/** `POST /accounts/me/password`: the current password and the new one. */
export class ChangePasswordDto {
  @ApiProperty({ example: 'Quiet-Lantern-42-Orbit' })
  @IsString()
  @MaxLength(1024)
  readonly currentPassword: string;

  @ApiProperty({ minLength: 8, maxLength: 128, example: 'Violet-Kettle-Harbour-7' })
  @IsString()
  @MaxLength(1024)
  readonly newPassword: string;
}

/** A required, non-blank string of at most `max` characters. */
function Text(max: number): PropertyDecorator {
  const rules = [IsString(), Matches(/\S/, { message: '$property must not be blank' }), MaxLength(max)];
  return (target, key) => rules.forEach((decorate) => decorate(target, key));
}

const LINE2 = { example: 'Flat 3', nullable: true, type: String, description: 'null clears it' } as const;

/** `POST /accounts/me/addresses`: a new address. */
export class AddressDto {
  @ApiProperty({ example: 'Ada Lovelace' }) @Text(100) readonly name: string;
  @ApiProperty({ example: '12 St James Square' }) @Text(200) readonly line1: string;
  @ApiPropertyOptional(LINE2) @IsOptional() @Text(200) readonly line2?: string | null;
  @ApiProperty({ example: 'London' }) @Text(100) readonly city: string;
  @ApiProperty({ example: 'SW1Y 4JH' }) @Text(20) readonly postalCode: string;
  @ApiProperty({ example: 'GB', description: 'ISO 3166-1 alpha-2' }) @IsISO31661Alpha2() readonly country: string;
}

/** Only the fields sent change; `null` is refused except for `line2`, which it clears. */
export class UpdateAddressDto {
  @ApiPropertyOptional({ example: 'Ada Lovelace' }) @Omittable() @Text(100) readonly name?: string;
  @ApiPropertyOptional({ example: '12 St James Square' }) @Omittable() @Text(200) readonly line1?: string;
  @ApiPropertyOptional(LINE2) @IsOptional() @Text(200) readonly line2?: string | null;
  @ApiPropertyOptional({ example: 'London' }) @Omittable() @Text(100) readonly city?: string;
  @ApiPropertyOptional({ example: 'SW1Y 4JH' }) @Omittable() @Text(20) readonly postalCode?: string;
  @ApiPropertyOptional({ example: 'GB', description: 'ISO 3166-1 alpha-2' })
  @Omittable()
  @IsISO31661Alpha2()
  readonly country?: string;
}
