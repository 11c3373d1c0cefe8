import { registerEnumType } from '@nestjs/graphql';

/** A message's delivery state; the values are the ones stored in messages.status. */
export enum MessageStatus {
  RECEIVED = 'received',
  ACCEPTED = 'accepted',
  SENT = 'sent',
  DELIVERED = 'delivered',
  READ = 'read',
  FAILED = 'failed',
}

registerEnumType(MessageStatus, {
  name: 'MessageStatus',
  description:
    'RECEIVED: inbound. ACCEPTED: a Cloud API message known from the send log only. SENT, DELIVERED, READ: the furthest status Meta reported (READ implies delivered); an outbound Business app or history message without one is SENT. FAILED: a failure and no delivery.',
});
