import { Field, InputType, Int } from '@nestjs/graphql';
import { DateTimeScalar } from '../../../common/graphql/date-time.scalar';
import { PlannedFeature } from '../../enums/planned-feature.enum';

@InputType({
  description: 'What is known about a WhatsApp Business app number before coexistence.',
})
export class EligibilityInput {
  @Field({ description: 'The business number in international format, e.g. "+44 20 7946 0958".' })
  phoneNumber!: string;

  @Field(() => String, {
    nullable: true,
    description: 'WhatsApp Business app version on the phone, e.g. "2.24.17".',
  })
  appVersion?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Days the WhatsApp Business app has been using this number.',
  })
  daysOnApp?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Days since the WhatsApp Business app was last opened on the phone.',
  })
  daysSinceAppLastOpened?: number | null;

  @Field(() => Int, { nullable: true, description: 'Messages in a planned API campaign.' })
  campaignMessages?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Minutes the campaign must finish in; requires campaignMessages.',
  })
  campaignWindowMinutes?: number | null;

  @Field(() => [PlannedFeature], { nullable: true })
  plannedFeatures?: PlannedFeature[] | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Date the rules are evaluated at; defaults to now.',
  })
  asOf?: Date | null;
}
