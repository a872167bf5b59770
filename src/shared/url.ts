/**
 * Request URLs of the report endpoint (CONTRACT 3): `{endpoint}/{product}/{resource}` with
 * repeated names for list parameters.
 */
export type ParamValue = string | number | boolean | null | undefined | readonly string[];

export function reportUrl(
  endpoint: string,
  product: string,
  resource: 'usage' | 'sessions' | 'capacity',
  params: Record<string, ParamValue>,
  base: string = typeof document === 'undefined' ? 'http://localhost/' : document.baseURI,
): string {
  const url = new URL(`${endpoint.replace(/\/+$/, '')}/${encodeURIComponent(product)}/${resource}`, base);
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(name, v);
    else url.searchParams.set(name, String(value));
  }
  return url.href;
}

/** Splits a comma-separated attribute value into trimmed, non-empty items. */
export function splitList(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}
