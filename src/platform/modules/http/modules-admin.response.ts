import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ModuleHost, ModuleMap, ModuleMapEntry } from '../module-map';

export class ModuleHostResponse {
  @ApiProperty({
    enum: ['this-process', 'gateway', 'broker', 'unreachable'],
    description:
      'this-process: hosted here; gateway: HTTP forwarded to `upstream`; broker: another process, reached by messages only; unreachable: neither',
  })
  readonly kind: ModuleHost['kind'];
  @ApiPropertyOptional({ example: 'http://reviews:3000', description: 'gateway only' }) readonly upstream?: string;
}

export class ModuleMapEntryResponse implements ModuleMapEntry {
  @ApiProperty({ example: 'reviews' }) readonly name: string;
  @ApiProperty({ example: 'Product reviews and their votes.' }) readonly summary: string;
  @ApiProperty({ type: [String], example: ['reviews'] }) readonly urlPrefixes: string[];
  @ApiProperty({ type: [String], description: 'Modules whose contracts it may use' })
  readonly allowedDependencies: string[];
  @ApiProperty({ type: [String], example: ['reviews.ReviewPosted.v1'] }) readonly publishes: string[];
  @ApiProperty({ type: [String], example: ['reviews.PostReview'] }) readonly handlesCommands: string[];
  @ApiProperty({ type: [String], example: ['reviews.GetReviews'] }) readonly answersQueries: string[];
  @ApiProperty({ type: [String] }) readonly subscribesTo: string[];
  @ApiProperty({ type: ModuleHostResponse }) readonly host: ModuleHost;
}

export class ModuleMapResponse implements ModuleMap {
  @ApiProperty({ type: [String], description: 'Modules this process hosts' }) readonly hosted: string[];
  @ApiProperty({ enum: ['in-process', 'nats'] }) readonly transport: 'in-process' | 'nats';
  @ApiProperty({ type: [ModuleMapEntryResponse] }) readonly modules: ModuleMapEntryResponse[];
}
