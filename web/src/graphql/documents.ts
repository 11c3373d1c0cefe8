import { graphql } from '../gql';

export const CurrentApiKeyDocument = graphql(`
  query CurrentApiKey {
    currentApiKey {
      id
      name
      role
    }
  }
`);

export const ScopesDocument = graphql(`
  query Scopes {
    wabas {
      wabaId
      name
      currency
      timezone
      portfolioId
    }
    portfolios {
      id
      name
      wabaIds
    }
  }
`);

export const OverviewByDayDocument = graphql(`
  query OverviewByDay($byDay: CostReportInput!) {
    byDay: costReport(input: $byDay) {
      rows {
        day
        currency
        messages
        billableMessages
        freeMessages
        amount
      }
    }
  }
`);

export const OverviewDocument = graphql(`
  query Overview(
    $statement: StatementInput!
    $previous: StatementInput!
    $byMarketCategory: CostReportInput!
  ) {
    statement: monthlyStatement(input: $statement) {
      number
      currency
      exactTotal
      total
      billedMessages
      unpricedMessages
      pendingMessages
      notDeliveredMessages
      rejectedMessages
      free {
        reason
        quantity
      }
    }
    previous: monthlyStatement(input: $previous) {
      month
      currency
      exactTotal
      total
    }
    byMarketCategory: costReport(input: $byMarketCategory) {
      rows {
        market
        pricingCategory
        currency
        messages
        billableMessages
        freeMessages
        amount
      }
    }
    savings: businessAppSavings(input: $statement) {
      currency
      messages
      billedMessages
      freeMessages
      unpricedMessages
      amount
    }
  }
`);

export const StatementDocument = graphql(`
  query StatementPage($input: StatementInput!) {
    monthlyStatement(input: $input) {
      number
      issuedAt
      month
      currency
      wabaId
      wabaName
      portfolioId
      portfolioName
      timezone
      wabaIds
      rateCards
      lines {
        market
        pricingCategory
        tier
        quantity
        rate
        amount
      }
      unpriced {
        market
        pricingCategory
        quantity
      }
      unpricedMessages
      unpricedUnclassifiedMessages
      free {
        reason
        quantity
      }
      billedMessages
      pendingMessages
      notDeliveredMessages
      rejectedMessages
      exactTotal
      total
    }
  }
`);

export const CreateExportDocument = graphql(`
  mutation CreateExport($input: ExportInput!) {
    createExport(input: $input) {
      id
      status
    }
  }
`);

export const ExportDocument = graphql(`
  query ExportStatus($id: ID!) {
    export(id: $id) {
      id
      status
      fileName
      error
      downloadUrl
    }
  }
`);

export const MessagesDocument = graphql(`
  query MessagesPage($filter: MessageFilter, $first: Int, $after: String) {
    messages(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          wamid
          phoneNumberId
          direction
          origin
          status
          sentAt
          deliveredAt
          templateName
          metaPricingCategory
          metaPricingType
          charge {
            amount
            currency
            reason
            billable
            pricingCategory
            market
            country
            tier
            rate
            explanation
            source
            estimateReason
            estimatePricingCategory
            estimateBillable
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ReconciliationDocument = graphql(`
  query ReconciliationPage($input: ReconciliationInput!, $first: Int, $after: String) {
    reconciliation(input: $input, first: $first, after: $after) {
      totalCount
      groups {
        kind
        currency
        messages
        amountAtStake
      }
      edges {
        cursor
        node {
          wamid
          kind
          amount
          currency
          chargeReason
          chargePricingCategory
          estimateReason
          estimatePricingCategory
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** What the simulations page shows of a run: the baseline and each scenario's figures. */
export const SimulationFieldsFragment = graphql(`
  fragment SimulationFields on Simulation {
    baseline
    scenarios {
      name
      currency
      messages
      billableMessages
      freeMessages
      unpricedMessages
      total
      roundedTotal
      deltaFromBaseline
      assumptions
    }
  }
`);

export const SimulateDocument = graphql(`
  query Simulate($input: SimulationInput!) {
    simulate(input: $input) {
      ...SimulationFields
    }
  }
`);

export const SavedScenariosDocument = graphql(`
  query SavedScenarios {
    savedScenarios {
      name
      scenario
      updatedAt
    }
  }
`);

export const SaveScenarioDocument = graphql(`
  mutation SaveScenario($input: ScenarioInput!) {
    saveScenario(input: $input) {
      name
    }
  }
`);

export const ForecastDocument = graphql(`
  query ForecastPage($input: ForecastInput!) {
    forecast(input: $input) {
      targetMonth
      currency
      total
      roundedTotal
      historyMonths
      assumptions
    }
  }
`);

export const EligibilityDocument = graphql(`
  query Eligibility($input: EligibilityInput!) {
    coexistenceEligibility(input: $input) {
      eligible
      country
      throughputCoexistence
      throughputStandard
      campaignMinutesAtCoexistence
      campaignMinutesStandard
      campaignFitsWindowAtCoexistence
      campaignFitsWindowStandard
      blockers {
        code
        message
      }
      warnings {
        code
        message
      }
    }
  }
`);

export const RateCardsDocument = graphql(`
  query RateCardsPage($currency: String!, $date: String!) {
    rateCards {
      id
      name
      currency
      effectiveFrom
      builtIn
      provenance
      importedAt
    }
    rateCardCoverage(currency: $currency, date: $date) {
      pricedMarkets
      rateCard {
        id
        name
        effectiveFrom
        provenance
        rates {
          market
          marketing
          utility
          authentication
          authenticationInternational
          service
        }
      }
      unpriced {
        market
        pricingCategory
      }
    }
  }
`);

export const ImportRateCardDocument = graphql(`
  mutation ImportRateCard($input: ImportRateCardInput!) {
    importRateCard(input: $input) {
      id
      name
      repriceJob {
        id
        status
      }
    }
  }
`);

export const JobDocument = graphql(`
  query JobStatus($id: ID!) {
    job(id: $id) {
      id
      status
      error
    }
  }
`);

export const MessageDocument = graphql(`
  query MessageDetail($wamid: String!) {
    message(wamid: $wamid) {
      wamid
      direction
      origin
      status
      templateName
      metaPricingCategory
      metaPricingType
      charge {
        amount
        currency
        reason
        pricingCategory
        market
        tier
        explanation
        source
        estimateReason
        estimatePricingCategory
      }
    }
  }
`);

export const RunSavedScenariosDocument = graphql(`
  query RunSavedScenarios($names: [String!]!) {
    runSavedScenarios(names: $names) {
      ...SimulationFields
    }
  }
`);

export const ImportJobDocument = graphql(`
  query ImportJob($id: ID!) {
    job(id: $id) {
      id
      status
      progress
      attempts
      error
      startedAt
      finishedAt
      import {
        format
        linesRead
        stored
        duplicates
        rejectedLines
        messagesChanged
        repricedMessages
        problemCount
        problems {
          line
          message
        }
      }
    }
  }
`);

export const ImportJobsDocument = graphql(`
  query ImportJobs {
    jobs(kind: IMPORT, first: 10) {
      edges {
        node {
          id
          status
          progress
          createdAt
          finishedAt
          import {
            linesRead
            stored
            rejectedLines
          }
        }
      }
    }
  }
`);
