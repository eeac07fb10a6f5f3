import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'
import { callOf, LIST_PATH, parseJson, readBody, VERSION_PATH } from '../../src/emulator/wire.js'

/** How the emulator reads a request: which call it is, and its body. */
const ID = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890'
const VERSION = `/api/v2/studio/data-actions/${ID}/versions/v2`
const LIST = `/api/v2/studio/data-actions/${ID}/versions`

test.each([
  ['POST', '/oauth/token', '', 'token'],
  ['GET', LIST, '', 'list'],
  ['POST', LIST, '', 'unknown'],
  ['GET', VERSION, '', 'get'],
  ['POST', VERSION, '{}', 'upload'],
  ['PATCH', VERSION, '{"published":true}', 'publish'],
  ['PATCH', VERSION, '{"published":false}', 'unpublish'],
  ['PATCH', VERSION, 'not json', 'publish'],
  ['DELETE', VERSION, '', 'unknown'],
  ['GET', '/elsewhere', '', 'unknown']
])('%s %s %s is a %s call', (method, path, body, call) => {
  expect(callOf(method, path, VERSION_PATH.exec(path), LIST_PATH.exec(path), body)).toBe(call)
})

test('a body that is not JSON parses to undefined', () => {
  expect(parseJson('{"a":1}')).toEqual({ a: 1 })
  expect(parseJson('{')).toBeUndefined()
})

test('a body is read whole, up to 16 MB; a longer one reads as undefined', async () => {
  const chunks = (count: number, size: number) =>
    Readable.from(Array.from({ length: count }, () => Buffer.alloc(size, 'x'))) as IncomingMessage
  expect(await readBody(chunks(2, 3))).toBe('xxxxxx')
  expect(await readBody(chunks(17, 1024 * 1024))).toBeUndefined()
})
