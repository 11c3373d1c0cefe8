import { Args, Int } from '@nestjs/graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection.util';

/** The `first` argument of a connection: `items` names what a page holds ("Messages"). */
export function FirstArg(items: string): ParameterDecorator {
  return Args('first', {
    type: () => Int,
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `${items} per page, 1 to ${MAX_PAGE_SIZE}.`,
  });
}

/** The `after` argument of a connection: `firstPage` says where a page without it starts. */
export function AfterArg(firstPage: string): ParameterDecorator {
  return Args('after', {
    type: () => String,
    nullable: true,
    description: `endCursor of the previous page; absent or null: ${firstPage}.`,
  });
}
