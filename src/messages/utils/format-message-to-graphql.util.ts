import type { MessageOutput } from '../dtos/outputs/message.output';
import type { MessageEntity } from '../entities/message.entity';
import type { MessageStatus } from '../enums/message-status.enum';

export function formatMessageToGraphql(message: MessageEntity): MessageOutput {
  return {
    wamid: message.wamid,
    phoneNumberId: message.phoneNumberId,
    wabaId: message.wabaId,
    direction: message.direction as MessageOutput['direction'],
    origin: message.origin as MessageOutput['origin'],
    contact: message.contact,
    contactUserId: message.contactUserId,
    contactCountry: message.contactCountry,
    groupId: message.groupId,
    participant: message.participant,
    messageType: message.messageType,
    templateName: message.templateName,
    templateLanguage: message.templateLanguage,
    templateCategory: message.templateCategory as MessageOutput['templateCategory'],
    api: message.api as MessageOutput['api'],
    referralSourceType: message.referralSourceType,
    sentAt: message.sentAt,
    deliveredAt: message.deliveredAt,
    readAt: message.readAt,
    failedAt: message.failedAt,
    status: message.status as MessageStatus,
    errorCode: message.errorCode,
    metaPricingType: message.metaPricingType,
    metaPricingCategory: message.metaPricingCategory,
    charge: {
      billable: message.chargeBillable,
      reason: message.chargeReason as MessageOutput['charge']['reason'],
      pricingCategory: message.chargePricingCategory as MessageOutput['charge']['pricingCategory'],
      market: message.chargeMarket,
      country: message.chargeCountry,
      rate: message.chargeRate,
      amount: message.chargeAmount,
      currency: message.chargeCurrency,
      tier: message.chargeTier,
      rateCardId: message.chargeRateCardId,
      source: message.chargeSource as MessageOutput['charge']['source'],
      explanation: message.chargeExplanation,
      estimateBillable: message.estimateBillable,
      estimateReason: message.estimateReason as MessageOutput['charge']['reason'],
      estimatePricingCategory:
        message.estimatePricingCategory as MessageOutput['charge']['pricingCategory'],
      month: message.chargeMonth,
    },
  };
}
