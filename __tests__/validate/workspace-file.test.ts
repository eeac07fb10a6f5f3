import { execFileSync } from 'node:child_process'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { InputError } from '../../src/errors.js'
import { readWorkspaceFile } from '../../src/validate/workspace-file.js'
import { makeWorkspace } from '../helpers.js'

const options = { input: 'action-file', maxBytes: 64 }

describe('readWorkspaceFile', () => {
  const ws = makeWorkspace({
    'actions/ok.js': 'exports.handler = () => 1\n',
    'actions/empty.js': '',
    'actions/big.js': 'x'.repeat(65),
    'actions/latin1.js': Buffer.concat([
      Buffer.from('// line 1\n// caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n')
    ]),
    'actions/bom.js': '\uFEFFexports.handler = 1\n'
  })
  const outside = makeWorkspace({ 'secret.js': 'x' })
  symlinkSync(join(outside, 'secret.js'), join(ws, 'actions/escape.js'))
  symlinkSync(join(ws, 'actions/ok.js'), join(ws, 'actions/link.js'))
  mkdirSync(join(ws, 'actions/dir.js'))
  execFileSync('mkfifo', [join(ws, 'actions/fifo.js')])

  test('reads a file inside the workspace, with its exact bytes and checksum', async () => {
    const file = await readWorkspaceFile(ws, 'actions/ok.js', options)
    expect(file.path).toBe('actions/ok.js')
    expect(file.text).toBe('exports.handler = () => 1\n')
    expect(file.sha256).toBe(
      execFileSync('sha256sum', [join(ws, 'actions/ok.js')], { encoding: 'utf8' }).split(' ')[0]
    )
  })

  test('a symlink inside the workspace is read as its target', async () => {
    expect((await readWorkspaceFile(ws, 'actions/link.js', options)).path).toBe('actions/ok.js')
  })

  test('an absolute path inside the workspace is accepted', async () => {
    expect((await readWorkspaceFile(ws, join(ws, 'actions/ok.js'), options)).path).toBe(
      'actions/ok.js'
    )
  })

  test('a byte order mark is kept in the text and the checksum', async () => {
    const file = await readWorkspaceFile(ws, 'actions/bom.js', options)
    expect(file.text.charCodeAt(0)).toBe(0xfeff)
    expect(file.bytes.length).toBe(Buffer.byteLength(file.text))
  })

  test.each([
    ['actions/missing.js', "'actions/missing.js' does not exist"],
    ['../outside.js', "'../outside.js' is outside the workspace"],
    ['actions/../../x.js', 'is outside the workspace'],
    ['/etc/passwd', 'is outside the workspace'],
    ['actions/escape.js', 'is a link to a place outside the workspace'],
    ['actions/dir.js', 'is not a regular file'],
    ['actions/fifo.js', 'is not a regular file'],
    ['actions/empty.js', "'actions/empty.js' is empty"],
    ['actions/big.js', 'is 65 bytes; the limit is 64'],
    ['actions/latin1.js', 'is not valid UTF-8']
  ])('%s is refused: %s', async (path, message) => {
    const error = await readWorkspaceFile(ws, path, options).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).message).toMatch(/^Input 'action-file': /)
    expect((error as InputError).message).toContain(message)
  })

  test('non-UTF-8 is located at its line', async () => {
    const error = (await readWorkspaceFile(ws, 'actions/latin1.js', options).catch(
      (e: unknown) => e
    )) as InputError
    expect(error.location).toEqual({ file: 'actions/latin1.js', line: 2 })
  })

  test('an empty file may be allowed', async () => {
    writeFileSync(join(ws, 'empty.yml'), '')
    expect((await readWorkspaceFile(ws, 'empty.yml', { ...options, allowEmpty: true })).text).toBe(
      ''
    )
  })
})
