import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsString, Length, ValidateIf } from 'class-validator';
import { Omittable, PageQueryDto } from '../../../platform/http';

const RATES_EXAMPLE = { standard: 190000, reduced: 70000 };
const RATES_DESCRIPTION =
  'Tax category → rate in parts per million (19 % = 190000), 0–1000000; must rate `standard`. ' +
  'A category is 1–32 lower-case letters, digits or "-"; a product without one pays `standard`.';

/** `POST /tax/countries`: a destination country's rules. */
export class CreateCountryRulesDto {
  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2, upper case' })
  @IsString()
  @Length(2, 2)
  readonly country: string;

  @ApiProperty({ example: RATES_EXAMPLE, description: RATES_DESCRIPTION, type: Object })
  @IsObject()
  readonly rates: Record<string, number>;

  @ApiProperty({
    example: 'standard',
    type: String,
    nullable: true,
    description: 'The category whose rate shipping pays; null: shipping is not taxed in this country',
  })
  @ValidateIf((dto: CreateCountryRulesDto) => dto.shippingCategory !== null)
  @IsString()
  @Length(1, 32)
  readonly shippingCategory: string | null;
}

/** `PATCH /tax/countries/:country`: the fields sent are changed; `rates` replaces every rate. */
export class EditCountryRulesDto {
  @ApiPropertyOptional({ example: RATES_EXAMPLE, description: RATES_DESCRIPTION, type: Object })
  @Omittable()
  @IsObject()
  readonly rates?: Record<string, number>;

  @ApiPropertyOptional({ example: null, type: String, nullable: true })
  @ValidateIf((dto: EditCountryRulesDto) => dto.shippingCategory !== undefined && dto.shippingCategory !== null)
  @IsString()
  @Length(1, 32)
  readonly shippingCategory?: string | null;
}

/** `GET /tax/countries`: a page. */
export class ListCountryRulesDto extends PageQueryDto {}
