'use strict'
/*
 * What the files of the child program (see serve.cjs) share: the limits of a report, the name
 * `import(` is renamed to, a CommonJS wrapper's parameters, and the slack of a deadline.
 */

/** Distinct modules one file may ask for; beyond, the check fails instead of dropping some. */
const MAX_SPECIFIERS = 256
const MAX_SPECIFIER_CHARS = 214
const MAX_MESSAGE_CHARS = 500
const MAX_PROBLEMS = 20
/** What `import(` and `import.meta` are renamed to: as long as `import`, so columns hold. */
const IMPORT_NAME = '\u026Amport'
/** A CommonJS wrapper's parameters: `require` is a lexical of the context, out of `arguments`. */
const COMMONJS_PARAMETERS = ['exports', 'module', '__filename', '__dirname']
/** A deadline within this of its end counts as reached (timers are not exact). */
const DEADLINE_SLACK_MS = 5

module.exports = {
  MAX_SPECIFIERS,
  MAX_SPECIFIER_CHARS,
  MAX_MESSAGE_CHARS,
  MAX_PROBLEMS,
  IMPORT_NAME,
  COMMONJS_PARAMETERS,
  DEADLINE_SLACK_MS
}
