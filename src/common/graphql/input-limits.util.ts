import { applyDecorators } from '@nestjs/common';
import { Extensions } from '@nestjs/graphql';
import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
} from 'graphql';
import { DomainError } from '../errors/domain.error';

/**
 * Every string a client sends in a GraphQL argument or input field, at any depth: no NUL
 * character (PostgreSQL text cannot hold one) and at most this many characters unless the field
 * says otherwise (fields stored in narrower columns say less; CSV files more).
 */
export const MAX_STRING_LENGTH = 200;

/** Every list in a GraphQL argument or input field, unless the field says otherwise. */
export const MAX_LIST_ITEMS = 1_000;

/** Where a rate card came from (stored as text). */
export const MAX_PROVENANCE_LENGTH = 1_000;

/** Per-field bounds, kept in the field's GraphQL extensions. */
export interface InputLimits {
  maxLength?: number;
  maxItems?: number;
}

const EXTENSION = 'inputLimits';
const ARGUMENTS_EXTENSION = 'argumentLimits';
/**
 * Bounds of one input field or argument other than the defaults; say them in the field's
 * description too (a test checks that every bound is described).
 */
export function InputLimit(limits: InputLimits): PropertyDecorator {
  return applyDecorators(Extensions({ [EXTENSION]: limits })) as PropertyDecorator;
}

/**
 * Bounds of a resolver's arguments other than the defaults (an `@Args` parameter has no
 * extensions of its own), by argument name; kept in the operation field's extensions.
 */
export function ArgumentLimits(limits: Record<string, InputLimits>): MethodDecorator {
  return applyDecorators(Extensions({ [ARGUMENTS_EXTENSION]: limits })) as MethodDecorator;
}

export function limitsOf(
  owner: Pick<GraphQLInputField | GraphQLArgument, 'extensions'>,
): InputLimits {
  return (owner.extensions?.[EXTENSION] as InputLimits | undefined) ?? {};
}

export function argumentLimitsOf(field: {
  extensions?: Record<string, unknown> | null;
}): Record<string, InputLimits> {
  return (field.extensions?.[ARGUMENTS_EXTENSION] as Record<string, InputLimits> | undefined) ?? {};
}

/**
 * Checks the coerced arguments of one field against their types: strings without NUL and within
 * their field's length, lists within their field's size, through input objects and lists.
 * Throws BAD_USER_INPUT naming the first value out of bounds (by its path in the arguments).
 */
export function checkInputLimits(
  args: readonly GraphQLArgument[],
  values: Record<string, unknown>,
  overrides: Record<string, InputLimits> = {},
): void {
  for (const arg of args) {
    checkValue(arg.type, values[arg.name], arg.name, { ...limitsOf(arg), ...overrides[arg.name] });
  }
}

function checkValue(
  type: GraphQLInputType,
  value: unknown,
  path: string,
  limits: InputLimits,
): void {
  if (value === null || value === undefined) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (!Array.isArray(value)) return;
    const maxItems = limits.maxItems ?? MAX_LIST_ITEMS;
    if (value.length > maxItems) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `${path} has ${value.length} items; at most ${maxItems} are accepted`,
        [{ path, message: `at most ${maxItems} items` }],
      );
    }
    const itemType = inner.ofType as GraphQLInputType;
    value.forEach((item, index) => checkValue(itemType, item, `${path}[${index}]`, limits));
    return;
  }
  if (isInputObjectType(inner)) {
    const object = value as Record<string, unknown>;
    for (const field of Object.values(inner.getFields())) {
      checkValue(field.type, object[field.name], `${path}.${field.name}`, limitsOf(field));
    }
    return;
  }
  if (isScalarType(getNamedType(inner)) && typeof value === 'string') {
    checkString(value, path, limits.maxLength ?? MAX_STRING_LENGTH);
  }
}

function checkString(value: string, path: string, maxLength: number): void {
  if (value.includes('\u0000')) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `${path} contains a NUL character (U+0000), which no text field accepts`,
      [{ path, message: 'contains U+0000' }],
    );
  }
  if (value.length > maxLength) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `${path} is ${value.length} characters long; at most ${maxLength} are accepted`,
      [{ path, message: `at most ${maxLength} characters` }],
    );
  }
}
