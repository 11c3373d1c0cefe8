import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { DomainError } from '../common/errors/domain.error';
import { NotificationDelivery } from './dtos/outputs/notification-delivery.output';
import { NotificationsService } from './services/notifications.service';
import { formatNotificationDeliveryToGraphqlDto } from './utils/format-notification-delivery-to-graphql-dto.util';

const STATUSES = ['PENDING', 'SENDING', 'DELIVERED', 'FAILED'];
const MAX_PAGE = 500;

@Resolver()
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @Query(() => [NotificationDelivery], {
    description: 'The notification delivery log (callbacks and e-mails), newest first.',
  })
  @RequireRole('operator')
  async notificationDeliveries(
    @Args('status', { type: () => String, nullable: true }) status: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
  ): Promise<NotificationDelivery[]> {
    if (status !== null && status !== undefined && !STATUSES.includes(status)) {
      throw new DomainError('BAD_USER_INPUT', `status must be one of ${STATUSES.join(', ')}`);
    }
    const count = first ?? 100;
    if (!Number.isInteger(count) || count < 1 || count > MAX_PAGE) {
      throw new DomainError('BAD_USER_INPUT', `first must be 1..${MAX_PAGE}`);
    }
    return (await this.notifications.list(status ?? null, count)).map(({ delivery, attempts }) =>
      formatNotificationDeliveryToGraphqlDto(delivery, attempts),
    );
  }
}
