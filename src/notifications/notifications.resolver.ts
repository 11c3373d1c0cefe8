import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import {
  decodeIdCursor,
  DEFAULT_PAGE_SIZE,
  encodeIdCursor,
  MAX_PAGE_SIZE,
  pageSize,
  toConnection,
} from '../common/graphql/connection.util';
import {
  NotificationDeliveryConnection,
  NotificationStatusEnum,
} from './dtos/outputs/notification-delivery.output';
import { NotificationsService } from './services/notifications.service';
import { formatNotificationDeliveryToGraphqlDto } from './utils/format-notification-delivery-to-graphql-dto.util';

const CURSOR = 'notificationDelivery';

@Resolver()
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @Query(() => NotificationDeliveryConnection, {
    description: 'The notification delivery log (callbacks and e-mails), newest first.',
  })
  @RequireRole('operator')
  async notificationDeliveries(
    @Args('status', { type: () => NotificationStatusEnum, nullable: true })
    status?: NotificationStatusEnum | null,
    @Args('first', {
      type: () => Int,
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `Deliveries per page, 1 to ${MAX_PAGE_SIZE}.`,
    })
    first?: number | null,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'endCursor of the previous page; absent or null: the newest.',
    })
    after?: string | null,
  ): Promise<NotificationDeliveryConnection> {
    const size = pageSize(first);
    const beforeId = decodeIdCursor(CURSOR, 'notificationDeliveries', after);
    const page = await this.notifications.page(status ?? null, size, beforeId);
    return {
      ...toConnection(
        page.deliveries,
        page.hasNextPage,
        ({ delivery }) => encodeIdCursor(CURSOR, delivery.id),
        ({ delivery, attempts }) => formatNotificationDeliveryToGraphqlDto(delivery, attempts),
      ),
      totalCount: page.totalCount,
    };
  }
}
