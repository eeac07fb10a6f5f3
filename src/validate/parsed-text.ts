/* The contract between structured-file.ts and its two parsers (json-text.ts, yaml-text.ts). */

/** What a parser makes of a file's text, whichever the format. */
export interface ParsedText {
  /** Syntax errors and duplicate keys, at their offsets; none when the text is sound. */
  errors: Array<{ message: string; pos: number }>
  /** The data (called only without errors; may throw, e.g. YAML's alias bound). */
  data(): unknown
  /** Offset of the value at `path` (of the key itself with `key`), or of its nearest parent. */
  offsetOf(path: readonly PropertyKey[], key: boolean): number | undefined
  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number }
}
