// Chatwork's wire conventions for parameters, shared by query strings and form bodies:
// booleans are 1/0, id lists are comma-joined (`123,542,1001`), absent values are left out.

export type ParamValue = string | number | boolean | readonly number[] | undefined;
export type Params = Readonly<Record<string, ParamValue>>;

function encodeValue(value: Exclude<ParamValue, undefined>): string {
  if (typeof value === 'boolean') {
    return value ? '1' : '0';
  }
  // Numbers, text, and id lists: String([123, 542]) is already the comma-joined '123,542'.
  return String(value);
}

/** `application/x-www-form-urlencoded` text, also used as the query string of GETs. */
export function encodeParams(params: Params | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value !== undefined) {
      search.append(name, encodeValue(value));
    }
  }
  return search.toString();
}
