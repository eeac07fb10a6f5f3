import * as z from '../../src/zod.js'
import { ProblemsError } from '../../src/errors.js'
import { parseStructuredFile } from '../../src/validate/structured-file.js'
import { fileOf } from '../helpers.js'

async function problems(path: string, text: string): Promise<Array<[number?, number?, string?]>> {
  try {
    await parseStructuredFile(fileOf(path, text, 'dependency-policy'))
  } catch (error) {
    return (error as ProblemsError).problems.map(p => [
      p.location?.line,
      p.location?.column,
      p.message
    ])
  }
  return []
}

describe('a .json file is read as strict JSON', () => {
  test.each([
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}\n', 3, 3, "',' was expected"],
    ['a trailing comma', '{\n  "a": 1,\n}\n', 3, 1, 'a key in double quotes was expected'],
    ['a comment', '{\n  // pinned\n  "a": 1\n}\n', 2, 3, 'JSON has no comments'],
    ['a duplicate key', '{\r\n  "a": 1,\r\n  "a": 2\r\n}\r\n', 3, 3, "the key 'a' is given twice"],
    ['an unclosed string', '{"a": "1}', 1, 7, 'a string is not closed']
  ])('%s is reported at its line and column', async (_name, text, line, column, message) => {
    expect(await problems('policy.json', text)).toEqual([
      [
        line,
        column,
        expect.stringMatching(
          `^Input 'dependency-policy': policy.json is not valid JSON: .*${message}`
        )
      ]
    ])
  })

  test('a YAML file is read as YAML, JSON included', async () => {
    expect(await problems('policy.yml', 'a: [1\n')).toEqual([
      [2, 1, expect.stringContaining('is not valid JSON or YAML')]
    ])
    const doc = await parseStructuredFile(fileOf('policy.yml', '{"a": 1}'))
    expect(doc.data).toEqual({ a: 1 })
  })

  test('a __proto__ key stays a plain key, whatever the format', async () => {
    for (const path of ['p.json', 'p.yml']) {
      const doc = await parseStructuredFile(fileOf(path, '{"__proto__": {"polluted": true}}'))
      const data = doc.data as Record<string, unknown>
      expect(Object.getPrototypeOf(data)).toBe(Object.prototype)
      expect(Object.hasOwn(data, '__proto__')).toBe(true)
      expect(data.polluted).toBeUndefined()
    }
  })

  test('nesting deeper than any stack is refused, not a crash', async () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000)
    const found = await problems('deep.json', deep)
    expect(found.length).toBeGreaterThan(0)
    expect(found[0]?.[2]).toContain('is not valid JSON')
  })

  test('a schema problem points at the line of its value, or of the key for an unknown key', async () => {
    const doc = await parseStructuredFile(
      fileOf('p.json', '\uFEFF{\n  "allowed": {\n    "lodash": 4\n  },\n  "blockd": []\n}\n')
    )
    const schema = z.strictObject({
      allowed: z.record(z.string(), z.string()),
      blocked: z.optional(z.array(z.string()))
    })
    let thrown: unknown
    try {
      doc.check(schema)
    } catch (error) {
      thrown = error
    }
    expect((thrown as ProblemsError).problems.map(p => [p.location?.line, p.message])).toEqual([
      [5, expect.stringContaining("unknown key 'blockd'; did you mean 'blocked'?")],
      [3, expect.stringContaining('at allowed.lodash')]
    ])
  })
})
