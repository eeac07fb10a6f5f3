export const id = 4;
export const ids = [4];
export const modules = {

/***/ 8004:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   postWebhook: () => (/* binding */ postWebhook)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _http_retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8902);
/* harmony import */ var _http_transport_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1517);
/* harmony import */ var _webhook_signature_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3091);





const ATTEMPT_TIMEOUT_MS = 4_000;
const BACKOFF = { baseMs: 500, maxMs: 1_500 };
/** A transient answer worth one more try. */
class RetryableWebhookError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ {
}
/**
 * POSTs the payload once, retrying 429 and 5xx briefly within the budget (15 s). Throws on
 * failure: the caller turns that into a warning, never a failed step.
 */
async function postWebhook(payload, options) {
    const body = JSON.stringify(payload);
    const id = `msg_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    const key = options.secret ? (0,_webhook_signature_js__WEBPACK_IMPORTED_MODULE_3__/* .webhookKey */ .z)(options.secret) : undefined;
    const budgetMs = options.budgetMs ?? 15_000;
    const deadline = Date.now() + budgetMs;
    const attemptMs = Math.min(ATTEMPT_TIMEOUT_MS, budgetMs);
    // One deadline over each attempt, and a bounded body: a receiver cannot hold the run.
    const http = new _http_transport_js__WEBPACK_IMPORTED_MODULE_2__/* .Exchanges */ .BW(attemptMs);
    try {
        return await (0,_http_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetries */ .LH)('webhook', async () => {
            // Each attempt is signed afresh, so a receiver's replay window holds for retries too.
            const timestamp = Math.floor(Date.now() / 1000);
            const headers = {
                'content-type': 'application/json',
                'webhook-id': id,
                'webhook-timestamp': String(timestamp)
            };
            if (key)
                headers['webhook-signature'] = (0,_webhook_signature_js__WEBPACK_IMPORTED_MODULE_3__/* .signature */ .v)(key, id, timestamp, body);
            let status;
            try {
                status = (await http.send('POST', options.url, body, headers)).status;
            }
            catch (error) {
                throw new RetryableWebhookError(`the webhook could not be reached: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
            }
            if (status >= 200 && status < 300)
                return status;
            const message = `the webhook answered ${status}`;
            if (status === 429 || status >= 500)
                throw new RetryableWebhookError(message);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(message);
        }, {
            attempts: 3,
            backoff: BACKOFF,
            sleep: options.sleep ?? _http_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .sleep */ .yy,
            // Another try only if a full wait and a full attempt still fit in the budget.
            classify: error => error instanceof RetryableWebhookError &&
                Date.now() + BACKOFF.maxMs + attemptMs <= deadline
                ? { retry: true }
                : { retry: false }
        });
    }
    finally {
        http.dispose();
    }
}


/***/ }),

/***/ 2378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ deadline)
/* harmony export */ });
/**
 * A signal that aborts after `ms` (with a TimeoutError, as AbortSignal.timeout's does), or as
 * soon as `parent` aborts (with its reason). `clear()` stops its timer.
 *
 * Not AbortSignal.timeout: on node 20, one held only by AbortSignal.any is collected, and its
 * timer with it; measured: such a deadline never fired after a collection (node 24 keeps it).
 */
function deadline(ms, parent) {
    const controller = new AbortController();
    const expire = () => controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
    let end = Date.now() + ms;
    let timer = setTimeout(expire, ms);
    const onAbort = () => controller.abort(parent?.reason);
    if (parent?.aborted)
        onAbort();
    parent?.addEventListener('abort', onAbort, { once: true });
    return {
        signal: controller.signal,
        get end() {
            return end;
        },
        endBy: (when) => {
            if (when >= end)
                return;
            end = when;
            clearTimeout(timer);
            timer = setTimeout(expire, Math.max(0, when - Date.now()));
        },
        clear: () => {
            clearTimeout(timer);
            parent?.removeEventListener('abort', onAbort);
        }
    };
}


/***/ }),

/***/ 8902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FI: () => (/* binding */ fixedDeadline),
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   rE: () => (/* binding */ waitWithin),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony export backoffDelay */
const sleep = (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted)
        return reject(signal.reason);
    const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
    }, ms);
    const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
});
/** A deadline that never moves. */
function fixedDeadline(at) {
    return { at: () => at, moved: new AbortController().signal };
}
/**
 * Waits `ms`, but not past `deadline`, even when it comes earlier during the wait: the caller
 * then still gets its last attempt at the new time, rather than `signal` cutting it off.
 */
async function waitWithin(ms, deadline, sleepFor, signal) {
    const wake = Date.now() + ms;
    try {
        await sleepFor(ms, signal ? AbortSignal.any([signal, deadline.moved]) : deadline.moved);
    }
    catch (error) {
        if (signal?.aborted || !deadline.moved.aborted)
            throw error;
        const left = Math.min(wake, deadline.at()) - Date.now();
        if (left > 0)
            await sleepFor(left, signal);
    }
}
/** Exponential backoff with full jitter: a uniform wait in [0, min(max, base·2^attempt)). */
function backoffDelay(attempt, backoff) {
    const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempt);
    return Math.floor((backoff.random ?? Math.random)() * ceiling);
}
/**
 * `Retry-After` in seconds or as an HTTP date, in milliseconds from `now`, capped; undefined
 * when absent or unreadable (the caller then backs off on its own).
 */
function retryAfterMs(header, capMs, now = Date.now()) {
    if (header === undefined || header.trim() === '')
        return undefined;
    const value = header.trim();
    const seconds = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
    if (Number.isNaN(seconds))
        return undefined;
    return Math.min(capMs, Math.max(0, Math.ceil(seconds)));
}
/** Runs `operation` until it succeeds, a failure is final, or the attempts or time are spent. */
async function withRetries(label, operation, policy) {
    let attempt = 1;
    for (let tries = 0;; tries++) {
        try {
            return await operation(tries);
        }
        catch (error) {
            const decision = policy.classify(error);
            if (!decision.retry)
                throw error;
            const free = decision.free ?? false;
            if (!free && attempt >= policy.attempts)
                throw error;
            // Within a budget, the last wait ends at its end, for one last attempt.
            const left = policy.until === undefined ? Infinity : policy.until.at() - Date.now();
            if (left <= 0)
                throw error;
            const delayMs = Math.min(left, decision.delayMs ?? backoffDelay(attempt, policy.backoff));
            if (!free)
                attempt++;
            policy.onRetry?.({ label, attempt, attempts: policy.attempts, delayMs, free, error });
            const sleepFor = policy.sleep ?? sleep;
            await (policy.until
                ? waitWithin(delayMs, policy.until, sleepFor, policy.signal)
                : sleepFor(delayMs, policy.signal));
        }
    }
}


/***/ }),

/***/ 1517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BW: () => (/* binding */ Exchanges),
/* harmony export */   i5: () => (/* binding */ NoAnswerError)
/* harmony export */ });
/* unused harmony export MAX_ANSWER_BYTES */
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4942);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2378);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);



/** Most bytes of an answer read from CXone (its answers are a few KB); a longer one is cut off. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
/** No complete answer came back: the connection failed or was cut, the deadline passed, or the body was too large. */
class NoAnswerError extends Error {
    unsent;
    /** The request never left: the connection was refused, or its host not found. */
    constructor(message, unsent = false) {
        super(message);
        this.unsent = unsent;
    }
}
/** Connection failures that come before a byte of the request is written. */
const UNSENT_CODES = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EADDRNOTAVAIL'
]);
/**
 * HTTP exchanges with one deadline over all of each (connect, headers and the whole body) and
 * a capped body read in linear time. Requests and proxies are @actions/http-client's; the body
 * is read here, since its readBody() waits forever on a body cut mid-stream, can be neither
 * aborted nor capped, and copies the whole buffer per chunk.
 */
class Exchanges {
    timeoutMs;
    http;
    /** The signal of the request being built (handed over synchronously, see send). */
    handingOver;
    constructor(timeoutMs) {
        this.timeoutMs = timeoutMs;
        // Redirects off: a redirect to another host would carry the token there.
        this.http = new _actions_http_client__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq('cxone-publish-action', [
            {
                // Runs as the request is built: it gets this exchange's signal, which destroys it.
                prepareRequest: options => {
                    if (!this.handingOver)
                        return;
                    options.signal = this.handingOver.signal;
                    this.handingOver.taken = true;
                },
                canHandleAuthentication: () => false,
                handleAuthentication: () => Promise.reject(new Error('not supported'))
            }
        ], { allowRetries: false, allowRedirects: false, keepAlive: true, socketTimeout: timeoutMs });
    }
    /**
     * Sends one request and reads its answer whole, or fails with a NoAnswerError within the
     * deadline. `signal` stops it sooner; its reason is what is thrown then.
     */
    async send(method, url, data, headers, signal) {
        const { signal: stop, clear } = (0,_deadline_js__WEBPACK_IMPORTED_MODULE_2__/* .deadline */ .n)(this.timeoutMs, signal);
        let received;
        try {
            // http-client builds the request (and calls prepareRequest) before request() first
            // awaits, so the signal is handed over synchronously, and checked to have been taken.
            const handingOver = (this.handingOver = { signal: stop, taken: false });
            const request = this.http.request(method, url, data, headers);
            this.handingOver = undefined;
            const res = await request;
            if (!handingOver.taken) {
                res.message.destroy();
                throw new Error('@actions/http-client no longer takes the request deadline');
            }
            received = 0;
            const chunks = [];
            const message = res.message;
            const destroy = () => void message.destroy(stop.reason);
            stop.addEventListener('abort', destroy, { once: true });
            try {
                for await (const chunk of message) {
                    received += chunk.length;
                    if (received > MAX_ANSWER_BYTES) {
                        message.destroy();
                        throw new NoAnswerError(`the answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB; not read further`);
                    }
                    chunks.push(chunk);
                }
            }
            finally {
                stop.removeEventListener('abort', destroy);
            }
            return {
                status: res.message.statusCode ?? 0,
                headers: res.message.headers,
                body: Buffer.concat(chunks, received).toString('utf8')
            };
        }
        catch (error) {
            if (error instanceof NoAnswerError)
                throw error;
            if (signal?.aborted)
                throw signal.reason;
            if (stop.aborted) {
                throw new NoAnswerError(`no complete answer within ${this.timeoutMs} ms (request-timeout-ms)`);
            }
            if (received !== undefined) {
                throw new NoAnswerError(`the connection closed before the whole answer arrived (after ${received} bytes of its body)`);
            }
            throw new NoAnswerError(connectionFailure(error), neverSent(error));
        }
        finally {
            clear();
        }
    }
    dispose() {
        this.http.dispose();
    }
}
/** Whether a failure proves the request never left (every address tried refused, say). */
function neverSent(error) {
    const { code, errors } = error;
    if (Array.isArray(errors) && errors.length > 0)
        return errors.every(neverSent);
    return typeof code === 'string' && UNSENT_CODES.has(code);
}
/** A connection error in words; node's AggregateError (several addresses tried) has no message. */
function connectionFailure(error) {
    const { message, code, syscall } = error;
    if (message)
        return message;
    return code ? `${syscall ?? 'connect'} ${code}` : (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error);
}


/***/ })

};

//# sourceMappingURL=4.index.js.map