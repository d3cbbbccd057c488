/** Minimal RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, an optional BOM. */

export type CsvParse = { ok: true; rows: string[][] } | { ok: false; error: string };

export function parseCsv(text: string): CsvParse {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') {
      if (field !== '') return { ok: false, error: `Line ${line}: a quote may only start a field.` };
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else field += ch;
  }
  if (quoted) return { ok: false, error: `Line ${line}: a quoted field is not closed.` };
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { ok: true, rows: rows.filter((r) => !(r.length === 1 && r[0]?.trim() === '')) };
}

/**
 * How a cell starts when a spreadsheet would run it as a formula (OWASP "CSV injection"): `=`, `+`,
 * `-`, `@`, a tab or a carriage return. Goal and owner names can start like that.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export const startsLikeFormula = (field: string) => FORMULA_START.test(field);

function quote(field: string): string {
  // OWASP: a leading apostrophe makes the cell text, and the cell is enclosed in quotes.
  if (startsLikeFormula(field)) return `"'${field.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(field) || field !== field.trim() ? `"${field.replace(/"/g, '""')}"` : field;
}

/** CSV text; a cell that would start a spreadsheet formula is written as text (see `FORMULA_START`). */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** Every cell (1-based row and column) that starts like a formula: an import refuses them. */
export function formulaCells(
  rows: readonly (readonly string[])[],
): { row: number; column: number; value: string }[] {
  return rows.flatMap((cells, r) =>
    cells.flatMap((value, c) => (startsLikeFormula(value) ? [{ row: r + 1, column: c + 1, value }] : [])),
  );
}
