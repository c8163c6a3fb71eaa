import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Every module DataSource opened in this process, by module name (health checks, operations). */
@Injectable()
export class ModuleDataSources {
  private readonly byModule = new Map<string, DataSource>();

  register(module: string, dataSource: DataSource): void {
    this.byModule.set(module, dataSource);
  }

  get(module: string): DataSource | undefined {
    return this.byModule.get(module);
  }

  entries(): [string, DataSource][] {
    return [...this.byModule.entries()];
  }
}
