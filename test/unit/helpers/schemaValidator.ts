// A tiny JSON Schema validator for the RAML's response schemas (draft 3/4 era): type, properties,
// required (draft-4 array, or draft-3 `required: true` inside a property), items, enum,
// additionalProperties. Nothing else is used by chatwork-api-ja.raml.
//
// Quirks of the RAML schemas this has to live with:
// - Arrays are written `"items": [ {…} ]` (tuple form) but mean "every item is {…}": a one-element
//   tuple is applied to every item.
// - GET /contacts puts `required` on the array instead of on its items, and its items (like those
//   of GET /incoming_requests) have no `"type": "object"`; `required` on a non-object is ignored,
//   as JSON Schema says, so those lists need an explicit check in the tests.
// - No schema sets additionalProperties; `strict` treats it as false wherever `properties` exist,
//   so fields the RAML does not declare are reported too.

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[] | boolean;
  items?: JsonSchema | JsonSchema[];
  enum?: unknown[];
  additionalProperties?: boolean | JsonSchema;
  [key: string]: unknown;
}

export interface ValidateOptions {
  /** Report properties the schema does not declare (when additionalProperties is absent). */
  strict?: boolean;
}

function typeOk(type: string, value: unknown): boolean {
  switch (type) {
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'string': return typeof value === 'string';
    case 'boolean': return typeof value === 'boolean';
    case 'null': return value === null;
    case 'array': return Array.isArray(value);
    case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'any': return true;
    default: throw new Error(`unsupported schema type "${type}"`);
  }
}

const describe = (value: unknown): string => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

/** Returns the problems found, as "path: message" strings; empty when the value is valid. */
export function validate(schema: JsonSchema, value: unknown, options: ValidateOptions = {}, path = '$'): string[] {
  const errors: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeOk(t, value))) {
      return [`${path}: expected ${types.join(' | ')}, got ${describe(value)} ${JSON.stringify(value)?.slice(0, 60)}`];
    }
  }
  if (schema.enum && !schema.enum.some((e) => e === value)) {
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (typeOk('object', value)) errors.push(...validateObject(schema, value as Record<string, unknown>, options, path));
  if (Array.isArray(value) && schema.items) {
    const items = schema.items;
    value.forEach((item, i) => {
      const itemSchema = Array.isArray(items) ? (items.length === 1 ? items[0] : items[i]) : items;
      if (itemSchema) errors.push(...validate(itemSchema, item, options, `${path}[${i}]`));
    });
  }
  return errors;
}

function validateObject(schema: JsonSchema, obj: Record<string, unknown>, options: ValidateOptions, path: string): string[] {
  const errors: string[] = [];
  const props = schema.properties ?? {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  for (const key of required) if (!(key in obj)) errors.push(`${path}: missing required property "${key}"`);
  for (const [key, sub] of Object.entries(props)) {
    if (key in obj) errors.push(...validate(sub, obj[key], options, `${path}.${key}`));
    else if (sub.required === true) errors.push(`${path}: missing required property "${key}"`);
  }
  const extra = Object.keys(obj).filter((k) => !(k in props));
  const additional = schema.additionalProperties ?? (options.strict && schema.properties ? false : true);
  if (additional === false) {
    for (const key of extra) errors.push(`${path}: unexpected property "${key}"`);
  } else if (typeof additional === 'object') {
    for (const key of extra) errors.push(...validate(additional, obj[key], options, `${path}.${key}`));
  }
  return errors;
}
