// The RAML's response schemas, extracted by scripts/extract-raml-schemas.mjs into
// test/fixtures/raml-schemas.json: { "METHOD /path/{param}": JSON Schema of the 200 body }.
import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';
import type { JsonSchema } from './schemaValidator';

/** From out/test/unit/helpers (compiled) or test/unit/helpers (run from source). */
function fixturePath(): string {
  const candidates = ['../../../../test/fixtures/raml-schemas.json', '../../fixtures/raml-schemas.json'].map((p) => resolve(__dirname, p));
  return candidates.find((p) => existsSync(p)) ?? candidates[0] ?? '';
}

export function loadRamlSchemas(): Record<string, JsonSchema> {
  return JSON.parse(readFileSync(fixturePath(), 'utf8')) as Record<string, JsonSchema>;
}

/** Operations whose success has no JSON body in the RAML (204) or no schema at all. */
export const SCHEMALESS_OPERATIONS = {
  'DELETE /rooms/{room_id}': '204 No Content (nocontent_response)',
  'DELETE /incoming_requests/{request_id}': '204 No Content (nocontent_response)',
  'POST /rooms/{room_id}/files': 'only an example {"file_id": 1234} in the RAML',
} as const;

/** The RAML's unauthorized_response trait (used for every error body). */
export const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  properties: { errors: { type: 'array', items: [{ type: 'string' }] } },
  required: ['errors'],
};

/** Written from the RAML example of POST /rooms/{room_id}/files, which has no schema. */
export const FILE_UPLOAD_SCHEMA: JsonSchema = {
  type: 'object',
  properties: { file_id: { type: 'integer' } },
  required: ['file_id'],
};
