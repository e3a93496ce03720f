/**
 * The one CSV dialect of FTOP, read and written with Apache Commons CSV: RFC 4180 (comma separated,
 * double quotes, a doubled quote inside quotes), UTF-8 with or without a byte order mark, lines ending
 * in CRLF, LF or CR. {@link ftop.core.csv.CsvReader} gives every row with the line of the file it
 * starts on, so an import reports problems where a person finds them; {@link ftop.core.csv.CsvWriter}
 * writes rows with CRLF line ends and guards every cell against spreadsheet formulas
 * ({@link ftop.core.csv.FormulaGuard}). Assignment import and export, the server's feed imports and
 * the Portfolio export all go through here.
 */
package ftop.core.csv;
