import { createServer, type IncomingMessage, type Server } from 'node:http'

export interface Received {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

/** A local HTTP server that records requests and answers from a script of statuses. */
export class Receiver {
  readonly received: Received[] = []
  private server?: Server
  url = ''

  constructor(
    private readonly answer: (
      req: Received,
      index: number
    ) => { status: number; body?: unknown } | 'hang' = () => ({
      status: 204
    })
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const request = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8')
        }
        this.received.push(request)
        const answer = this.answer(request, this.received.length - 1)
        if (answer === 'hang') return
        res.writeHead(answer.status, { 'content-type': 'application/json' })
        res.end(answer.body === undefined ? '' : JSON.stringify(answer.body))
      })
    })
    await new Promise<void>(resolve => this.server?.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`
    return this.url
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise(resolve => this.server?.close(resolve))
  }
}

/** The part of the GitHub REST API the PR comment uses, in memory. */
export function githubStandIn(options: { readOnly?: boolean } = {}): {
  receiver: Receiver
  comments: Array<{ id: number; body: string }>
} {
  const comments: Array<{ id: number; body: string }> = []
  const receiver = new Receiver(req => {
    if (
      req.headers.authorization !== 'token ghs_test' &&
      req.headers.authorization !== 'Bearer ghs_test'
    ) {
      return { status: 401, body: { message: 'Bad credentials' } }
    }
    const path = req.url.split('?')[0]
    if (req.method === 'GET' && path === '/repos/acme/contact-centre/issues/7/comments') {
      return { status: 200, body: comments }
    }
    if (options.readOnly)
      return { status: 403, body: { message: 'Resource not accessible by integration' } }
    if (req.method === 'POST' && path === '/repos/acme/contact-centre/issues/7/comments') {
      const comment = {
        id: comments.length + 100,
        body: (JSON.parse(req.body) as { body: string }).body
      }
      comments.push(comment)
      return { status: 201, body: comment }
    }
    const update = /^\/repos\/acme\/contact-centre\/issues\/comments\/(\d+)$/.exec(path ?? '')
    const existing = comments.find(c => c.id === Number(update?.[1]))
    if (req.method === 'PATCH' && existing) {
      existing.body = (JSON.parse(req.body) as { body: string }).body
      return { status: 200, body: existing }
    }
    return { status: 404, body: { message: 'Not Found' } }
  })
  return { receiver, comments }
}
