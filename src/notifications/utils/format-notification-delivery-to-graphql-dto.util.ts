import type {
  NotificationChannelEnum,
  NotificationDelivery,
  NotificationEventTypeEnum,
  NotificationStatusEnum,
} from '../dtos/outputs/notification-delivery.output';
import type { NotificationAttemptEntity } from '../entities/notification-attempt.entity';
import type { NotificationDeliveryEntity } from '../entities/notification-delivery.entity';

export function formatNotificationDeliveryToGraphqlDto(
  delivery: NotificationDeliveryEntity,
  attempts: NotificationAttemptEntity[],
): NotificationDelivery {
  return {
    id: delivery.id,
    eventKey: delivery.eventKey,
    eventType: delivery.eventType as NotificationEventTypeEnum,
    channel: delivery.channel as NotificationChannelEnum,
    status: delivery.status as NotificationStatusEnum,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.nextAttemptAt,
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    createdAt: delivery.createdAt,
    deliveredAt: delivery.deliveredAt,
    log: attempts.map((attempt) => ({
      attempt: attempt.attempt,
      attemptedAt: attempt.attemptedAt,
      succeeded: attempt.succeeded,
      statusCode: attempt.statusCode,
      error: attempt.error,
      durationMs: attempt.durationMs,
    })),
  };
}
