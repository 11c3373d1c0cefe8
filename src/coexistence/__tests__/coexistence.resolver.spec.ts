import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { INestApplication } from '@nestjs/common';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { GraphQLScalarType, printSchema } from 'graphql';
import request from 'supertest';
import { REQUIRED_ROLE_KEY } from '../../common/auth/roles.decorator';
import { DecimalScalar } from '../../common/graphql/decimal.scalar';
import { CoexistenceModule } from '../coexistence.module';
import { CoexistenceResolver } from '../coexistence.resolver';

/** DecimalScalar's @Scalar type function maps it to String, so bind the class to it here. */
function decimalScalarType(): GraphQLScalarType {
  const decimal = new DecimalScalar();
  return new GraphQLScalarType({
    name: 'Decimal',
    serialize: (value) => decimal.serialize(value),
    parseValue: (value) => decimal.parseValue(value),
    parseLiteral: (ast) => decimal.parseLiteral(ast),
  });
}

describe('CoexistenceResolver', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          buildSchemaOptions: {
            scalarsMap: [{ type: DecimalScalar, scalar: decimalScalarType() }],
          },
        }),
        CoexistenceModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication();
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  it('requires the finance role', () => {
    expect(
      Reflect.getMetadata(REQUIRED_ROLE_KEY, CoexistenceResolver.prototype.coexistenceEligibility),
    ).toBe('finance');
  });

  it('exposes the agreed schema names', () => {
    const sdl = printSchema(app.get(GraphQLSchemaHost).schema);

    for (const line of [
      'coexistenceEligibility(input: EligibilityInput!): Eligibility!',
      'phoneNumber: String!',
      'appVersion: String',
      'daysOnApp: Int',
      'campaignMessages: Int',
      'campaignWindowMinutes: Int',
      'plannedFeatures: [PlannedFeature!]',
      'asOf: DateTime',
      'eligible: Boolean!',
      'blockers: [Finding!]!',
      'warnings: [Finding!]!',
      'campaignMinutesAtCoexistence: Decimal',
      'campaignMinutesStandard: Decimal',
      'code: FindingCode!',
      'message: String!',
    ]) {
      expect(sdl).toContain(line);
    }
  });

  it('answers coexistenceEligibility with Decimal durations', async () => {
    const response = await request(app.getHttpServer())
      .post('/graphql')
      .send({
        query: `query($input: EligibilityInput!) {
          coexistenceEligibility(input: $input) {
            eligible country asOf throughputCoexistence throughputStandard
            campaignMinutesAtCoexistence campaignMinutesStandard
            campaignFitsWindowAtCoexistence campaignFitsWindowStandard
            blockers { code severity message sources }
            warnings { code severity }
          }
        }`,
        variables: {
          input: {
            phoneNumber: '+234 803 123 4567',
            appVersion: '2.24.17',
            daysOnApp: 10,
            campaignMessages: 1000,
            campaignWindowMinutes: 1,
            plannedFeatures: ['MARKETING_MESSAGES_LITE'],
            asOf: '2026-02-01T00:00:00.000Z',
          },
        },
      })
      .expect(200);

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.coexistenceEligibility).toMatchObject({
      eligible: false,
      country: 'NG',
      asOf: '2026-02-01T00:00:00.000Z',
      throughputCoexistence: 20,
      throughputStandard: 80,
      campaignMinutesAtCoexistence: '0.84',
      campaignMinutesStandard: '0.21',
      campaignFitsWindowAtCoexistence: true,
      campaignFitsWindowStandard: true,
      blockers: [{ code: 'COUNTRY_NOT_SUPPORTED', severity: 'BLOCKER' }],
    });
    expect(response.body.data.coexistenceEligibility.warnings).toContainEqual({
      code: 'MARKETING_MESSAGES_LITE',
      severity: 'ACTION_REQUIRED',
    });
  });
});
