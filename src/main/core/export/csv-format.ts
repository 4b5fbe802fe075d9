/**
 * RFC 4180 quoting: a field with a comma, quote, CR or LF is wrapped in quotes with inner
 * quotes doubled. Fields starting with = + - @ are left as they are: every value we write
 * is a decimal string, an id or an enum from the exchange, and prefixing would change the
 * raw decimal strings the export promises.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (CRLF, as RFC 4180 and spreadsheet programs expect). */
export function csvLine(
  fields: ReadonlyArray<string | number | boolean | null | undefined>,
): string {
  return fields.map(csvField).join(',') + '\r\n';
}
