import { RateController } from '../../src/cxone/rate-controller.js'

describe('the rate controller', () => {
  test('keeps at most maxInFlight requests in flight', async () => {
    const rate = new RateController({ maxInFlight: 3 })
    let inFlight = 0
    let most = 0
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        await rate.acquire()
        most = Math.max(most, ++inFlight)
        await new Promise(resolve => setTimeout(resolve, 5))
        inFlight--
        rate.release('ok')
      })
    )
    expect(most).toBe(3)
  })

  test('queued requests leave the line at once when aborted, and hold no slot', async () => {
    const rate = new RateController({ maxInFlight: 2 })
    await rate.acquire()
    await rate.acquire()
    const stop = new AbortController()
    const queued = Array.from({ length: 5 }, () =>
      rate.acquire(stop.signal).then(
        () => 'granted',
        () => 'aborted'
      )
    )
    stop.abort()
    expect(await Promise.all(queued)).toEqual(Array(5).fill('aborted'))
    // The two slots are still the two held ones: one release lets exactly one new request in.
    rate.release('ok')
    let granted = 0
    const next = [rate.acquire(), rate.acquire()].map(p => p.then(() => granted++))
    await next[0]
    await new Promise(resolve => setTimeout(resolve, 20))
    expect(granted).toBe(1)
    rate.release('ok')
    await Promise.all(next)
    expect(granted).toBe(2)
  })

  test('a freed slot goes to the next request in line, even when the one before gave up', async () => {
    const rate = new RateController({ maxInFlight: 1 })
    await rate.acquire()
    const gaveUp = new AbortController()
    const first = rate.acquire(gaveUp.signal).catch(() => 'aborted')
    const second = rate.acquire().then(() => 'granted')
    gaveUp.abort()
    expect(await first).toBe('aborted')
    rate.release('ok')
    expect(await second).toBe('granted')
  })
})

describe('the rate controller on a 429', () => {
  test('a 429 halves the window of requests in flight', async () => {
    let clock = 0
    const rate = new RateController({
      maxInFlight: 4,
      now: () => clock,
      sleep: async ms => {
        clock += ms
      }
    })
    await rate.acquire()
    rate.release({ retryAfterMs: 0 })
    const held = [rate.acquire(), rate.acquire()]
    await Promise.all(held)
    let third = false
    const waiting = rate.acquire().then(() => (third = true))
    await new Promise(resolve => setTimeout(resolve, 20))
    expect(third).toBe(false)
    rate.release('ok')
    await waiting
    expect(third).toBe(true)
  })

  test('a 429 pauses everyone for Retry-After and sets the pace under what got through', async () => {
    let clock = 0
    const waits: number[] = []
    const rate = new RateController({
      maxInFlight: 4,
      now: () => clock,
      sleep: async ms => {
        waits.push(ms)
        clock += ms
      }
    })
    for (let i = 0; i < 50; i++) {
      await rate.acquire()
      clock += 2
      rate.release('ok')
    }
    await rate.acquire()
    rate.release({ retryAfterMs: 1000 })
    expect(rate.requestsPerSecond).toBe(45)
    const before = clock
    await rate.acquire()
    expect(clock - before).toBe(1000)
    rate.release('ok')
    await rate.acquire()
    // Then paced at 45 per second.
    expect(Math.round(waits.at(-1) ?? 0)).toBe(Math.round(1000 / 45))
  })
})
