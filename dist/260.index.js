export const id = 260;
export const ids = [260];
export const modules = {

/***/ 3260:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CxoneClient: () => (/* binding */ CxoneClient)
});

// UNUSED EXPORTS: CxoneError

// EXTERNAL MODULE: ./src/zod.ts
var zod = __webpack_require__(6778);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/payload.ts
var payload = __webpack_require__(41);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(8902);
;// CONCATENATED MODULE: ./src/cxone/responses.ts
/*
 * Part of the CXone client (see client.ts): CXone's answers: the schemas of their bodies, and
 * what each status means, as a typed error (CxoneError; TransientError for what is worth
 * another attempt) that names what was being done and where. Every CXone detail stays in the
 * client's files.
 */




const VersionSchema = zod/* looseObject */._H3({
    dataActionId: zod/* string */.YjP(),
    versionId: zod/* string */.YjP(),
    checksum: zod/* string */.YjP(),
    dependencyMatrix: zod/* _default */.Rvf(zod/* record */.g1P(zod/* string */.YjP(), zod/* string */.YjP()), {}),
    status: zod/* enum */.k5n(['draft', 'publishing', 'published', 'unpublished', 'failed']),
    published: zod/* boolean */.zMY(),
    environment: zod/* nullable */.mee(payload/* EnvironmentSchema */.Tt),
    createdAt: zod/* optional */.lqM(zod/* string */.YjP()),
    publishedAt: zod/* optional */.lqM(zod/* nullable */.mee(zod/* string */.YjP()))
});
const ListSchema = zod/* looseObject */._H3({ versions: zod/* array */.YOg(VersionSchema) });
const ErrorBodySchema = zod/* looseObject */._H3({
    error: zod/* string */.YjP(),
    message: zod/* optional */.lqM(zod/* string */.YjP()),
    details: zod/* optional */.lqM(zod/* array */.YOg(zod/* unknown */.L5J()))
});
/** A failed call, said for people: what was being done, the status, and CXone's reason. */
class CxoneError extends errors/* ActionError */.lZ {
    status;
    code;
    constructor(message, status, code) {
        super(message);
        this.status = status;
        this.code = code;
    }
}
/** A failure worth another attempt: 429, 5xx, no complete answer, a lock. */
class TransientError extends CxoneError {
    retryAfterMs;
    constructor(message, status, code, retryAfterMs) {
        super(message, status, code);
        this.retryAfterMs = retryAfterMs;
    }
}
const RETRY_AFTER_CAP_MS = 60_000;
/** A successful answer's body, parsed with `schema`; a failure as its typed error. */
function parsed(target, res, schema) {
    checked(target, res);
    const json = parseJson(res.body);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
        throw new CxoneError(`${target.what}: ${target.where} answered ${res.status} with ${json === undefined ? 'a body that is not JSON' : 'an unexpected body'} (${(0,errors/* firstLine */.TM)(zod/* prettifyError */.S1_(parsed.error))})`, res.status);
    }
    return { status: res.status, data: parsed.data };
}
/** Maps a status to success or to the contract's meaning of the failure. */
function checked(target, res) {
    if (res.status >= 200 && res.status < 300)
        return;
    const said = `${target.what}: ${target.where} answered ${res.status}`;
    if (res.status >= 300 && res.status < 400) {
        const location = header(res, 'location');
        const to = location ? hostOf(location, target.url) : undefined;
        throw new CxoneError(`${said}, a redirect${to ? ` to ${to}` : ''}: not followed, so no credentials go there; check api-base-url and token-url`, res.status);
    }
    const parsed = ErrorBodySchema.safeParse(parseJson(res.body));
    const code = parsed.success ? parsed.data.error : undefined;
    const reason = parsed.success
        ? `${parsed.data.error}${parsed.data.message ? `: ${parsed.data.message}` : ''}`
        : res.body.trim() === ''
            ? 'empty body'
            : `a ${String(res.headers['content-type'] ?? 'non-JSON').split(';')[0]} body, not CXone's JSON (a proxy?)`;
    const failure = `${said} ${reason}`;
    const retryAfter = (0,retry/* retryAfterMs */.Vs)(header(res, 'retry-after'), RETRY_AFTER_CAP_MS);
    if (res.status === 429 || res.status >= 500) {
        throw new TransientError(failure, res.status, code, retryAfter);
    }
    if (res.status === 409 && code === 'locked') {
        throw new TransientError(failure, res.status, code, retryAfter);
    }
    if (res.status === 403) {
        const scope = target.method === 'GET' ? 'data-action:read' : 'data-action:write';
        throw new CxoneError(`${failure} (the client needs the ${scope} scope on this tenant)`, 403, code);
    }
    if (res.status === 409 && code === 'version_conflict') {
        throw new CxoneError(`${failure}: versions are immutable, so this code needs a new version id`, 409, code);
    }
    if (res.status === 422 && parsed.success && parsed.data.details) {
        throw new CxoneError(`${failure} (details: ${JSON.stringify(parsed.data.details)})`, 422, code);
    }
    throw new CxoneError(failure, res.status, code);
}
function header(res, name) {
    const value = res.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
/** The host a redirect points to (a relative one: the host that answered). */
function hostOf(location, base) {
    try {
        return new URL(location, base).host;
    }
    catch {
        return undefined;
    }
}
function parseJson(text) {
    if (text.trim() === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/http/transport.ts
var transport = __webpack_require__(1517);
;// CONCATENATED MODULE: ./src/cxone/token.ts
/*
 * Part of the CXone client (see client.ts): getting and caching the OAuth access token (the
 * client credentials grant), refreshed a minute before it expires. Every CXone detail stays in
 * the client's files.
 */


const TokenSchema = zod/* looseObject */._H3({
    access_token: zod/* string */.YjP().check(zod/* minLength */.BpQ(1)),
    token_type: zod/* optional */.lqM(zod/* string */.YjP()),
    expires_in: zod/* number */.aig().check(zod/* positive */.yjt())
});
const TOKEN_REFRESH_MARGIN_MS = 60_000;
/** The client's access token: one at a time, shared by every call. */
class AccessToken {
    options;
    transport;
    token;
    tokenRequest;
    constructor(options, transport) {
        this.options = options;
        this.transport = transport;
    }
    /**
     * The cached token, or a new one. Concurrent callers share one token request, which runs
     * under its own deadline only (a caller that gives up stops waiting, not the request).
     */
    async get(signal) {
        if (this.token && Date.now() < this.token.refreshAt)
            return this.token.value;
        this.tokenRequest ??= this.requestToken().finally(() => {
            this.tokenRequest = undefined;
        });
        return abortable(this.tokenRequest, signal);
    }
    /** Forgets `token` if it is the one held: CXone answered 401 to it. */
    forget(token) {
        if (this.token?.value === token)
            this.token = undefined;
    }
    /** One token request: an attempt of the call that needed it, never a loop of its own. */
    async requestToken() {
        const target = this.transport.target('getting an access token', 'POST', this.options.tokenUrl);
        const form = new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: this.options.clientId,
            client_secret: this.options.clientSecret
        }).toString();
        const res = await this.transport.send(target, form);
        if (res.status === 401 || res.status === 400) {
            const code = ErrorBodySchema.safeParse(parseJson(res.body)).data?.error ?? 'rejected';
            throw new CxoneError(`${target.what}: ${target.where} answered ${res.status} ${code}: CXone rejected client-id/client-secret`, res.status, code);
        }
        checked(target, res);
        const parsed = TokenSchema.safeParse(parseJson(res.body));
        if (!parsed.success) {
            throw new CxoneError(`${target.what}: ${target.where} answered ${res.status} with a body that is not an OAuth token response`);
        }
        const { access_token, expires_in } = parsed.data;
        this.options.mask?.(access_token);
        this.token = {
            value: access_token,
            refreshAt: Date.now() + expires_in * 1000 - TOKEN_REFRESH_MARGIN_MS
        };
        return access_token;
    }
}
/** Stops waiting when `signal` aborts; the work itself goes on. */
function abortable(promise, signal) {
    if (!signal)
        return promise;
    return new Promise((resolve, reject) => {
        if (signal.aborted)
            return reject(signal.reason);
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then(value => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}

;// CONCATENATED MODULE: ./src/cxone/requests.ts





/**
 * Statuses a gateway (CXone's edge, a corporate proxy) answers in CXone's stead when it got
 * no answer in time (504) or a broken one (502): CXone may have carried the request out.
 */
const GATEWAY_STATUSES = new Set([502, 504]);
/** The request went out and CXone's own answer did not come back. */
const answerLost = (error) => error.code === 'network' || GATEWAY_STATUSES.has(error.status);
/** The least wait between two tries of a locked PATCH, whatever Retry-After says. */
const MIN_LOCK_WAIT_MS = 500;
/** Under a rate controller 429s cost no attempt; this many in a row still end the call. */
const MAX_RATE_LIMITED_RETRIES = 30;
const BACKOFF = { baseMs: 200, maxMs: 8_000 };
/**
 * A PATCH already sent is not abandoned when the run is cancelled (its outcome would be
 * unknown): its answer is awaited this much longer, within its own deadline.
 */
const PATCH_GRACE_MS = 2_000;
/** The requests of one client: their exchanges, access token and stats. */
class Requests {
    options;
    stats = { requests: 0, retries: 0, rateLimited: 0 };
    apiBase;
    exchanges;
    accessToken;
    constructor(options) {
        this.options = options;
        this.apiBase = options.apiBaseUrl.replace(/\/+$/, '');
        this.exchanges = new transport/* Exchanges */.BW(options.requestTimeoutMs);
        this.accessToken = new AccessToken(options, {
            target: (what, method, url) => this.target(what, method, url),
            send: (target, form) => this.send(target, form, undefined, {})
        });
    }
    /** A request as messages name it: a path is on the API base, a URL as it is. */
    target(what, method, pathOrUrl) {
        const url = new URL(pathOrUrl.startsWith('/') ? `${this.apiBase}${pathOrUrl}` : pathOrUrl);
        return { what, method, url: url.toString(), where: `${method} ${url.host}${url.pathname}` };
    }
    dispose() {
        this.exchanges.dispose();
    }
    async call(target, body, schema, options) {
        return (await this.callWithStatus(target, body, schema, options)).data;
    }
    /**
     * One logical request with the contract's error handling, within one attempt budget
     * (max-retries, or the caller's `persistUntil`) that a token fetch also draws on: a 401
     * refreshes the token and replays once; 429, 5xx and answers that never came whole are
     * retried with backoff; a lock is waited out within its budget; anything else fails at
     * once, naming what was being done and where. `readBack` settles a lost answer.
     */
    async callWithStatus(target, body, schema, options, readBack) {
        const { signal, persistUntil } = options;
        const lockWaitEnd = Date.now() + this.options.lockWaitMs;
        const lockDeadline = () => persistUntil?.at() ?? lockWaitEnd;
        let rateLimited = 0;
        const rate = this.options.rate;
        return (0,retry/* withRetries */.LH)(target.what, async () => {
            try {
                return parsed(target, await this.authorized(target, body, options), schema);
            }
            catch (error) {
                const lost = error instanceof TransientError && answerLost(error);
                // Cancelled: the rollback reads the state itself.
                if (!lost || !readBack || signal?.aborted)
                    throw error;
                // The PATCH's own failure decides the retry (and is the one told), not the read-back's.
                const data = await readBack().catch((readError) => {
                    throw signal?.aborted ? readError : error;
                });
                if (data === undefined)
                    throw error;
                return { status: 200, data };
            }
        }, {
            attempts: options.once
                ? 1
                : persistUntil === undefined
                    ? this.options.maxAttempts
                    : Infinity,
            ...(persistUntil === undefined ? {} : { until: persistUntil }),
            backoff: { ...BACKOFF, ...(this.options.random ? { random: this.options.random } : {}) },
            ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
            ...(signal ? { signal } : {}),
            classify: error => {
                if (options.once || !(error instanceof TransientError))
                    return { retry: false };
                if (error.code === 'locked') {
                    // Retry-After 0, negative or past must not make a lock a busy loop.
                    const delayMs = Math.max(error.retryAfterMs ?? 1000, MIN_LOCK_WAIT_MS);
                    return Date.now() + delayMs <= lockDeadline()
                        ? { retry: true, delayMs, free: true }
                        : { retry: false };
                }
                // A shared controller already holds every request back for the Retry-After.
                if (error.status === 429 && rate && ++rateLimited <= MAX_RATE_LIMITED_RETRIES) {
                    return { retry: true, delayMs: 0, free: true };
                }
                // No Retry-After, or one of 0: the backoff's own (growing) wait.
                return error.retryAfterMs ? { retry: true, delayMs: error.retryAfterMs } : { retry: true };
            },
            onRetry: ({ attempt, attempts, delayMs, free, error }) => {
                this.stats.retries++;
                const next = free
                    ? `trying again in ${delayMs} ms (not counted as an attempt)`
                    : Number.isFinite(attempts)
                        ? `attempt ${attempt} of ${attempts} in ${delayMs} ms`
                        : `attempt ${attempt} in ${delayMs} ms (within the rollback's own budget)`;
                this.options.onRetry?.(`${(0,errors/* errorMessage */.gJ)(error)}; ${next}`);
            }
        });
    }
    /** Sends with the access token; a 401 refreshes it and replays once (the same attempt). */
    async authorized(target, body, options) {
        const token = await this.accessToken.get(options.signal);
        const res = await this.send(target, body, token, options);
        if (res.status !== 401)
            return res;
        this.accessToken.forget(token);
        const again = await this.send(target, body, await this.accessToken.get(options.signal), options);
        if (again.status === 401) {
            throw new CxoneError(`${target.what}: ${target.where} answered 401 to a fresh access token too; check the client's tenant`, 401);
        }
        return again;
    }
    /**
     * One request, paced by the rate controller. An answer that never came whole is a
     * TransientError coded `network`. A PATCH is given a grace after `signal` aborts, since
     * once sent its outcome is only known from its answer.
     */
    async send(target, body, token, { signal, onSend, onLost, grace: allowGrace = true }) {
        const headers = { accept: 'application/json' };
        let data = null;
        if (typeof body === 'string') {
            headers['content-type'] = 'application/x-www-form-urlencoded';
            data = body;
        }
        else if (body !== undefined) {
            headers['content-type'] = 'application/json';
            data = JSON.stringify(body);
        }
        if (token)
            headers.authorization = `Bearer ${token}`;
        const rate = this.options.rate;
        await rate?.acquire(signal);
        signal?.throwIfAborted();
        onSend?.();
        this.stats.requests++;
        const grace = target.method === 'PATCH' && allowGrace
            ? graceAfter(signal, PATCH_GRACE_MS)
            : { signal, dispose: () => undefined };
        let res;
        try {
            res = await this.exchanges.send(target.method, target.url, data, headers, grace.signal);
        }
        catch (error) {
            rate?.release('error');
            const unsent = error instanceof transport/* NoAnswerError */.i5 && error.unsent;
            if (!unsent)
                onLost?.();
            if (!(error instanceof transport/* NoAnswerError */.i5))
                throw error;
            throw new TransientError(`${target.what}: ${target.where}: ${error.message}`, undefined, unsent ? 'unsent' : 'network');
        }
        finally {
            grace.dispose();
        }
        if (GATEWAY_STATUSES.has(res.status))
            onLost?.();
        if (res.status === 429)
            this.stats.rateLimited++;
        rate?.release(res.status === 429
            ? { retryAfterMs: (0,retry/* retryAfterMs */.Vs)(header(res, 'retry-after'), RETRY_AFTER_CAP_MS) }
            : 'ok');
        return res;
    }
}
/** A signal that aborts `graceMs` after `signal` does (with a NoAnswerError), until disposed. */
function graceAfter(signal, graceMs) {
    if (!signal)
        return { dispose: () => undefined };
    const controller = new AbortController();
    let timer;
    const abort = () => {
        timer = setTimeout(() => controller.abort(new transport/* NoAnswerError */.i5(`no answer within ${graceMs} ms of the cancellation`)), graceMs);
    };
    if (signal.aborted)
        abort();
    else
        signal.addEventListener('abort', abort, { once: true });
    return {
        signal: controller.signal,
        dispose: () => {
            signal.removeEventListener('abort', abort);
            clearTimeout(timer);
        }
    };
}

;// CONCATENATED MODULE: ./src/cxone/client.ts


/** The PATCH bodies that make a version live in an environment, or take it out. */
const publishBody = (environment, checksum) => ({
    published: true,
    environment,
    checksum
});
const unpublishBody = (environment) => ({ published: false, environment });
/** One shell word, whatever the text holds: in single quotes, each `'` closed, escaped, reopened. */
const shellQuote = (text) => `'${text.replaceAll("'", "'\\''")}'`;

/** The calls of CXone's data action version API, as docs/contract.md has them. */
class CxoneClient {
    stats;
    requests;
    constructor(options) {
        this.requests = new Requests(options);
        this.stats = this.requests.stats;
    }
    /**
     * What the environment holds: the version live there, and one still `publishing` there (the
     * contract's list, filtered by environment only, shows both).
     */
    async environmentState(dataActionId, environment, options = {}) {
        const query = new URLSearchParams({ environment });
        const { versions } = await this.requests.call(this.requests.target(`reading what is live for ${dataActionId} in ${environment}`, 'GET', `${this.versionsPath(dataActionId)}?${query}`), undefined, ListSchema, options);
        const here = versions.filter(v => v.environment === environment);
        const live = here.find(v => v.published);
        const publishing = here.find(v => v.status === 'publishing');
        return { ...(live ? { live } : {}), ...(publishing ? { publishing } : {}) };
    }
    /** The version live in `environment`, or undefined when none is. */
    async liveVersion(dataActionId, environment, options = {}) {
        return (await this.environmentState(dataActionId, environment, options)).live;
    }
    /** Uploads a version; `created` is false when it already existed with this checksum. */
    async upload(version, options = {}) {
        const { data, status } = await this.requests.callWithStatus(this.requests.target(`uploading version ${version.versionId} of ${version.dataActionId}`, 'POST', this.versionPath(version.dataActionId, version.versionId)), version, VersionSchema, options);
        return { version: data, created: status === 201 };
    }
    /**
     * Asks CXone to make a version live; the answer may still be `publishing` (202). When the
     * answer is lost, the version is read back: the publish counts if it took.
     */
    async publish(dataActionId, versionId, environment, checksum, options = {}) {
        return this.patch(`publishing version ${versionId} of ${dataActionId} to ${environment}`, dataActionId, versionId, publishBody(environment, checksum), v => v.environment === environment &&
            v.checksum === checksum &&
            (v.published || v.status === 'publishing'), options);
    }
    async unpublish(dataActionId, versionId, environment, options = {}) {
        return this.patch(`unpublishing version ${versionId} of ${dataActionId} from ${environment}`, dataActionId, versionId, unpublishBody(environment), v => !(v.published && v.environment === environment), options);
    }
    async getVersion(dataActionId, versionId, options = {}) {
        return this.requests.call(this.requests.target(`reading back version ${versionId} of ${dataActionId}`, 'GET', this.versionPath(dataActionId, versionId)), undefined, VersionSchema, options);
    }
    /** The version, or undefined when CXone does not know it (404). */
    async findVersion(dataActionId, versionId, options = {}) {
        try {
            return await this.getVersion(dataActionId, versionId, options);
        }
        catch (error) {
            if (error instanceof CxoneError && error.status === 404 && error.code === 'not_found') {
                return undefined;
            }
            throw error;
        }
    }
    /** The command a person can run to do by hand what `publish` asks (no secret in it). */
    publishCommand(dataActionId, versionId, environment, checksum) {
        return this.patchCommand(dataActionId, versionId, publishBody(environment, checksum));
    }
    /** The command a person can run to do by hand what `unpublish` asks (no secret in it). */
    unpublishCommand(dataActionId, versionId, environment) {
        return this.patchCommand(dataActionId, versionId, unpublishBody(environment));
    }
    dispose() {
        this.requests.dispose();
    }
    /** Values from CXone's answers are quoted for the shell: a person pastes this command. */
    patchCommand(dataActionId, versionId, body) {
        const url = `${this.requests.apiBase}${this.versionPath(dataActionId, versionId)}`;
        return `curl -X PATCH -H "Authorization: Bearer $CXONE_TOKEN" -H "Content-Type: application/json" -d ${shellQuote(JSON.stringify(body))} ${shellQuote(url)}`;
    }
    versionsPath(dataActionId) {
        return `/api/v2/studio/data-actions/${encodeURIComponent(dataActionId)}/versions`;
    }
    versionPath(dataActionId, versionId) {
        return `${this.versionsPath(dataActionId)}/${encodeURIComponent(versionId)}`;
    }
    /**
     * A PATCH whose answer may be lost on the way back: then what it asked for may or may not
     * have happened, so the version is read back, and `took` says whether it did.
     */
    async patch(what, dataActionId, versionId, body, took, options) {
        // The read-back is no attempt of the PATCH (it tells neither onSend nor onLost), and has
        // one attempt of its own: the PATCH's retries are the retries.
        const readOptions = {
            ...(options.signal && { signal: options.signal }),
            once: true
        };
        const readBack = async () => {
            const version = await this.getVersion(dataActionId, versionId, readOptions);
            return took(version) ? version : undefined;
        };
        return (await this.requests.callWithStatus(this.requests.target(what, 'PATCH', this.versionPath(dataActionId, versionId)), body, VersionSchema, options, readBack)).data;
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

//# sourceMappingURL=260.index.js.map