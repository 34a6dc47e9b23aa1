// The allowed values of the RAML's enum parameters, as scripts/extract-raml-schemas.mjs reads them
// from the spec into test/fixtures/raml-params.json. The emulator validates requests with these — its
// own reading of the spec — and never with the client's lists (src/api/types.ts), so that a mistake
// in the client's lists (a missing or misspelt icon preset) is a 400 here instead of a shared blind spot.
import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';

type ParamEnums = Record<string, Record<string, string[]>>;

let cached: ParamEnums | undefined;

function load(): ParamEnums {
  if (cached) return cached;
  // From out/test/emulator (compiled) or test/emulator (ts-node, bundlers).
  const candidates = ['../../../test/fixtures/raml-params.json', '../fixtures/raml-params.json'].map((p) => resolve(__dirname, p));
  const file = candidates.find((p) => existsSync(p));
  if (!file) throw new Error(`raml-params.json not found (looked in ${candidates.join(', ')}); run scripts/extract-raml-schemas.mjs`);
  cached = JSON.parse(readFileSync(file, 'utf8')) as ParamEnums;
  return cached;
}

/** The values the RAML allows for `parameter` of `operation` ("POST /rooms", "icon_preset"). */
export function ramlEnum<T extends string = string>(operation: string, parameter: string): readonly T[] {
  const values = load()[operation]?.[parameter];
  if (!values?.length) throw new Error(`The RAML has no enum for ${parameter} of ${operation}`);
  return values as T[];
}
