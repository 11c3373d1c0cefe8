import { registerEnumType } from '@nestjs/graphql';

export enum FindingSeverity {
  BLOCKER = 'BLOCKER',
  ACTION_REQUIRED = 'ACTION_REQUIRED',
  INFO = 'INFO',
}

registerEnumType(FindingSeverity, {
  name: 'FindingSeverity',
  description:
    'BLOCKER: the number cannot be onboarded. ACTION_REQUIRED: check or change something (a planned feature, a campaign, a missing answer). INFO: a caveat every coexistence number has.',
  valuesMap: {
    BLOCKER: { description: 'Onboarding to coexistence is not possible.' },
    ACTION_REQUIRED: { description: 'Onboarding is possible, but something needs attention.' },
    INFO: { description: 'A general coexistence caveat to know about.' },
  },
});
