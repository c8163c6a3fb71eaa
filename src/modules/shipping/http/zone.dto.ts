import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Length, MaxLength } from 'class-validator';
import { Omittable, PageQueryDto } from '../../../platform/http';

const MAX_COUNTRIES = 300;

/** `POST /shipping/zones`. */
export class CreateZoneDto {
  @ApiProperty({ example: 'European Union', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  readonly name: string;

  @ApiProperty({
    example: ['DE', 'AT', 'FR'],
    description: 'ISO 3166-1 alpha-2 codes, upper case, each once (`UK` is refused naming `GB`)',
    type: [String],
  })
  @IsArray()
  @ArrayMaxSize(MAX_COUNTRIES)
  @IsString({ each: true })
  @MaxLength(2, { each: true })
  readonly countries: string[];
}

/** `PATCH /shipping/zones/:id`: the fields sent are changed; `countries` replaces the whole list. */
export class EditZoneDto {
  @ApiPropertyOptional({ example: 'EU and EEA', maxLength: 100 })
  @Omittable()
  @IsString()
  @Length(1, 100)
  readonly name?: string;

  @ApiPropertyOptional({ example: ['DE', 'AT', 'FR', 'NO'], type: [String] })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(MAX_COUNTRIES)
  @IsString({ each: true })
  @MaxLength(2, { each: true })
  readonly countries?: string[];
}

/** `GET /shipping/zones`: a page. */
export class ListZonesDto extends PageQueryDto {}
