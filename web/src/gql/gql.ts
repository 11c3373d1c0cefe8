/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query CurrentApiKey {\n    currentApiKey {\n      id\n      name\n      role\n    }\n  }\n": typeof types.CurrentApiKeyDocument,
    "\n  query Scopes {\n    wabas {\n      wabaId\n      name\n      currency\n      timezone\n      portfolioId\n    }\n    portfolios {\n      id\n      name\n      wabaIds\n    }\n  }\n": typeof types.ScopesDocument,
    "\n  query OverviewByDay($byDay: CostReportInput!) {\n    byDay: costReport(input: $byDay) {\n      rows {\n        day\n        currency\n        messages\n        billableMessages\n        freeMessages\n        amount\n      }\n    }\n  }\n": typeof types.OverviewByDayDocument,
    "\n  query Overview(\n    $statement: StatementInput!\n    $previous: StatementInput!\n    $byMarketCategory: CostReportInput!\n  ) {\n    statement: monthlyStatement(input: $statement) {\n      number\n      currency\n      exactTotal\n      total\n      billedMessages\n      unpricedMessages\n      pendingMessages\n      notDeliveredMessages\n      rejectedMessages\n      free {\n        reason\n        quantity\n      }\n    }\n    previous: monthlyStatement(input: $previous) {\n      month\n      currency\n      exactTotal\n      total\n    }\n    byMarketCategory: costReport(input: $byMarketCategory) {\n      rows {\n        market\n        pricingCategory\n        currency\n        messages\n        billableMessages\n        freeMessages\n        amount\n      }\n    }\n    savings: businessAppSavings(input: $statement) {\n      currency\n      messages\n      billedMessages\n      freeMessages\n      unpricedMessages\n      amount\n    }\n  }\n": typeof types.OverviewDocument,
    "\n  query StatementPage($input: StatementInput!) {\n    monthlyStatement(input: $input) {\n      number\n      issuedAt\n      month\n      currency\n      wabaId\n      wabaName\n      portfolioId\n      portfolioName\n      timezone\n      wabaIds\n      rateCards\n      lines {\n        market\n        pricingCategory\n        tier\n        quantity\n        rate\n        amount\n      }\n      unpriced {\n        market\n        pricingCategory\n        quantity\n      }\n      unpricedMessages\n      unpricedUnclassifiedMessages\n      free {\n        reason\n        quantity\n      }\n      billedMessages\n      pendingMessages\n      notDeliveredMessages\n      rejectedMessages\n      exactTotal\n      total\n    }\n  }\n": typeof types.StatementPageDocument,
    "\n  mutation CreateExport($input: ExportInput!) {\n    createExport(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CreateExportDocument,
    "\n  query ExportStatus($id: ID!) {\n    export(id: $id) {\n      id\n      status\n      fileName\n      error\n      downloadUrl\n    }\n  }\n": typeof types.ExportStatusDocument,
    "\n  query MessagesPage($filter: MessageFilter, $first: Int, $after: String) {\n    messages(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          wamid\n          phoneNumberId\n          direction\n          origin\n          status\n          sentAt\n          deliveredAt\n          templateName\n          metaPricingCategory\n          metaPricingType\n          charge {\n            amount\n            currency\n            reason\n            billable\n            pricingCategory\n            market\n            country\n            tier\n            rate\n            explanation\n            source\n            estimateReason\n            estimatePricingCategory\n            estimateBillable\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MessagesPageDocument,
    "\n  query ReconciliationPage($input: ReconciliationInput!, $first: Int, $after: String) {\n    reconciliation(input: $input, first: $first, after: $after) {\n      totalCount\n      groups {\n        kind\n        currency\n        messages\n        amountAtStake\n      }\n      edges {\n        cursor\n        node {\n          wamid\n          kind\n          amount\n          currency\n          chargeReason\n          chargePricingCategory\n          estimateReason\n          estimatePricingCategory\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ReconciliationPageDocument,
    "\n  fragment SimulationFields on Simulation {\n    baseline\n    scenarios {\n      name\n      currency\n      messages\n      billableMessages\n      freeMessages\n      unpricedMessages\n      total\n      roundedTotal\n      deltaFromBaseline\n      assumptions\n    }\n  }\n": typeof types.SimulationFieldsFragmentDoc,
    "\n  query Simulate($input: SimulationInput!) {\n    simulate(input: $input) {\n      ...SimulationFields\n    }\n  }\n": typeof types.SimulateDocument,
    "\n  query SavedScenarios {\n    savedScenarios {\n      name\n      scenario\n      updatedAt\n    }\n  }\n": typeof types.SavedScenariosDocument,
    "\n  mutation SaveScenario($input: ScenarioInput!) {\n    saveScenario(input: $input) {\n      name\n    }\n  }\n": typeof types.SaveScenarioDocument,
    "\n  query ForecastPage($input: ForecastInput!) {\n    forecast(input: $input) {\n      targetMonth\n      currency\n      total\n      roundedTotal\n      historyMonths\n      assumptions\n    }\n  }\n": typeof types.ForecastPageDocument,
    "\n  query Eligibility($input: EligibilityInput!) {\n    coexistenceEligibility(input: $input) {\n      eligible\n      country\n      throughputCoexistence\n      throughputStandard\n      campaignMinutesAtCoexistence\n      campaignMinutesStandard\n      campaignFitsWindowAtCoexistence\n      campaignFitsWindowStandard\n      blockers {\n        code\n        message\n      }\n      warnings {\n        code\n        message\n      }\n    }\n  }\n": typeof types.EligibilityDocument,
    "\n  query RateCardsPage($currency: String!, $date: String!) {\n    rateCards {\n      id\n      name\n      currency\n      effectiveFrom\n      builtIn\n      provenance\n      importedAt\n    }\n    rateCardCoverage(currency: $currency, date: $date) {\n      pricedMarkets\n      rateCard {\n        id\n        name\n        effectiveFrom\n        provenance\n        rates {\n          market\n          marketing\n          utility\n          authentication\n          authenticationInternational\n          service\n        }\n      }\n      unpriced {\n        market\n        pricingCategory\n      }\n    }\n  }\n": typeof types.RateCardsPageDocument,
    "\n  mutation ImportRateCard($input: ImportRateCardInput!) {\n    importRateCard(input: $input) {\n      id\n      name\n      repriceJob {\n        id\n        status\n      }\n    }\n  }\n": typeof types.ImportRateCardDocument,
    "\n  query JobStatus($id: ID!) {\n    job(id: $id) {\n      id\n      status\n      error\n    }\n  }\n": typeof types.JobStatusDocument,
    "\n  query MessageDetail($wamid: String!) {\n    message(wamid: $wamid) {\n      wamid\n      direction\n      origin\n      status\n      templateName\n      metaPricingCategory\n      metaPricingType\n      charge {\n        amount\n        currency\n        reason\n        pricingCategory\n        market\n        tier\n        explanation\n        source\n        estimateReason\n        estimatePricingCategory\n      }\n    }\n  }\n": typeof types.MessageDetailDocument,
    "\n  query RunSavedScenarios($names: [String!]!) {\n    runSavedScenarios(names: $names) {\n      ...SimulationFields\n    }\n  }\n": typeof types.RunSavedScenariosDocument,
    "\n  query ImportJob($id: ID!) {\n    job(id: $id) {\n      id\n      status\n      progress\n      attempts\n      error\n      startedAt\n      finishedAt\n      import {\n        format\n        linesRead\n        stored\n        duplicates\n        rejectedLines\n        messagesChanged\n        repricedMessages\n        problemCount\n        problems {\n          line\n          message\n        }\n      }\n    }\n  }\n": typeof types.ImportJobDocument,
    "\n  query ImportJobs {\n    jobs(kind: IMPORT, first: 10) {\n      edges {\n        node {\n          id\n          status\n          progress\n          createdAt\n          finishedAt\n          import {\n            linesRead\n            stored\n            rejectedLines\n          }\n        }\n      }\n    }\n  }\n": typeof types.ImportJobsDocument,
};
const documents: Documents = {
    "\n  query CurrentApiKey {\n    currentApiKey {\n      id\n      name\n      role\n    }\n  }\n": types.CurrentApiKeyDocument,
    "\n  query Scopes {\n    wabas {\n      wabaId\n      name\n      currency\n      timezone\n      portfolioId\n    }\n    portfolios {\n      id\n      name\n      wabaIds\n    }\n  }\n": types.ScopesDocument,
    "\n  query OverviewByDay($byDay: CostReportInput!) {\n    byDay: costReport(input: $byDay) {\n      rows {\n        day\n        currency\n        messages\n        billableMessages\n        freeMessages\n        amount\n      }\n    }\n  }\n": types.OverviewByDayDocument,
    "\n  query Overview(\n    $statement: StatementInput!\n    $previous: StatementInput!\n    $byMarketCategory: CostReportInput!\n  ) {\n    statement: monthlyStatement(input: $statement) {\n      number\n      currency\n      exactTotal\n      total\n      billedMessages\n      unpricedMessages\n      pendingMessages\n      notDeliveredMessages\n      rejectedMessages\n      free {\n        reason\n        quantity\n      }\n    }\n    previous: monthlyStatement(input: $previous) {\n      month\n      currency\n      exactTotal\n      total\n    }\n    byMarketCategory: costReport(input: $byMarketCategory) {\n      rows {\n        market\n        pricingCategory\n        currency\n        messages\n        billableMessages\n        freeMessages\n        amount\n      }\n    }\n    savings: businessAppSavings(input: $statement) {\n      currency\n      messages\n      billedMessages\n      freeMessages\n      unpricedMessages\n      amount\n    }\n  }\n": types.OverviewDocument,
    "\n  query StatementPage($input: StatementInput!) {\n    monthlyStatement(input: $input) {\n      number\n      issuedAt\n      month\n      currency\n      wabaId\n      wabaName\n      portfolioId\n      portfolioName\n      timezone\n      wabaIds\n      rateCards\n      lines {\n        market\n        pricingCategory\n        tier\n        quantity\n        rate\n        amount\n      }\n      unpriced {\n        market\n        pricingCategory\n        quantity\n      }\n      unpricedMessages\n      unpricedUnclassifiedMessages\n      free {\n        reason\n        quantity\n      }\n      billedMessages\n      pendingMessages\n      notDeliveredMessages\n      rejectedMessages\n      exactTotal\n      total\n    }\n  }\n": types.StatementPageDocument,
    "\n  mutation CreateExport($input: ExportInput!) {\n    createExport(input: $input) {\n      id\n      status\n    }\n  }\n": types.CreateExportDocument,
    "\n  query ExportStatus($id: ID!) {\n    export(id: $id) {\n      id\n      status\n      fileName\n      error\n      downloadUrl\n    }\n  }\n": types.ExportStatusDocument,
    "\n  query MessagesPage($filter: MessageFilter, $first: Int, $after: String) {\n    messages(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          wamid\n          phoneNumberId\n          direction\n          origin\n          status\n          sentAt\n          deliveredAt\n          templateName\n          metaPricingCategory\n          metaPricingType\n          charge {\n            amount\n            currency\n            reason\n            billable\n            pricingCategory\n            market\n            country\n            tier\n            rate\n            explanation\n            source\n            estimateReason\n            estimatePricingCategory\n            estimateBillable\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MessagesPageDocument,
    "\n  query ReconciliationPage($input: ReconciliationInput!, $first: Int, $after: String) {\n    reconciliation(input: $input, first: $first, after: $after) {\n      totalCount\n      groups {\n        kind\n        currency\n        messages\n        amountAtStake\n      }\n      edges {\n        cursor\n        node {\n          wamid\n          kind\n          amount\n          currency\n          chargeReason\n          chargePricingCategory\n          estimateReason\n          estimatePricingCategory\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ReconciliationPageDocument,
    "\n  fragment SimulationFields on Simulation {\n    baseline\n    scenarios {\n      name\n      currency\n      messages\n      billableMessages\n      freeMessages\n      unpricedMessages\n      total\n      roundedTotal\n      deltaFromBaseline\n      assumptions\n    }\n  }\n": types.SimulationFieldsFragmentDoc,
    "\n  query Simulate($input: SimulationInput!) {\n    simulate(input: $input) {\n      ...SimulationFields\n    }\n  }\n": types.SimulateDocument,
    "\n  query SavedScenarios {\n    savedScenarios {\n      name\n      scenario\n      updatedAt\n    }\n  }\n": types.SavedScenariosDocument,
    "\n  mutation SaveScenario($input: ScenarioInput!) {\n    saveScenario(input: $input) {\n      name\n    }\n  }\n": types.SaveScenarioDocument,
    "\n  query ForecastPage($input: ForecastInput!) {\n    forecast(input: $input) {\n      targetMonth\n      currency\n      total\n      roundedTotal\n      historyMonths\n      assumptions\n    }\n  }\n": types.ForecastPageDocument,
    "\n  query Eligibility($input: EligibilityInput!) {\n    coexistenceEligibility(input: $input) {\n      eligible\n      country\n      throughputCoexistence\n      throughputStandard\n      campaignMinutesAtCoexistence\n      campaignMinutesStandard\n      campaignFitsWindowAtCoexistence\n      campaignFitsWindowStandard\n      blockers {\n        code\n        message\n      }\n      warnings {\n        code\n        message\n      }\n    }\n  }\n": types.EligibilityDocument,
    "\n  query RateCardsPage($currency: String!, $date: String!) {\n    rateCards {\n      id\n      name\n      currency\n      effectiveFrom\n      builtIn\n      provenance\n      importedAt\n    }\n    rateCardCoverage(currency: $currency, date: $date) {\n      pricedMarkets\n      rateCard {\n        id\n        name\n        effectiveFrom\n        provenance\n        rates {\n          market\n          marketing\n          utility\n          authentication\n          authenticationInternational\n          service\n        }\n      }\n      unpriced {\n        market\n        pricingCategory\n      }\n    }\n  }\n": types.RateCardsPageDocument,
    "\n  mutation ImportRateCard($input: ImportRateCardInput!) {\n    importRateCard(input: $input) {\n      id\n      name\n      repriceJob {\n        id\n        status\n      }\n    }\n  }\n": types.ImportRateCardDocument,
    "\n  query JobStatus($id: ID!) {\n    job(id: $id) {\n      id\n      status\n      error\n    }\n  }\n": types.JobStatusDocument,
    "\n  query MessageDetail($wamid: String!) {\n    message(wamid: $wamid) {\n      wamid\n      direction\n      origin\n      status\n      templateName\n      metaPricingCategory\n      metaPricingType\n      charge {\n        amount\n        currency\n        reason\n        pricingCategory\n        market\n        tier\n        explanation\n        source\n        estimateReason\n        estimatePricingCategory\n      }\n    }\n  }\n": types.MessageDetailDocument,
    "\n  query RunSavedScenarios($names: [String!]!) {\n    runSavedScenarios(names: $names) {\n      ...SimulationFields\n    }\n  }\n": types.RunSavedScenariosDocument,
    "\n  query ImportJob($id: ID!) {\n    job(id: $id) {\n      id\n      status\n      progress\n      attempts\n      error\n      startedAt\n      finishedAt\n      import {\n        format\n        linesRead\n        stored\n        duplicates\n        rejectedLines\n        messagesChanged\n        repricedMessages\n        problemCount\n        problems {\n          line\n          message\n        }\n      }\n    }\n  }\n": types.ImportJobDocument,
    "\n  query ImportJobs {\n    jobs(kind: IMPORT, first: 10) {\n      edges {\n        node {\n          id\n          status\n          progress\n          createdAt\n          finishedAt\n          import {\n            linesRead\n            stored\n            rejectedLines\n          }\n        }\n      }\n    }\n  }\n": types.ImportJobsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentApiKey {\n    currentApiKey {\n      id\n      name\n      role\n    }\n  }\n"): typeof import('./graphql').CurrentApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Scopes {\n    wabas {\n      wabaId\n      name\n      currency\n      timezone\n      portfolioId\n    }\n    portfolios {\n      id\n      name\n      wabaIds\n    }\n  }\n"): typeof import('./graphql').ScopesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewByDay($byDay: CostReportInput!) {\n    byDay: costReport(input: $byDay) {\n      rows {\n        day\n        currency\n        messages\n        billableMessages\n        freeMessages\n        amount\n      }\n    }\n  }\n"): typeof import('./graphql').OverviewByDayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview(\n    $statement: StatementInput!\n    $previous: StatementInput!\n    $byMarketCategory: CostReportInput!\n  ) {\n    statement: monthlyStatement(input: $statement) {\n      number\n      currency\n      exactTotal\n      total\n      billedMessages\n      unpricedMessages\n      pendingMessages\n      notDeliveredMessages\n      rejectedMessages\n      free {\n        reason\n        quantity\n      }\n    }\n    previous: monthlyStatement(input: $previous) {\n      month\n      currency\n      exactTotal\n      total\n    }\n    byMarketCategory: costReport(input: $byMarketCategory) {\n      rows {\n        market\n        pricingCategory\n        currency\n        messages\n        billableMessages\n        freeMessages\n        amount\n      }\n    }\n    savings: businessAppSavings(input: $statement) {\n      currency\n      messages\n      billedMessages\n      freeMessages\n      unpricedMessages\n      amount\n    }\n  }\n"): typeof import('./graphql').OverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatementPage($input: StatementInput!) {\n    monthlyStatement(input: $input) {\n      number\n      issuedAt\n      month\n      currency\n      wabaId\n      wabaName\n      portfolioId\n      portfolioName\n      timezone\n      wabaIds\n      rateCards\n      lines {\n        market\n        pricingCategory\n        tier\n        quantity\n        rate\n        amount\n      }\n      unpriced {\n        market\n        pricingCategory\n        quantity\n      }\n      unpricedMessages\n      unpricedUnclassifiedMessages\n      free {\n        reason\n        quantity\n      }\n      billedMessages\n      pendingMessages\n      notDeliveredMessages\n      rejectedMessages\n      exactTotal\n      total\n    }\n  }\n"): typeof import('./graphql').StatementPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateExport($input: ExportInput!) {\n    createExport(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').CreateExportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportStatus($id: ID!) {\n    export(id: $id) {\n      id\n      status\n      fileName\n      error\n      downloadUrl\n    }\n  }\n"): typeof import('./graphql').ExportStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessagesPage($filter: MessageFilter, $first: Int, $after: String) {\n    messages(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          wamid\n          phoneNumberId\n          direction\n          origin\n          status\n          sentAt\n          deliveredAt\n          templateName\n          metaPricingCategory\n          metaPricingType\n          charge {\n            amount\n            currency\n            reason\n            billable\n            pricingCategory\n            market\n            country\n            tier\n            rate\n            explanation\n            source\n            estimateReason\n            estimatePricingCategory\n            estimateBillable\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').MessagesPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReconciliationPage($input: ReconciliationInput!, $first: Int, $after: String) {\n    reconciliation(input: $input, first: $first, after: $after) {\n      totalCount\n      groups {\n        kind\n        currency\n        messages\n        amountAtStake\n      }\n      edges {\n        cursor\n        node {\n          wamid\n          kind\n          amount\n          currency\n          chargeReason\n          chargePricingCategory\n          estimateReason\n          estimatePricingCategory\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').ReconciliationPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SimulationFields on Simulation {\n    baseline\n    scenarios {\n      name\n      currency\n      messages\n      billableMessages\n      freeMessages\n      unpricedMessages\n      total\n      roundedTotal\n      deltaFromBaseline\n      assumptions\n    }\n  }\n"): typeof import('./graphql').SimulationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Simulate($input: SimulationInput!) {\n    simulate(input: $input) {\n      ...SimulationFields\n    }\n  }\n"): typeof import('./graphql').SimulateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SavedScenarios {\n    savedScenarios {\n      name\n      scenario\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').SavedScenariosDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveScenario($input: ScenarioInput!) {\n    saveScenario(input: $input) {\n      name\n    }\n  }\n"): typeof import('./graphql').SaveScenarioDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ForecastPage($input: ForecastInput!) {\n    forecast(input: $input) {\n      targetMonth\n      currency\n      total\n      roundedTotal\n      historyMonths\n      assumptions\n    }\n  }\n"): typeof import('./graphql').ForecastPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Eligibility($input: EligibilityInput!) {\n    coexistenceEligibility(input: $input) {\n      eligible\n      country\n      throughputCoexistence\n      throughputStandard\n      campaignMinutesAtCoexistence\n      campaignMinutesStandard\n      campaignFitsWindowAtCoexistence\n      campaignFitsWindowStandard\n      blockers {\n        code\n        message\n      }\n      warnings {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql').EligibilityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RateCardsPage($currency: String!, $date: String!) {\n    rateCards {\n      id\n      name\n      currency\n      effectiveFrom\n      builtIn\n      provenance\n      importedAt\n    }\n    rateCardCoverage(currency: $currency, date: $date) {\n      pricedMarkets\n      rateCard {\n        id\n        name\n        effectiveFrom\n        provenance\n        rates {\n          market\n          marketing\n          utility\n          authentication\n          authenticationInternational\n          service\n        }\n      }\n      unpriced {\n        market\n        pricingCategory\n      }\n    }\n  }\n"): typeof import('./graphql').RateCardsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportRateCard($input: ImportRateCardInput!) {\n    importRateCard(input: $input) {\n      id\n      name\n      repriceJob {\n        id\n        status\n      }\n    }\n  }\n"): typeof import('./graphql').ImportRateCardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JobStatus($id: ID!) {\n    job(id: $id) {\n      id\n      status\n      error\n    }\n  }\n"): typeof import('./graphql').JobStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageDetail($wamid: String!) {\n    message(wamid: $wamid) {\n      wamid\n      direction\n      origin\n      status\n      templateName\n      metaPricingCategory\n      metaPricingType\n      charge {\n        amount\n        currency\n        reason\n        pricingCategory\n        market\n        tier\n        explanation\n        source\n        estimateReason\n        estimatePricingCategory\n      }\n    }\n  }\n"): typeof import('./graphql').MessageDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunSavedScenarios($names: [String!]!) {\n    runSavedScenarios(names: $names) {\n      ...SimulationFields\n    }\n  }\n"): typeof import('./graphql').RunSavedScenariosDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJob($id: ID!) {\n    job(id: $id) {\n      id\n      status\n      progress\n      attempts\n      error\n      startedAt\n      finishedAt\n      import {\n        format\n        linesRead\n        stored\n        duplicates\n        rejectedLines\n        messagesChanged\n        repricedMessages\n        problemCount\n        problems {\n          line\n          message\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ImportJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJobs {\n    jobs(kind: IMPORT, first: 10) {\n      edges {\n        node {\n          id\n          status\n          progress\n          createdAt\n          finishedAt\n          import {\n            linesRead\n            stored\n            rejectedLines\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ImportJobsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
