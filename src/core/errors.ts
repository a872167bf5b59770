/**
 * The one error core throws for a malformed query or dataset record. It names the field at fault
 * so that a service can answer 400 with a useful `detail`, and a developer can find the bad record.
 */
export class ContractError extends Error {
  override readonly name = 'ContractError';
  /** The query parameter or dataset path at fault, e.g. `interval` or `sessions[12].started`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

/** Short, safe rendering of a bad value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
