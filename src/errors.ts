/** Where in the repository a problem is, for the `file=`/`line=` of an annotation. */
export interface SourceLocation {
  file: string
  line?: number
  column?: number
}

/** One thing wrong, said to the user once, as one `::error::` annotation. */
export interface Problem {
  message: string
  location?: SourceLocation
}

/** An error whose message is written for the user; anything else is a bug in the action. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly location?: SourceLocation
  ) {
    super(message)
    this.name = new.target.name
  }
}

/** An action input that is missing or malformed; the message names the input. */
export class InputError extends ActionError {
  constructor(
    readonly input: string,
    problem: string,
    location?: SourceLocation
  ) {
    super(`Input '${input}': ${problem}`, location)
  }
}

/** Several problems found together (validation reports all of them, not the first). */
export class ProblemsError extends ActionError {
  constructor(readonly problems: readonly Problem[]) {
    super(
      problems.length === 1
        ? (problems[0]?.message ?? 'validation failed')
        : `${problems.length} problems`
    )
  }
}

/** The problems an error stands for, each a message fit for an annotation. */
export function problemsOf(error: unknown): Problem[] {
  if (error instanceof ProblemsError) return [...error.problems]
  if (error instanceof ActionError) {
    return [{ message: error.message, ...(error.location ? { location: error.location } : {}) }]
  }
  return [{ message: `Unexpected error: ${errorMessage(error)}` }]
}

/** The message of anything thrown, never a stack trace. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error) ?? String(error)
  } catch {
    return String(error)
  }
}

/** A message's first line (parsers' messages go on with a code excerpt). */
export function firstLine(text: string): string {
  return text.split('\n')[0] ?? text
}
