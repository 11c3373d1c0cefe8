import { registerEnumType } from '@nestjs/graphql';

export enum ReconciliationKind {
  META_BILLED_ESTIMATE_FREE = 'META_BILLED_ESTIMATE_FREE',
  META_FREE_ESTIMATE_BILLED = 'META_FREE_ESTIMATE_BILLED',
  CATEGORY_DIFFERS = 'CATEGORY_DIFFERS',
}

registerEnumType(ReconciliationKind, {
  name: 'ReconciliationKind',
  description: "How Meta's pricing verdict (the final charge) and the engine's estimate disagree.",
  valuesMap: {
    META_BILLED_ESTIMATE_FREE: {
      description: 'Meta billed a message the estimate expected to be free (or not billable).',
    },
    META_FREE_ESTIMATE_BILLED: {
      description: 'Meta did not bill a message the estimate expected to be billed.',
    },
    CATEGORY_DIFFERS: {
      description:
        'Both agree on billability but Meta put the message in another pricing category.',
    },
  },
});
