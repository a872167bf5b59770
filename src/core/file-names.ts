/** File names of the exports (CONTRACT 6). */

/** The file name of a sessions export (CONTRACT 6). */
export function sessionsCsvFileName(product: string, from: string, to: string): string {
  return `${product}-user-sessions_${from}_${to}.csv`;
}
