/*
 * Text the action did not write (from the repository, the sandboxed code, or an answer from
 * the network) is made safe here, once per sink, before it is shown. Nothing else in the
 * action escapes text for a sink.
 *
 * The runner reads the step's output line by line and runs as a workflow command any line
 * that starts with `::` after leading white space, and any line that holds `##[<command>]`
 * anywhere (the legacy form, still parsed for every registered command, `stop-commands`
 * included). Its comparisons are culture-sensitive, which ignores zero-width and other format
 * characters: those are shown as escapes too, so none can hide a command from these rules.
 */

/**
 * Line breaks, control and format characters, and every other character Unicode says may be
 * ignored (variation selectors, the combining grapheme joiner...): text comparisons may skip
 * them.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

function visible(text: string): string {
  return text.replace(INVISIBLE, ch => NAMED[ch] ?? `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`)
}

/**
 * One line of the step's log: it cannot break into a second line, start a workflow command,
 * or hold a legacy one.
 */
export function logLine(text: string): string {
  const line = visible(text).replace(/##\[/g, '#\\#[')
  return /^\s*::/.test(line) ? `\\${line}` : line
}

/** What HTML, Markdown or GitHub's reference linking would read in text, as entities. */
const MARKUP: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '|': '&#124;',
  '~': '&#126;',
  '!': '&#33;',
  '\\': '&#92;',
  // A zero-width space after them: GitHub links `@name` and `#123` in the rendered text.
  '@': '&#64;&#8203;',
  '#': '&#35;&#8203;'
}

/**
 * Text inside the HTML of the job summary or the pull request comment: nothing in it is read
 * as HTML, Markdown, a mention or a reference, and a line break is `<br>` (a blank line would
 * end the HTML block and start Markdown).
 */
export function markup(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(line => visible(line).replace(/[&<>"'`*_[\]|~!\\@#]/g, ch => MARKUP[ch] ?? ch))
    .join('<br>')
}
