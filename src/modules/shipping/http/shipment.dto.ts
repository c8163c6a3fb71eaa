import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Omittable, PageQueryDto } from '../../../platform/http';
import { MAX_TEXT } from '../domain/shipment';
import { CARRIER_STATUSES } from '../domain/tracking-events';

export const SHIPMENT_STATUSES = [
  'pending',
  'packed',
  'dispatched',
  'in_transit',
  'exception',
  'delivered',
  'cancelled',
] as const;

/** `GET /shipping/shipments`: the queue, filtered by status (and order), oldest first. */
export class ListShipmentsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SHIPMENT_STATUSES, example: 'pending' })
  @IsOptional()
  @IsIn(SHIPMENT_STATUSES)
  readonly status?: (typeof SHIPMENT_STATUSES)[number];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  readonly orderId?: string;
}

/** Units of one order line to move into the new shipment. */
export class SplitLineDto {
  @ApiProperty({ example: 1, description: "The order's line number" })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  readonly lineNo: number;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  readonly quantity: number;
}

/** `POST /shipping/shipments/:id/split`. */
export class SplitShipmentDto {
  @ApiProperty({ type: [SplitLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SplitLineDto)
  readonly lines: SplitLineDto[];
}

/** `POST /shipping/shipments/:id/dispatch`. */
export class DispatchShipmentDto {
  @ApiProperty({
    example: 'sandbox',
    description: 'A carrier provider (`sandbox`) or any carrier name',
    maxLength: MAX_TEXT,
  })
  @IsString()
  @Length(1, MAX_TEXT)
  readonly carrier: string;

  @ApiPropertyOptional({
    example: 'SBX000000000042',
    maxLength: MAX_TEXT,
    description: 'Required unless the carrier is a provider that issues one (the sandbox)',
  })
  @Omittable()
  @IsString()
  @Length(1, MAX_TEXT)
  readonly trackingNumber?: string;
}

/** `POST /shipping/sandbox/parcels/:trackingNumber/events`: a scan the sandbox carrier reports. */
export class SimulateCarrierEventDto {
  @ApiProperty({ enum: CARRIER_STATUSES, example: 'in_transit' })
  @IsIn(CARRIER_STATUSES)
  readonly status: (typeof CARRIER_STATUSES)[number];

  @ApiPropertyOptional({ example: 'Arrived at the sorting centre', maxLength: MAX_TEXT })
  @Omittable()
  @IsString()
  @Length(1, MAX_TEXT)
  readonly description?: string;
}

/** The body of a sandbox carrier's tracking webhook (documented; the route reads the raw bytes). */
export class CarrierWebhookEventDto {
  @ApiProperty({ example: 'evt_sbx_0190a000-0000-7000-8000-000000000001' }) readonly id: string;
  @ApiProperty({ example: 'SBX000000000042' }) readonly trackingNumber: string;
  @ApiProperty({ enum: CARRIER_STATUSES, example: 'delivered' }) readonly status: string;
  @ApiProperty({ example: 1767225600000, description: "Epoch milliseconds, the carrier's clock" })
  readonly occurredAt: number;
  @ApiProperty({ example: 3, description: "The carrier's counter for the parcel" }) readonly sequence: number;
  @ApiPropertyOptional({ example: 'Left with a neighbour' }) readonly description?: string;
}
