/*
 * The runner's side of the step: inputs, masks, outputs, log lines, annotations, groups and
 * the job summary, written by @actions/core's own command writers. Not through its index,
 * which also loads its OIDC client and @actions/exec, and with them an HTTP stack (undici,
 * 0.9 MB of code) that validate mode never uses.
 */
import { EOL } from 'node:os'
// Its command writers by path: the package exports only its index.
import { issue, issueCommand } from '../node_modules/@actions/core/lib/command.js'
import {
  issueFileCommand,
  prepareKeyValueMessage
} from '../node_modules/@actions/core/lib/file-command.js'
import { summary } from '../node_modules/@actions/core/lib/summary.js'
import { toCommandProperties } from '../node_modules/@actions/core/lib/utils.js'

/** Where an annotation points. */
export interface AnnotationLocation {
  file: string
  startLine?: number
  startColumn?: number
}

/** The exit code of a failed step. */
export const FAILURE = 1

/** An input's value, trimmed ('' when not given), as @actions/core's getInput reads it. */
export function input(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** Tells the runner to hide `secret` wherever it would be shown. */
export function mask(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

export function setOutput(name: string, value: string): void {
  if (process.env.GITHUB_OUTPUT) {
    issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value))
  } else {
    process.stdout.write(EOL)
    issueCommand('set-output', { name }, value)
  }
}

/** A line of the log, as it is: untrusted text passes untrusted.ts's logLine first. */
export function info(line: string): void {
  process.stdout.write(line + EOL)
}

export function warning(message: string): void {
  issueCommand('warning', {}, message)
}

export function error(message: string, location?: AnnotationLocation): void {
  issueCommand('error', location ? toCommandProperties(location) : {}, message)
}

/** Runs `fn` inside a collapsible group of the log. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issue('group', name)
  try {
    return await fn()
  } finally {
    issue('endgroup')
  }
}

/** Appends HTML to the job summary (GITHUB_STEP_SUMMARY). */
export async function appendSummary(html: string): Promise<void> {
  try {
    await summary.addRaw(html).write()
  } finally {
    summary.emptyBuffer()
  }
}
