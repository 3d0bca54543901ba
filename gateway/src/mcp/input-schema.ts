import {
  astFromValue,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  TypeInfo,
  typeFromAST,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** A JSON Schema (the subset the tool inputs use: draft-07 and 2020-12 read it alike). */
export type JsonSchema = { [keyword: string]: unknown };

/** The input schema of a tool: an object with one property per operation variable. */
export interface ObjectJsonSchema extends JsonSchema {
  readonly type: 'object';
  readonly properties: Record<string, JsonSchema>;
  readonly required?: string[];
}

const INT_RANGE = { minimum: -2_147_483_648, maximum: 2_147_483_647 };

/**
 * The JSON Schema of an operation's variables, read against the API schema: built-in scalars, enums with their
 * values, input objects with their fields' descriptions and defaults, lists; non-null without a default is
 * required, and nullable values also accept null, as GraphQL does. Each variable is described by the argument
 * it is passed to. The operation must already be valid against `schema`.
 */
export function variablesSchema(schema: GraphQLSchema, operation: OperationDefinitionNode): ObjectJsonSchema {
  const descriptions = argumentDescriptions(schema, operation);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const variable of operation.variableDefinitions ?? []) {
    const name = variable.variable.name.value;
    const type = typeFromAST(schema, variable.type) as GraphQLInputType | undefined;
    if (!type) throw new Error(`variable $${name} has an unknown type`);
    const property = typeSchema(type, new Set());
    const description = descriptions.get(name);
    if (description) property['description'] = description;
    if (variable.defaultValue) property['default'] = valueFromASTUntyped(variable.defaultValue);
    else if (isNonNullType(type)) required.push(name);
    properties[name] = property;
  }
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

function typeSchema(type: GraphQLInputType, enclosing: ReadonlySet<string>): JsonSchema {
  return isNonNullType(type)
    ? namedOrListSchema(type.ofType, enclosing)
    : orNull(namedOrListSchema(type, enclosing));
}

function namedOrListSchema(type: GraphQLInputType, enclosing: ReadonlySet<string>): JsonSchema {
  if (isListType(type)) return { type: 'array', items: typeSchema(type.ofType, enclosing) };
  if (isEnumType(type)) {
    const values = type.getValues();
    const explained = values.filter((v) => v.description).map((v) => `${v.name}: ${v.description}`);
    return {
      type: 'string',
      enum: values.map((v) => v.name),
      ...describe([type.description, ...explained].filter(Boolean).join('\n')),
    };
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return { type: 'integer', ...INT_RANGE };
      case 'Float':
        return { type: 'number' };
      case 'Boolean':
        return { type: 'boolean' };
      case 'String':
        return { type: 'string' };
      case 'ID':
        return { type: ['string', 'integer'] };
      default:
        // A custom scalar's wire format is its own: say what it is and let GraphQL check the value.
        return describe(type.description ?? `A ${type.name} value.`);
    }
  }
  if (isInputObjectType(type)) {
    // A recursive input type is described once per path; the inner occurrence is left open.
    if (enclosing.has(type.name)) return { type: 'object', ...describe(`A ${type.name}, as above.`) };
    const inner = new Set([...enclosing, type.name]);
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const field of Object.values(type.getFields())) {
      properties[field.name] = { ...typeSchema(field.type, inner), ...fieldExtras(field) };
      if (isNonNullType(field.type) && field.defaultValue === undefined) required.push(field.name);
    }
    return {
      type: 'object',
      properties,
      ...(required.length > 0 ? { required } : {}),
      additionalProperties: false,
      // @oneOf input objects take exactly one field.
      ...((type as { isOneOf?: boolean }).isOneOf ? { minProperties: 1, maxProperties: 1 } : {}),
      ...describe(type.description),
    };
  }
  throw new Error(`unexpected input type ${String(type)}`);
}

function fieldExtras(field: GraphQLInputField): JsonSchema {
  const extras: JsonSchema = { ...describe(field.description) };
  if (field.defaultValue !== undefined) {
    // Input field defaults are internal values; their AST form gives the JSON a client would send.
    const ast = astFromValue(field.defaultValue, field.type);
    if (ast) extras['default'] = valueFromASTUntyped(ast);
  }
  return extras;
}

/** GraphQL accepts an explicit null for any nullable value; so does the schema. */
function orNull(schema: JsonSchema): JsonSchema {
  const type = schema['type'];
  if (type === undefined) return schema;
  const types = Array.isArray(type) ? type : [type];
  const enumValues = schema['enum'];
  return {
    ...schema,
    type: [...types, 'null'],
    ...(Array.isArray(enumValues) ? { enum: [...enumValues, null] } : {}),
  };
}

const describe = (text: string | null | undefined): JsonSchema => (text ? { description: text } : {});

/** What each variable means: the description of the argument (or input field) it is passed to. */
function argumentDescriptions(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
): Map<string, string> {
  const descriptions = new Map<string, string>();
  const typeInfo = new TypeInfo(schema);
  const note = (variable: string, description: string | null | undefined) => {
    if (description && !descriptions.has(variable)) descriptions.set(variable, description);
  };
  visit(
    operation,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        if (node.value.kind === Kind.VARIABLE)
          note(node.value.name.value, typeInfo.getArgument()?.description);
      },
      ObjectField(node) {
        const parent = typeInfo.getParentInputType();
        if (node.value.kind === Kind.VARIABLE && isInputObjectType(parent)) {
          note(node.value.name.value, parent.getFields()[node.name.value]?.description);
        }
      },
    }),
  );
  return descriptions;
}
