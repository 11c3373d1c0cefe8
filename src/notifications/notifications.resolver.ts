import { Args, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import {
  decodeIdCursor,
  encodeIdCursor,
  pageSize,
  toConnection,
} from '../common/graphql/connection.util';
import { AfterArg, FirstArg } from '../common/graphql/page-args.decorator';
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
    @FirstArg('Deliveries')
    first?: number | null,
    @AfterArg('the newest')
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
