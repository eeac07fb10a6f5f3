import fc from 'fast-check'
import { logLine, markup } from '../src/untrusted.js'
import { runnerCommand } from './helpers.js'

/** Text an attacker would choose: command syntax, breaks and invisible characters mixed in. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '::',
        '##[',
        '#',
        '[',
        ']',
        ':',
        '\n',
        '\r',
        '\r\n',
        '\u2028',
        '\u2029',
        '\u0085',
        '\u000b',
        '\u000c',
        '\u00ad',
        '\u200b',
        '\ufeff',
        '\ufe0f',
        '\u034f',
        '\u115f',
        '\u00a0',
        '\u3000',
        ' ',
        '\t',
        'warning',
        'set-output name=published::true',
        'add-mask::',
        'stop-commands::T',
        '@octocat',
        '#12',
        '<script>',
        '</td>',
        '\n\n# heading',
        '[link](https://evil)',
        '`',
        '*',
        '|'
      ),
      fc.string()
    ),
    { maxLength: 12 }
  )
  .map(parts => parts.join(''))

describe('a log line', () => {
  test('never breaks into a second line, starts a command or holds a legacy one', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('', 'fail    Sandbox: '), (text, prefix) => {
        const line = logLine(prefix + text)
        expect(line).not.toMatch(/[\n\r\u2028\u2029\u0085\v\f]/)
        expect(runnerCommand(line)).toBeUndefined()
      }),
      { numRuns: 5000 }
    )
  })

  test.each([
    ['\n::warning::x', '\\n::warning::x'],
    ['::add-mask::x', '\\::add-mask::x'],
    ['  ::error::x', '\\  ::error::x'],
    ['a ##[set-output name=published;]true', 'a #\\#[set-output name=published;]true'],
    ['#\u00ad#[stop-commands]T', '#\\u{ad}#[stop-commands]T'],
    ['\ufe0f::add-mask::x', '\\u{fe0f}::add-mask::x'],
    ['\u034f::error::x', '\\u{34f}::error::x'],
    ['plain text: stays', 'plain text: stays']
  ])('%j is shown as %j', (text, shown) => {
    expect(logLine(text)).toBe(shown)
  })
})

describe('summary markup', () => {
  test('is text only: no tag but <br>, no blank line, no mention, no reference, no Markdown', () => {
    fc.assert(
      fc.property(hostileText, text => {
        const html = markup(text)
        expect(html).toMatch(/^(?:[^<>&@#\n\r`*_[\]|~!\\]|&(?:#\d+|amp|lt|gt|quot);|<br>)*$/)
        expect(html).not.toMatch(/&#(?:64|35);(?!&#8203;)/)
      }),
      { numRuns: 5000 }
    )
  })

  test.each([
    ['a\n\n# heading', 'a<br><br>&#35;&#8203; heading'],
    ['@octocat', '&#64;&#8203;octocat'],
    ['<img src=x>', '&lt;img src=x&gt;'],
    ['x\u202ey', 'x&#92;u{202e}y']
  ])('%j is %j', (text, html) => {
    expect(markup(text)).toBe(html)
  })
})
