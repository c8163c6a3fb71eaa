import { Type } from '@nestjs/common';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { Page } from './pagination';

/** `{ amount, currency }` in answers: the one Money schema of the document. */
@ApiSchema({ name: 'Money' })
export class MoneyResponse {
  @ApiProperty({ example: 1999, description: 'Integer minor units (cents)' }) readonly amount: number;
  @ApiProperty({ example: 'EUR', description: 'ISO 4217' }) readonly currency: string;
}

const pages = new Map<Type, Type>();

/**
 * The schema of a keyset-paginated list of `item` (`{ items, nextCursor }`), named after it:
 * `PageOf(UserResponse)` is `UserPage`. One class per item type, so the document has one schema each.
 */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  const known = pages.get(item);
  if (known) return known as Type<Page<T>>;
  class ItemPage {
    readonly items: T[];
    readonly nextCursor: string | null;
  }
  ApiProperty({ type: [item] })(ItemPage.prototype, 'items');
  ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' })(
    ItemPage.prototype,
    'nextCursor',
  );
  Object.defineProperty(ItemPage, 'name', { value: `${item.name.replace(/(Response|View)$/, '')}Page` });
  pages.set(item, ItemPage);
  return ItemPage;
}
