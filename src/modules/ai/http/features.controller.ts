import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { AuthenticatedUser, CurrentUser, Roles } from '../../../platform/auth';
import { FieldError, ProblemException } from '../../../platform/http';
import { ListFeaturesUseCase } from '../application/gateway/list-features.use-case';
import { SetFeatureSettingsUseCase } from '../application/gateway/set-feature-settings.use-case';
import { FeatureSettings } from '../application/gateway/feature-settings';

export class FallbackModelDto {
  @ApiProperty({ example: 'openai' }) @IsString() @Length(1, 40) readonly provider: string;
  @ApiProperty({ example: 'gpt-4.1-nano' }) @IsString() @Length(1, 200) readonly model: string;
}

export class FeatureSettingsDto {
  @ApiProperty({ example: true, description: 'Store masked request and response bodies in the call log' })
  @IsBoolean()
  readonly captureBodies: boolean;

  @ApiPropertyOptional({ type: FallbackModelDto, nullable: true, description: "Answers when the prompt's model fails" })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FallbackModelDto)
  readonly fallback?: FallbackModelDto | null;
}

export class FeatureSettingsResponse {
  @ApiProperty({ example: 'catalog.description-drafts' }) readonly feature: string;
  @ApiProperty() readonly captureBodies: boolean;
  @ApiProperty({ type: FallbackModelDto, nullable: true }) readonly fallback: FallbackModelDto | null;
}

export class FeatureListResponse {
  @ApiProperty({ enum: ['enabled', 'disabled'], description: 'disabled: no model provider is configured' })
  readonly status: 'enabled' | 'disabled';
  @ApiProperty({ type: [FeatureSettingsResponse] }) readonly items: FeatureSettingsResponse[];
}

const FEATURE = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/** Admin: per-feature gateway settings (body capture, fallback model) and whether AI is enabled at all. */
@ApiTags('ai')
@Controller('ai/features')
@Roles('admin')
export class FeaturesController {
  constructor(
    private readonly listFeatures: ListFeaturesUseCase,
    private readonly setSettings: SetFeatureSettingsUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: FeatureListResponse })
  async list(): Promise<{ status: 'enabled' | 'disabled'; items: FeatureSettings[] }> {
    return this.listFeatures.execute();
  }

  @Put(':feature')
  @ApiOperation({ summary: "Set a feature's body capture and fallback model" })
  @ApiOkResponse({ type: FeatureSettingsResponse })
  async put(
    @Param('feature') feature: string,
    @Body() body: FeatureSettingsDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<FeatureSettings> {
    if (!FEATURE.test(feature) || feature.length > 100) {
      throw ProblemException.validation([
        new FieldError('feature', 'a feature is lower-case words joined by "." or "-"'),
      ]);
    }
    const settings = { feature, captureBodies: body.captureBodies, fallback: body.fallback ?? null };
    return this.setSettings.execute({ settings, by: user.id });
  }
}
