export const id = 712;
export const ids = [712];
export const modules = {

/***/ 9712:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(143);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core_core = __webpack_require__(8532);
;// CONCATENATED MODULE: ./src/constants.ts
/** Input names, exactly as action.yml declares them. */
const Input = {
    Mode: 'mode',
    ClientId: 'client-id',
    ClientSecret: 'client-secret',
    Region: 'region',
    ApiBaseUrl: 'api-base-url',
    TokenUrl: 'token-url',
    ActionFile: 'action-file',
    DataActionId: 'data-action-id',
    VersionId: 'version-id',
    TargetEnvironment: 'target-environment',
    DependencyManifest: 'dependency-manifest',
    DependencyPolicy: 'dependency-policy',
    SandboxTimeoutMs: 'sandbox-timeout-ms',
    MaxActionFileBytes: 'max-action-file-bytes',
    MaxRetries: 'max-retries',
    RequestTimeoutMs: 'request-timeout-ms',
    PublishTimeoutMs: 'publish-timeout-ms'
};
/** Inputs whose values are masked in the log before anything else happens. */
const SECRET_INPUTS = [Input.ClientId, Input.ClientSecret];
/** Output names, exactly as action.yml declares them. */
const Output = {
    Result: 'result',
    Checksum: 'checksum',
    LatencyMs: 'latency-ms',
    Published: 'published',
    RolledBack: 'rolled-back',
    VersionId: 'version-id',
    PreviousVersionId: 'previous-version-id'
};
const MODES = ['validate', 'plan', 'publish'];
const RESULTS = (/* unused pure expression or super */ null && ([
    'validated',
    'planned',
    'published',
    'unchanged',
    'rolled-back',
    'failed'
]));

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 14 modules
var schemas = __webpack_require__(5586);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/errors.js
var errors = __webpack_require__(7428);
;// CONCATENATED MODULE: ./src/errors.ts
/** An error whose message is written for the user; anything else is a bug in the action. */
class ActionError extends Error {
    location;
    constructor(message, location) {
        super(message);
        this.location = location;
        this.name = new.target.name;
    }
}
/** An action input that is missing or malformed; the message names the input. */
class InputError extends ActionError {
    input;
    constructor(input, problem, location) {
        super(`Input '${input}': ${problem}`, location);
        this.input = input;
    }
}
/** Several problems found together (validation reports all of them, not the first). */
class ProblemsError extends ActionError {
    problems;
    constructor(problems) {
        super(problems.length === 1
            ? (problems[0]?.message ?? 'validation failed')
            : `${problems.length} problems`);
        this.problems = problems;
    }
}
/** The problems an error stands for, each a message fit for an annotation. */
function problemsOf(error) {
    if (error instanceof ProblemsError)
        return [...error.problems];
    if (error instanceof ActionError) {
        return [{ message: error.message, ...(error.location ? { location: error.location } : {}) }];
    }
    return [{ message: `Unexpected error: ${errorMessage(error)}` }];
}
/** The message of anything thrown, never a stack trace. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error) ?? String(error);
    }
    catch {
        return String(error);
    }
}

;// CONCATENATED MODULE: ./src/payload.ts

const ENVIRONMENTS = ['sandbox', 'production'];
// Any 8-4-4-4-12 hex id: CXone ids need not carry an RFC 9562 version.
const DataActionIdSchema = schemas/* guid */.OsD({
    error: 'expected a UUID such as a1b2c3d4-e5f6-7890-abcd-ef1234567890'
});
const VersionIdSchema = schemas/* string */.YjP().regex(/^[A-Za-z0-9._-]{1,128}$/, {
    error: 'expected 1-128 characters of letters, digits, ".", "_" or "-"'
});
const EnvironmentSchema = schemas/* enum */.k5n(ENVIRONMENTS, {
    error: issue => `expected 'sandbox' or 'production', got '${String(issue.input)}'`
});
/** What identifies one promotion: which data action, which version, where. */
const PromotionPayloadSchema = schemas/* strictObject */.rej({
    dataActionId: DataActionIdSchema,
    versionId: VersionIdSchema,
    targetEnvironment: EnvironmentSchema
});

;// CONCATENATED MODULE: ./src/retry.ts
const retry_sleep = (ms, signal) => new Promise((resolve, reject) => {
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
/** Runs `operation` until it succeeds, a failure is final, or the attempts are spent. */
async function withRetries(label, operation, policy) {
    let attempt = 0;
    for (let tries = 0;; tries++) {
        try {
            return await operation(tries);
        }
        catch (error) {
            const decision = policy.classify(error);
            if (!decision.retry)
                throw error;
            if (!decision.free)
                attempt++;
            if (attempt >= policy.attempts)
                throw error;
            const delayMs = decision.delayMs ?? backoffDelay(attempt, policy.backoff);
            policy.onRetry?.({ label, attempt, delayMs, error });
            await (policy.sleep ?? retry_sleep)(delayMs, policy.signal);
        }
    }
}

;// CONCATENATED MODULE: ./src/cxone-client.ts





/*
 * Everything CXone-specific lives here: hosts, the token flow, paths, bodies, status codes
 * and what they mean. Swapping an endpoint or the auth flow touches this file only.
 */
/** The API base of a region, as NICE publishes it. */
function defaultApiBase(region) {
    return `https://platform.${region}.nicecxone.com`;
}
/** The token endpoint of an API base. */
function defaultTokenUrl(apiBase) {
    return `${apiBase.replace(/\/+$/, '')}/oauth/token`;
}
const VersionSchema = schemas/* looseObject */._H3({
    dataActionId: schemas/* string */.YjP(),
    versionId: schemas/* string */.YjP(),
    checksum: schemas/* string */.YjP(),
    dependencyMatrix: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).default({}),
    status: schemas/* enum */.k5n(['draft', 'publishing', 'published', 'unpublished', 'failed']),
    published: schemas/* boolean */.zMY(),
    environment: EnvironmentSchema.nullable(),
    createdAt: schemas/* string */.YjP().optional(),
    publishedAt: schemas/* string */.YjP().nullable().optional()
});
const ListSchema = schemas/* looseObject */._H3({ versions: schemas/* array */.YOg(VersionSchema) });
const TokenSchema = schemas/* looseObject */._H3({
    access_token: schemas/* string */.YjP().min(1),
    token_type: schemas/* string */.YjP().optional(),
    expires_in: schemas/* number */.aig().positive()
});
const ErrorBodySchema = schemas/* looseObject */._H3({
    error: schemas/* string */.YjP(),
    message: schemas/* string */.YjP().optional(),
    details: schemas/* array */.YOg(schemas/* unknown */.L5J()).optional()
});
/** A failed call, said for people: what was being done, the status, and CXone's reason. */
class CxoneError extends ActionError {
    status;
    code;
    constructor(message, status, code) {
        super(message);
        this.status = status;
        this.code = code;
    }
}
/** A failure worth another attempt: 429, 5xx, a dropped connection, a timeout, a lock. */
class TransientError extends CxoneError {
    retryAfterMs;
    constructor(message, status, code, retryAfterMs) {
        super(message, status, code);
        this.retryAfterMs = retryAfterMs;
    }
}
const RETRY_AFTER_CAP_MS = 60_000;
const BACKOFF = { baseMs: 200, maxMs: 8_000 };
const TOKEN_REFRESH_MARGIN_MS = 60_000;
class CxoneClient {
    options;
    stats = { requests: 0, retries: 0 };
    http;
    apiBase;
    token;
    tokenRequest;
    constructor(options) {
        this.options = options;
        this.apiBase = options.apiBaseUrl.replace(/\/+$/, '');
        // Redirects off: a redirect to another host would carry the token there.
        this.http = new lib/* HttpClient */.Qq('cxone-publish-action', [], {
            allowRetries: false,
            allowRedirects: false,
            keepAlive: true,
            socketTimeout: options.requestTimeoutMs
        });
    }
    /** The version live in `environment`, or undefined when none is. */
    async liveVersion(dataActionId, environment, options = {}) {
        const query = new URLSearchParams({ environment, published: 'true' });
        const { versions } = await this.call(`reading the live version of ${dataActionId} in ${environment}`, 'GET', `${this.versionsPath(dataActionId)}?${query}`, undefined, ListSchema, options);
        return versions.find(v => v.published && v.environment === environment);
    }
    /** Uploads a version; `created` is false when it already existed with this checksum. */
    async upload(version, options = {}) {
        const { data, status } = await this.callWithStatus(`uploading version ${version.versionId} of ${version.dataActionId}`, 'POST', this.versionPath(version.dataActionId, version.versionId), version, VersionSchema, options);
        return { version: data, created: status === 201 };
    }
    /** Asks CXone to make a version live; the answer may still be `publishing` (202). */
    async publish(dataActionId, versionId, environment, checksum, options = {}) {
        return this.call(`publishing version ${versionId} of ${dataActionId} to ${environment}`, 'PATCH', this.versionPath(dataActionId, versionId), { published: true, environment, checksum }, VersionSchema, options);
    }
    async unpublish(dataActionId, versionId, environment, options = {}) {
        return this.call(`unpublishing version ${versionId} of ${dataActionId} from ${environment}`, 'PATCH', this.versionPath(dataActionId, versionId), { published: false, environment }, VersionSchema, options);
    }
    async getVersion(dataActionId, versionId, options = {}) {
        return this.call(`reading back version ${versionId} of ${dataActionId}`, 'GET', this.versionPath(dataActionId, versionId), undefined, VersionSchema, options);
    }
    /** A command a person can run to do `method path body` by hand (no secret in it). */
    manualCommand(method, dataActionId, versionId, body) {
        return `curl -X ${method} -H "Authorization: Bearer $CXONE_TOKEN" -H "Content-Type: application/json" -d '${JSON.stringify(body)}' ${this.apiBase}${this.versionPath(dataActionId, versionId)}`;
    }
    dispose() {
        this.http.dispose();
    }
    versionsPath(dataActionId) {
        return `/api/v2/studio/data-actions/${encodeURIComponent(dataActionId)}/versions`;
    }
    versionPath(dataActionId, versionId) {
        return `${this.versionsPath(dataActionId)}/${encodeURIComponent(versionId)}`;
    }
    async call(what, method, path, body, schema, options) {
        return (await this.callWithStatus(what, method, path, body, schema, options)).data;
    }
    /**
     * One API call with the contract's error handling: a 401 refreshes the token and replays
     * once; 429, 5xx, resets and timeouts are retried with backoff; a lock is waited out
     * within its budget; anything else fails at once, saying what was being done.
     */
    async callWithStatus(what, method, path, body, schema, { signal }) {
        const lockDeadline = Date.now() + this.options.lockWaitMs;
        const url = `${this.apiBase}${path}`;
        const response = await this.retrying(what, lockDeadline, signal, async () => {
            let res = await this.send(what, method, url, body, await this.accessToken(signal), signal);
            if (res.status === 401) {
                this.token = undefined;
                res = await this.send(what, method, url, body, await this.accessToken(signal), signal);
                if (res.status === 401) {
                    throw new CxoneError(`${what}: CXone rejected a fresh access token (401); check the client's tenant`, 401);
                }
            }
            return this.checked(what, res);
        });
        const json = parseJson(response.body);
        const parsed = schema.safeParse(json);
        if (!parsed.success) {
            throw new CxoneError(`${what}: CXone answered ${response.status} with ${json === undefined ? 'a body that is not JSON' : 'an unexpected body'} (${errors/* prettifyError */.S1(parsed.error).split('\n')[0]})`, response.status);
        }
        return { status: response.status, data: parsed.data };
    }
    retrying(what, lockDeadline, signal, operation) {
        return withRetries(what, operation, {
            attempts: this.options.maxAttempts,
            backoff: { ...BACKOFF, ...(this.options.random ? { random: this.options.random } : {}) },
            ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
            ...(signal ? { signal } : {}),
            classify: error => {
                if (!(error instanceof TransientError))
                    return { retry: false };
                if (error.code === 'locked') {
                    const delayMs = error.retryAfterMs ?? 1000;
                    return Date.now() + delayMs <= lockDeadline
                        ? { retry: true, delayMs, free: true }
                        : { retry: false };
                }
                return error.retryAfterMs === undefined
                    ? { retry: true }
                    : { retry: true, delayMs: error.retryAfterMs };
            },
            onRetry: ({ attempt, delayMs, error }) => {
                this.stats.retries++;
                this.options.onRetry?.(`${errorMessage(error)}; retry ${attempt} in ${delayMs} ms`);
            }
        });
    }
    /** Maps a status to success or to the contract's meaning of the failure. */
    checked(what, res) {
        if (res.status >= 200 && res.status < 300)
            return res;
        const parsed = ErrorBodySchema.safeParse(parseJson(res.body));
        const code = parsed.success ? parsed.data.error : undefined;
        const reason = parsed.success
            ? `${parsed.data.error}${parsed.data.message ? `: ${parsed.data.message}` : ''}`
            : res.body.trim() === ''
                ? 'empty body'
                : `a ${String(res.headers['content-type'] ?? 'non-JSON').split(';')[0]} body, not CXone's JSON (a proxy?)`;
        const said = `${what}: ${res.status} ${reason}`;
        const retryAfter = retryAfterMs(header(res, 'retry-after'), RETRY_AFTER_CAP_MS);
        if (res.status === 429 || res.status >= 500) {
            throw new TransientError(said, res.status, code, retryAfter);
        }
        if (res.status === 409 && code === 'locked') {
            throw new TransientError(said, res.status, code, retryAfter);
        }
        if (res.status === 403) {
            const scope = what.startsWith('reading') ? 'data-action:read' : 'data-action:write';
            throw new CxoneError(`${said} (the client needs the ${scope} scope on this tenant)`, 403, code);
        }
        if (res.status === 409 && code === 'version_conflict') {
            throw new CxoneError(`${said}: versions are immutable, so this code needs a new version id`, 409, code);
        }
        if (res.status === 422 && parsed.success && parsed.data.details) {
            throw new CxoneError(`${said} (details: ${JSON.stringify(parsed.data.details)})`, 422, code);
        }
        throw new CxoneError(said, res.status, code);
    }
    /** The cached token, or a new one; concurrent callers share one token request. */
    async accessToken(signal) {
        if (this.token && Date.now() < this.token.refreshAt)
            return this.token.value;
        this.tokenRequest ??= this.requestToken(signal).finally(() => {
            this.tokenRequest = undefined;
        });
        return this.tokenRequest;
    }
    async requestToken(signal) {
        const what = 'getting an access token';
        const form = new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: this.options.clientId,
            client_secret: this.options.clientSecret
        }).toString();
        const res = await this.retrying(what, Date.now(), signal, async () => {
            const response = await this.send(what, 'POST', this.options.tokenUrl, form, undefined, signal);
            if (response.status === 401 || response.status === 400) {
                const code = ErrorBodySchema.safeParse(parseJson(response.body)).data?.error ?? 'rejected';
                throw new CxoneError(`${what}: ${response.status} ${code}: CXone rejected client-id/client-secret`, response.status, code);
            }
            return this.checked(what, response);
        });
        const parsed = TokenSchema.safeParse(parseJson(res.body));
        if (!parsed.success)
            throw new CxoneError(`${what}: the token response is not what OAuth returns`);
        const { access_token, expires_in } = parsed.data;
        this.options.mask?.(access_token);
        this.token = {
            value: access_token,
            refreshAt: Date.now() + expires_in * 1000 - TOKEN_REFRESH_MARGIN_MS
        };
        return access_token;
    }
    async send(what, method, url, body, token, signal) {
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
        this.stats.requests++;
        try {
            const res = await abortable(this.http.request(method, url, data, headers), signal);
            return {
                status: res.message.statusCode ?? 0,
                headers: res.message.headers,
                body: await abortable(res.readBody(), signal)
            };
        }
        catch (error) {
            if (signal?.aborted)
                throw error;
            throw new TransientError(`${what}: ${errorMessage(error)}`, undefined, 'network');
        }
    }
}
/** Stops waiting when `signal` aborts; a request already sent cannot be recalled. */
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
function header(res, name) {
    const value = res.headers[name];
    return Array.isArray(value) ? value[0] : value;
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

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/transport.ts

/** `localhost`, 127.0.0.0/8 or ::1: the only hosts plain http may reach. */
function isLoopback(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (host === 'localhost' || host === '::1')
        return true;
    return (0,external_node_net_.isIP)(host) === 4 && host.startsWith('127.');
}
/**
 * Checks a URL that credentials or signed data will be sent to: https, or http on a
 * loopback host only, and no user info in it. Returns the problem in words, or the URL.
 */
function checkSecureUrl(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return { problem: `'${value}' is not a URL` };
    }
    if (url.username || url.password)
        return { problem: 'must not carry credentials in the URL' };
    if (url.protocol === 'https:')
        return { url };
    if (url.protocol === 'http:' && isLoopback(url.hostname))
        return { url };
    if (url.protocol === 'http:') {
        return { problem: `plain http is allowed only to a loopback host, not ${url.hostname}` };
    }
    return { problem: `expected an https:// URL, got ${url.protocol}` };
}

;// CONCATENATED MODULE: ./src/inputs.ts






const integer = (min, max) => schemas/* string */.YjP()
    .trim()
    .regex(/^[0-9]+$/, { error: 'expected a whole number' })
    .transform(Number)
    .pipe(schemas/* number */.aig()
    .min(min, { error: `expected at least ${min}` })
    .max(max, { error: `expected at most ${max}` }));
const optionalPath = schemas/* string */.YjP()
    .trim()
    .transform(value => (value === '' ? undefined : value));
const secureUrl = schemas/* string */.YjP()
    .trim()
    .transform((value, ctx) => {
    if (value === '')
        return undefined;
    const checked = checkSecureUrl(value);
    if ('problem' in checked) {
        ctx.addIssue({ code: 'custom', message: checked.problem });
        return core_core/* NEVER */.tm;
    }
    return checked.url.toString().replace(/\/+$/, '');
});
const InputsSchema = schemas/* object */.Ikc({
    [Input.Mode]: schemas/* enum */.k5n(MODES, {
        error: issue => `expected one of ${MODES.join(', ')}, got '${String(issue.input)}'`
    }),
    [Input.ActionFile]: schemas/* string */.YjP().trim().min(1, { error: 'is required' }),
    [Input.DependencyManifest]: optionalPath,
    [Input.DependencyPolicy]: optionalPath,
    [Input.SandboxTimeoutMs]: integer(50, 600_000),
    [Input.MaxActionFileBytes]: integer(1, 64 * 1024 * 1024),
    [Input.ClientId]: schemas/* string */.YjP().trim(),
    [Input.ClientSecret]: schemas/* string */.YjP().trim(),
    [Input.Region]: schemas/* string */.YjP()
        .trim()
        .regex(/^[a-z0-9-]{1,32}$/, { error: 'expected a region name such as us, eu or au' }),
    [Input.ApiBaseUrl]: secureUrl,
    [Input.TokenUrl]: secureUrl,
    [Input.MaxRetries]: integer(1, 20),
    [Input.RequestTimeoutMs]: integer(100, 600_000),
    [Input.PublishTimeoutMs]: integer(1_000, 3_600_000)
});
const DEFAULTS = {
    [Input.Mode]: 'publish',
    [Input.TargetEnvironment]: 'sandbox',
    [Input.SandboxTimeoutMs]: '3000',
    [Input.MaxActionFileBytes]: String(5 * 1024 * 1024),
    [Input.Region]: 'us',
    [Input.MaxRetries]: '5',
    [Input.RequestTimeoutMs]: '30000',
    [Input.PublishTimeoutMs]: '120000'
};
/**
 * Parses every input at once; all problems are reported together, each naming its input.
 * `env` supplies the runner's context (`GITHUB_WORKSPACE`, `GITHUB_REF`).
 */
function readConfig(read, env) {
    const raw = (name) => read(name).trim() || (DEFAULTS[name] ?? '');
    const names = Object.keys(InputsSchema.shape);
    const parsed = InputsSchema.safeParse(Object.fromEntries(names.map(name => [name, raw(name)])));
    const problems = parsed.success
        ? []
        : parsed.error.issues.map(issue => new InputError(String(issue.path[0]), issue.message));
    const inputs = parsed.data;
    const needsCxone = inputs !== undefined && inputs[Input.Mode] !== 'validate';
    if (needsCxone) {
        for (const name of [Input.ClientId, Input.ClientSecret]) {
            if (!inputs[name]) {
                problems.push(new InputError(name, `is required in ${inputs[Input.Mode]} mode`));
            }
        }
    }
    if (!inputs || problems.length > 0) {
        throw new ProblemsError(problems.map(error => ({ message: error.message })));
    }
    const apiBaseUrl = inputs[Input.ApiBaseUrl] ?? defaultApiBase(inputs[Input.Region]);
    return {
        mode: inputs[Input.Mode],
        workspace: (0,external_node_path_.resolve)(env.GITHUB_WORKSPACE || process.cwd()),
        actionFile: inputs[Input.ActionFile],
        payload: {
            dataActionId: raw(Input.DataActionId),
            versionId: raw(Input.VersionId) || tagOf(env.GITHUB_REF),
            targetEnvironment: raw(Input.TargetEnvironment)
        },
        ...(inputs[Input.DependencyManifest] && {
            dependencyManifest: inputs[Input.DependencyManifest]
        }),
        ...(inputs[Input.DependencyPolicy] && { dependencyPolicy: inputs[Input.DependencyPolicy] }),
        sandboxTimeoutMs: inputs[Input.SandboxTimeoutMs],
        maxActionFileBytes: inputs[Input.MaxActionFileBytes],
        ...(needsCxone && {
            cxone: {
                apiBaseUrl,
                tokenUrl: inputs[Input.TokenUrl] ?? defaultTokenUrl(apiBaseUrl),
                clientId: inputs[Input.ClientId],
                clientSecret: inputs[Input.ClientSecret],
                maxRetries: inputs[Input.MaxRetries],
                requestTimeoutMs: inputs[Input.RequestTimeoutMs],
                publishTimeoutMs: inputs[Input.PublishTimeoutMs]
            }
        })
    };
}
/** `refs/tags/v2.1.0` → `v2.1.0`; any other ref → ''. */
function tagOf(ref) {
    return ref?.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : '';
}

;// CONCATENATED MODULE: ./src/publisher.ts


/** The job was cancelled (SIGINT/SIGTERM from the runner). */
class CancelledError extends ActionError {
    constructor() {
        super('the job was cancelled');
    }
}
const POLL_FIRST_MS = 100;
const POLL_MAX_MS = 2_000;
/**
 * Promotes one version as a transaction: read what is live, upload, publish, verify. Any
 * failure from the publish on (cancellation included) restores the version that was live
 * before, or takes the new one down when none was, and verifies that too.
 */
async function publishVersion(client, promotion, settings) {
    const { dataActionId: id, versionId, targetEnvironment: env } = promotion.payload;
    const log = settings.log ?? (() => undefined);
    const sleep = settings.sleep ?? retry_sleep;
    const phases = [];
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const phase = async (name, fn, detail) => {
        const t0 = performance.now();
        try {
            const value = await fn();
            phases.push({
                name,
                ok: true,
                durationMs: Math.round(performance.now() - t0),
                detail: detail(value)
            });
            log(`${name}: ${phases.at(-1)?.detail}`);
            return value;
        }
        catch (error) {
            const said = describe(error);
            phases.push({ name, ok: false, durationMs: Math.round(performance.now() - t0), detail: said });
            log(`${name} failed: ${said}`);
            throw error;
        }
    };
    const signal = settings.cancel;
    const call = signal ? { signal } : {};
    // Until the publish starts nothing live has changed: a failure or cancellation just stops.
    let previous;
    try {
        previous = await phase('Read live', () => client.liveVersion(id, env, call), v => (v ? `${v.versionId} is live in ${env}` : `nothing is live in ${env}`));
        await phase('Upload', () => client.upload({
            dataActionId: id,
            versionId,
            targetEnvironment: env,
            checksum: promotion.checksum,
            dependencyMatrix: promotion.dependencyMatrix,
            actionCode: promotion.actionCode
        }, call), u => u.created ? `created ${versionId}` : `${versionId} was already uploaded with this checksum`);
    }
    catch (error) {
        return {
            ...(previous ? { previous } : {}),
            phases,
            result: 'failed',
            cause: `${signal?.aborted ? 'the job was cancelled' : describe(error)} (nothing live was changed)`,
            latencyMs: elapsed()
        };
    }
    const base = { ...(previous ? { previous } : {}), phases };
    if (previous?.versionId === versionId && previous.checksum === promotion.checksum) {
        return { ...base, result: 'unchanged', latencyMs: elapsed(), finalLive: versionId };
    }
    const deadline = Date.now() + settings.publishTimeoutMs;
    try {
        await phase('Publish', async () => settle(await client.publish(id, versionId, env, promotion.checksum, call), deadline, call), v => `${v.versionId} is ${v.status}`);
        await phase('Verify', async () => expectLive(await client.getVersion(id, versionId, call), promotion.checksum), () => `${versionId} reads back live in ${env} with checksum ${promotion.checksum.slice(0, 12)}…`);
        return { ...base, result: 'published', latencyMs: elapsed(), finalLive: versionId };
    }
    catch (error) {
        const cause = signal?.aborted ? 'the job was cancelled' : describe(error);
        // After a cancellation the runner kills the process soon: the restore gets a hard
        // deadline. Otherwise its own steps are bounded (lock budget, publish deadline, retries).
        const restoreSignal = signal?.aborted
            ? AbortSignal.timeout(settings.cancelRestoreMs ?? 6_000)
            : undefined;
        const rollback = await rollBack(restoreSignal);
        return {
            ...base,
            ...rollback,
            result: rollback.rollback?.verified ? 'rolled-back' : 'failed',
            cause,
            latencyMs: elapsed()
        };
    }
    /** Polls a `publishing` version until it is published or failed, within the deadline. */
    async function settle(version, until, options) {
        let current = version;
        for (let wait = POLL_FIRST_MS; current.status === 'publishing'; wait = Math.min(POLL_MAX_MS, wait * 2)) {
            const left = until - Date.now();
            if (left <= 0) {
                throw new ActionError(`version ${current.versionId} was still publishing when the publish deadline passed`);
            }
            await sleep(Math.min(wait, left), options.signal);
            current = await client.getVersion(id, current.versionId, options);
        }
        if (current.status === 'failed')
            throw new ActionError(`CXone reported the publish of ${current.versionId} as failed`);
        return current;
    }
    function expectLive(version, checksum) {
        const wrong = [
            version.published ? '' : `published is ${version.published}`,
            version.environment === env ? '' : `environment is ${version.environment}`,
            version.checksum === checksum ? '' : `checksum is ${version.checksum}, expected ${checksum}`
        ].filter(Boolean);
        if (wrong.length > 0) {
            throw new ActionError(`version ${version.versionId} does not read back live in ${env}: ${wrong.join(', ')}`);
        }
        return version;
    }
    async function rollBack(restoreSignal) {
        const options = restoreSignal ? { signal: restoreSignal } : {};
        const target = previous;
        const action = target ? 'restore' : 'unpublish';
        const targetId = target?.versionId ?? versionId;
        try {
            await phase('Rollback', async () => {
                if (target) {
                    await settle(await client.publish(id, target.versionId, env, target.checksum, options), Date.now() + settings.publishTimeoutMs, options);
                    expectLive(await client.getVersion(id, target.versionId, options), target.checksum);
                }
                else {
                    await client.unpublish(id, versionId, env, options);
                    const after = await client.getVersion(id, versionId, options);
                    if (after.published && after.environment === env) {
                        throw new ActionError(`version ${versionId} is still live in ${env} after the unpublish`);
                    }
                }
                const live = await client.liveVersion(id, env, options);
                if ((live?.versionId ?? null) !== (target?.versionId ?? null)) {
                    throw new ActionError(`${live?.versionId ?? 'nothing'} is live in ${env}, expected ${target?.versionId ?? 'nothing'}`);
                }
                return live?.versionId ?? null;
            }, live => live
                ? `${live} is live again in ${env} (verified)`
                : `nothing is live in ${env}, as before (verified)`);
            return {
                rollback: {
                    action,
                    versionId: targetId,
                    verified: true,
                    detail: phases.at(-1)?.detail ?? ''
                },
                finalLive: target?.versionId ?? null
            };
        }
        catch (error) {
            const state = await readState();
            const fix = target
                ? client.manualCommand('PATCH', id, target.versionId, {
                    published: true,
                    environment: env,
                    checksum: target.checksum
                })
                : client.manualCommand('PATCH', id, versionId, { published: false, environment: env });
            return {
                rollback: {
                    action,
                    versionId: targetId,
                    verified: false,
                    detail: `the rollback did not complete: ${describe(error)}. ${state.said}`
                },
                ...(state.live !== undefined ? { finalLive: state.live } : {}),
                manualFix: fix
            };
        }
    }
    /** Best effort, after a failed rollback: what CXone says is live now. */
    async function readState() {
        try {
            const live = await client.liveVersion(id, env, { signal: AbortSignal.timeout(3_000) });
            return {
                live: live?.versionId ?? null,
                said: `CXone now reports ${live ? `${live.versionId} (checksum ${live.checksum})` : 'nothing'} live in ${env}`
            };
        }
        catch (error) {
            return { said: `the live state could not be read either (${describe(error)})` };
        }
    }
}
function describe(error) {
    if (error instanceof DOMException && error.name === 'TimeoutError')
        return 'its deadline passed';
    if (error instanceof CancelledError)
        return error.message;
    return errorMessage(error);
}

// EXTERNAL MODULE: ./src/sandbox.ts + 2 modules
var src_sandbox = __webpack_require__(9090);
;// CONCATENATED MODULE: ./src/summary.ts
const ICON = { pass: '✅', fail: '❌', skipped: '➖' };
const VERDICT_ICON = {
    allowed: '✅',
    unrestricted: '✅',
    blocked: '❌',
    'outside range': '❌',
    undeclared: '❌'
};
/** The job summary as HTML (GitHub renders it; all file-derived text is escaped). */
function renderSummary(input) {
    const parts = [`<h2>CXone data action: ${escapeHtml(input.result)}</h2>`];
    parts.push(`<p>${escapeHtml(input.headline)}</p>`);
    const publish = input.publish;
    if (publish) {
        parts.push('<h3>Publish</h3>', table(['Phase', 'Result', 'Duration', 'Detail'], publish.phases.map(p => [
            p.name,
            p.ok ? '✅ ok' : '❌ failed',
            `${p.durationMs} ms`,
            p.detail
        ])), `<p>Previously live: <code>${escapeHtml(publish.previous?.versionId ?? 'nothing')}</code>. Latency: ${publish.latencyMs} ms.</p>`);
        if (publish.rollback) {
            parts.push(`<p><strong>Rollback</strong> (${publish.rollback.action} ${escapeHtml(publish.rollback.versionId)}): ${publish.rollback.verified ? '✅' : '❌'} ${escapeHtml(publish.rollback.detail)}</p>`);
        }
        if (publish.finalLive !== undefined) {
            parts.push(`<p>Final state, read back from CXone: <code>${escapeHtml(publish.finalLive ?? 'nothing')}</code> is live.</p>`);
        }
        if (publish.manualFix) {
            parts.push(`<p>To fix by hand:</p><pre>${escapeHtml(publish.manualFix)}</pre>`);
        }
    }
    const validation = input.validation;
    if (validation) {
        parts.push('<h3>Checks</h3>', table(['Check', 'Result', 'Detail'], validation.checks.map(c => [c.name, `${ICON[c.status]} ${c.status}`, c.detail])));
        if (validation.dependencies.length > 0) {
            parts.push('<h3>Dependencies</h3>', table(['Package', 'Version', 'Verdict', 'Why'], validation.dependencies.map(d => [
                d.name,
                d.version ?? '(not declared)',
                `${VERDICT_ICON[d.verdict]} ${d.verdict}`,
                d.reason
            ])));
        }
        if (validation.actionFile) {
            parts.push(`<p>Checksum (sha256 of <code>${escapeHtml(validation.actionFile.path)}</code>): <code>${validation.actionFile.sha256}</code></p>`);
        }
    }
    return parts.join('\n') + '\n';
}
function table(header, rows) {
    const cells = (tag, row) => `<tr>${row.map(cell => `<${tag}>${escapeHtml(cell)}</${tag}>`).join('')}</tr>`;
    return `<table>${cells('th', header)}${rows.map(row => cells('td', row)).join('')}</table>`;
}
/** Escapes text for HTML and neutralises markdown that GitHub would still interpret. */
function escapeHtml(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;')
        .replace(/[`*_[\]|@]/g, ch => `&#${ch.charCodeAt(0)};`);
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/structured-file.ts


/**
 * Parses JSON or YAML: YAML 1.2 reads JSON too, so one parser gives line numbers for both.
 * Duplicate keys are errors, and alias expansion is bounded (no "billion laughs").
 */
function parseStructuredFile(file) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(file.text.replace(/^\uFEFF/, ''), {
        lineCounter,
        uniqueKeys: true,
        prettyErrors: false
    });
    const at = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col };
    };
    const problem = (message, location = {}) => ({
        message: `Input '${file.input}': ${file.path}${message}`,
        location: { ...location, file: file.path }
    });
    if (doc.errors.length > 0) {
        throw new ProblemsError(doc.errors.map(error => problem(` is not valid JSON or YAML: ${firstLine(error.message)}`, at(error.pos[0]))));
    }
    let data;
    try {
        data = doc.toJS({ maxAliasCount: 50 });
    }
    catch (error) {
        throw new ProblemsError([problem(` cannot be read: ${firstLine(String(error))}`)]);
    }
    const lineOf = (path) => {
        const node = nodeAt(doc.contents, path);
        return node?.range ? at(node.range[0]).line : undefined;
    };
    return {
        data,
        lineOf,
        check(schema) {
            const parsed = schema.safeParse(data);
            if (parsed.success)
                return parsed.data;
            throw new ProblemsError(parsed.error.issues.map(issue => {
                const line = lineOf(issue.path);
                return problem(`${pathText(issue.path)}: ${issue.message}`, line ? { line } : {});
            }));
        }
    };
}
function firstLine(text) {
    return text.split('\n')[0] ?? text;
}
/** ` at dependencies.lodash` style suffix for an issue path. */
function pathText(path) {
    if (path.length === 0)
        return '';
    return ` at ${path.map(p => (typeof p === 'number' ? `[${p}]` : String(p))).join('.')}`;
}
// The deepest node on the path; a missing key points at its map, which is where it belongs.
function nodeAt(root, path) {
    let node = root;
    for (const key of path) {
        let next;
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find(item => (0,dist/* isPair */.tO)(item) && (0,dist/* isScalar */.jn)(item.key) && item.key.value === key);
            // A problem with a key (not its value) is best shown on the key's own line.
            next = pair ? (pair.value ?? pair.key) : undefined;
        }
        else if ((0,dist/* isSeq */.oP)(node) && typeof key === 'number') {
            next = node.items[key];
        }
        if (next === undefined || next === null)
            return node;
        node = next;
    }
    return node;
}

;// CONCATENATED MODULE: ./src/manifest.ts




const PackageNameSchema = schemas/* string */.YjP()
    .min(1, 'a package name cannot be empty')
    .max(214, 'a package name has at most 214 characters');
const ExactVersionSchema = schemas/* string */.YjP({ error: 'expected a version string such as "4.17.21"' })
    .refine(version => semver_default().valid(version) !== null, {
    error: issue => `'${String(issue.input)}' is not an exact semver version (such as 4.17.21)`
});
// Shapes only: each version is checked on its own, so one bad entry does not hide the others
// from the policy check.
const DependencyMapSchema = schemas/* record */.g1P(PackageNameSchema, schemas/* unknown */.L5J(), {
    error: 'expected a map of {package: exact version}'
});
const PackageJsonSchema = schemas/* looseObject */._H3({ dependencies: DependencyMapSchema.optional() });
/**
 * Reads a dependency manifest: a JSON or YAML map `{package: exact version}`, or a
 * `package.json` (recognised by its name or by a `dependencies` map), of which only
 * `dependencies` counts: those are what the data action's runtime must provide.
 */
function parseDependencyManifest(file) {
    const doc = parseStructuredFile(file);
    const isPackageJson = (0,external_node_path_.basename)(file.path) === 'package.json' ||
        (isRecord(doc.data) && isRecord(doc.data.dependencies));
    const base = isPackageJson ? ['dependencies'] : [];
    const map = isPackageJson
        ? (doc.check(PackageJsonSchema).dependencies ?? {})
        : doc.check(DependencyMapSchema);
    const manifest = {
        declared: new Set(Object.keys(map)),
        dependencies: [],
        problems: []
    };
    for (const [name, version] of Object.entries(map)) {
        const line = doc.lineOf([...base, name]);
        const at = line === undefined ? {} : { line };
        const exact = ExactVersionSchema.safeParse(version);
        if (exact.success) {
            manifest.dependencies.push({ name, version: exact.data, ...at });
        }
        else {
            manifest.problems.push({
                message: `Input '${file.input}': ${file.path}${pathText([...base, name])}: ${exact.error.issues[0]?.message}`,
                location: { file: file.path, ...at }
            });
        }
    }
    return manifest;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
;// CONCATENATED MODULE: ./src/policy.ts





const RangeSchema = schemas/* string */.YjP({ error: 'expected a semver range such as "^4.17.0"' })
    .refine(range => range.trim() !== '' && semver_default().validRange(range) !== null, {
    error: issue => `'${String(issue.input)}' is not a valid semver range`
});
// Strict: a misspelt key in a policy would otherwise loosen it without a word.
const RulesSchema = schemas/* strictObject */.rej({
    allowedVersions: schemas/* record */.g1P(PackageNameSchema, RangeSchema).optional(),
    blockedPackages: schemas/* array */.YOg(PackageNameSchema).optional()
});
const PolicySchema = RulesSchema.extend({
    environments: schemas/* strictObject */.rej({ sandbox: RulesSchema.optional(), production: RulesSchema.optional() })
        .optional()
});
function parsePolicy(file, environment) {
    const doc = parseStructuredFile(file);
    const policy = doc.check(PolicySchema);
    const rules = { environment, ranges: new Map(), blocked: new Map() };
    const add = (scopeRules, scope, base) => {
        for (const [name, range] of Object.entries(scopeRules?.allowedVersions ?? {})) {
            const line = doc.lineOf([...base, 'allowedVersions', name]);
            const list = rules.ranges.get(name) ?? [];
            list.push({ scope, range, ...(line ? { line } : {}) });
            rules.ranges.set(name, list);
        }
        scopeRules?.blockedPackages?.forEach((name, index) => {
            const line = doc.lineOf([...base, 'blockedPackages', index]);
            if (!rules.blocked.has(name))
                rules.blocked.set(name, { scope, ...(line ? { line } : {}) });
        });
    };
    add(policy, 'all environments', []);
    if (environment) {
        add(policy.environments?.[environment], environment, ['environments', environment]);
    }
    return rules;
}
/** No policy file: nothing is blocked, every exact version is allowed. */
function emptyRules(environment) {
    return { environment, ranges: new Map(), blocked: new Map() };
}
/** Judges each declared dependency by the rules; a package may be allowed by no rule at all. */
function judgeDependencies(dependencies, rules, manifestPath) {
    return dependencies.map(dep => {
        const location = manifestPath
            ? { file: manifestPath, ...(dep.line ? { line: dep.line } : {}) }
            : undefined;
        const base = { name: dep.name, version: dep.version, ...(location ? { location } : {}) };
        const blocked = rules.blocked.get(dep.name);
        if (blocked)
            return { ...base, verdict: 'blocked', reason: `blocked (${blocked.scope})` };
        const ranges = rules.ranges.get(dep.name) ?? [];
        const failed = ranges.find(rule => !semver_default().satisfies(dep.version, rule.range ?? '*'));
        if (failed) {
            return {
                ...base,
                verdict: 'outside range',
                reason: `${dep.version} does not satisfy ${failed.range} (${failed.scope})`
            };
        }
        if (ranges.length === 0)
            return { ...base, verdict: 'unrestricted', reason: 'no rule' };
        return {
            ...base,
            verdict: 'allowed',
            reason: `satisfies ${ranges.map(r => `${r.range} (${r.scope})`).join(' and ')}`
        };
    });
}
/**
 * Judges what the code asked for in the sandbox: each package must be declared in the
 * manifest and not blocked. Node built-ins need no declaration but can be blocked.
 */
function judgeRequires(requires, declared, rules, actionFilePath) {
    const seen = new Set();
    const verdicts = [];
    for (const { specifier, line } of requires) {
        const name = packageNameOf(specifier);
        if (seen.has(name))
            continue;
        seen.add(name);
        const location = { file: actionFilePath, ...(line ? { line } : {}) };
        const blocked = rules.blocked.get(name) ?? rules.blocked.get(specifier);
        if (blocked) {
            verdicts.push({ name, verdict: 'blocked', reason: `blocked (${blocked.scope})`, location });
        }
        else if (specifier.startsWith('.') || specifier.startsWith('/')) {
            verdicts.push({
                name,
                verdict: 'undeclared',
                reason: 'a data action is a single file and cannot load local files',
                location
            });
        }
        else if ((0,external_node_module_.isBuiltin)(specifier)) {
            continue;
        }
        else if (!declared.has(name)) {
            verdicts.push({
                name,
                verdict: 'undeclared',
                reason: 'undeclared dependency: required by the code but not in the dependency manifest',
                location
            });
        }
    }
    return verdicts;
}
/** `lodash/get` → `lodash`, `@scope/pkg/x` → `@scope/pkg`, `node:fs` → `fs`. */
function packageNameOf(specifier) {
    if (specifier.startsWith('.') || specifier.startsWith('/'))
        return specifier;
    if (specifier.startsWith('node:'))
        return specifier.slice(5);
    const parts = specifier.split('/');
    return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/workspace-file.ts





/**
 * Reads a file that must lie inside the workspace, after resolving symlinks, be a regular
 * file of at most `maxBytes`, and be valid UTF-8. Every failure is an InputError naming the
 * input, so a bad path can never read (or hang on) something outside the repository.
 */
async function readWorkspaceFile(workspace, givenPath, options) {
    const { input, maxBytes } = options;
    const fail = (problem) => {
        throw new InputError(input, problem);
    };
    const root = await (0,promises_.realpath)(workspace).catch(() => fail(`the workspace '${workspace}' does not exist`));
    const lexical = (0,external_node_path_.resolve)(root, givenPath);
    if (!isInside(root, lexical))
        fail(`'${givenPath}' is outside the workspace`);
    const real = await (0,promises_.realpath)(lexical).catch((error) => fail(error.code === 'ENOENT'
        ? `'${givenPath}' does not exist`
        : `'${givenPath}' cannot be read (${error.code})`));
    if (!isInside(root, real))
        fail(`'${givenPath}' is a link to a place outside the workspace`);
    const path = (0,external_node_path_.relative)(root, real).split(external_node_path_.sep).join('/');
    // Checked before opening: opening a FIFO or device could block or never end.
    const info = await (0,promises_.stat)(real);
    if (!info.isFile())
        fail(`'${givenPath}' is not a regular file`);
    if (info.size > maxBytes)
        fail(`'${givenPath}' is ${info.size} bytes; the limit is ${maxBytes}`);
    const handle = await (0,promises_.open)(real, 'r');
    let bytes;
    try {
        const opened = await handle.stat();
        if (opened.ino !== info.ino || opened.dev !== info.dev)
            fail(`'${givenPath}' changed while read`);
        bytes = await handle.readFile();
    }
    finally {
        await handle.close();
    }
    if (bytes.length > maxBytes)
        fail(`'${givenPath}' grew beyond ${maxBytes} bytes while read`);
    if (bytes.length === 0 && !options.allowEmpty)
        fail(`'${givenPath}' is empty`);
    if (!(0,external_node_buffer_.isUtf8)(bytes)) {
        throw new InputError(input, `'${givenPath}' is not valid UTF-8`, {
            file: path,
            line: firstNonUtf8Line(bytes)
        });
    }
    return {
        input,
        path,
        bytes,
        text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
        sha256: (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')
    };
}
function isInside(root, path) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${external_node_path_.sep}`) && !(0,external_node_path_.isAbsolute)(rel);
}
// A newline byte is never part of a multi-byte sequence, so lines can be checked alone.
function firstNonUtf8Line(bytes) {
    let line = 1;
    let start = 0;
    for (;;) {
        const end = bytes.indexOf(10, start);
        if (!(0,external_node_buffer_.isUtf8)(bytes.subarray(start, end < 0 ? bytes.length : end)))
            return line;
        if (end < 0)
            return line;
        start = end + 1;
        line++;
    }
}

;// CONCATENATED MODULE: ./src/validate.ts






/** Manifests and policies are small; anything bigger is a mistake, not a manifest. */
const MAX_MANIFEST_BYTES = 1024 * 1024;
const FAILING = new Set([
    'blocked',
    'outside range',
    'undeclared'
]);
/**
 * Runs every check and reports all problems at once. The sandbox evaluation starts as soon
 * as the action file is read and runs while the manifest and policy are checked.
 */
async function validate(config, sandbox) {
    const checks = [];
    const problems = [];
    const record = (name, found, passDetail) => {
        problems.push(...found);
        checks.push({
            name,
            status: found.length === 0 ? 'pass' : 'fail',
            detail: found.length === 0 ? passDetail : listed(found.map(p => p.message))
        });
    };
    const skip = (name, why) => {
        checks.push({ name, status: 'skipped', detail: why });
    };
    const actionFile = await attempt(() => readWorkspaceFile(config.workspace, config.actionFile, {
        input: Input.ActionFile,
        maxBytes: config.maxActionFileBytes
    }));
    const evaluation = actionFile.value
        ? sandbox.evaluate(actionFile.value.text, actionFile.value.path, config.sandboxTimeoutMs)
        : undefined;
    if (!evaluation)
        sandbox.dispose();
    record('Action file', actionFile.problems, actionFile.value ? `${actionFile.value.path}, ${actionFile.value.bytes.length} bytes` : '');
    const payload = PromotionPayloadSchema.safeParse(config.payload);
    record('Payload', payload.success
        ? []
        : payload.error.issues.map(issue => ({
            message: `Input '${PAYLOAD_INPUTS[String(issue.path[0])] ?? String(issue.path[0])}': ${issue.message}`
        })), payload.success
        ? `${payload.data.dataActionId} ${payload.data.versionId} → ${payload.data.targetEnvironment}`
        : '');
    const environment = environmentOf(config.payload.targetEnvironment);
    let dependencies = [];
    let declaredNames = new Set();
    let manifestPath;
    if (config.dependencyManifest) {
        const manifest = await attempt(async () => {
            const file = await readStructured(config, config.dependencyManifest, Input.DependencyManifest);
            return { path: file.path, ...parseDependencyManifest(file) };
        });
        dependencies = manifest.value?.dependencies ?? [];
        declaredNames = manifest.value?.declared ?? declaredNames;
        manifestPath = manifest.value?.path;
        record('Dependency manifest', [...manifest.problems, ...(manifest.value?.problems ?? [])], `${dependencies.length} dependencies, all exact versions`);
    }
    else {
        skip('Dependency manifest', 'none given: the code may require no packages');
    }
    let rules = emptyRules(environment);
    let policyProblems;
    if (config.dependencyPolicy) {
        const policy = await attempt(async () => parsePolicy(await readStructured(config, config.dependencyPolicy, Input.DependencyPolicy), environment));
        rules = policy.value ?? rules;
        policyProblems = policy.problems;
    }
    const declared = judgeDependencies(dependencies, rules, manifestPath);
    if (policyProblems) {
        record('Dependency policy', [...policyProblems, ...declared.filter(v => FAILING.has(v.verdict)).map(verdictProblem)], `${declared.length} dependencies judged for ${environment ?? 'all environments'}`);
    }
    else {
        skip('Dependency policy', 'none given');
    }
    let report;
    let required = [];
    if (evaluation && actionFile.value) {
        report = await evaluation;
        const file = actionFile.value;
        record('Sandbox', sandboxProblems(report, file.path, config.sandboxTimeoutMs), sandboxDetail(report));
        if (!report.failure || report.requires.length > 0) {
            required = judgeRequires(report.requires, declaredNames, rules, file.path);
            record('Required modules', required.map(verdictProblem), report.requires.length === 0
                ? 'requires nothing'
                : `requires ${[...new Set(report.requires.map(r => r.specifier))].join(', ')}`);
        }
    }
    else {
        skip('Sandbox', 'the action file could not be read');
    }
    return {
        checks,
        problems,
        ...(actionFile.value ? { actionFile: actionFile.value } : {}),
        ...(payload.success ? { payload: payload.data } : {}),
        dependencies: [...declared, ...required],
        dependencyMatrix: Object.fromEntries(dependencies.map(d => [d.name, d.version])),
        ...(report ? { sandbox: report } : {})
    };
}
/** The first few items, then how many more: a check's detail is one table cell. */
function listed(items, shown = 3) {
    const more = items.length - shown;
    return items.slice(0, shown).join('; ') + (more > 0 ? `; and ${more} more` : '');
}
const PAYLOAD_INPUTS = {
    dataActionId: Input.DataActionId,
    versionId: Input.VersionId,
    targetEnvironment: Input.TargetEnvironment
};
function environmentOf(value) {
    return value === 'sandbox' || value === 'production' ? value : undefined;
}
function readStructured(config, path, input) {
    return readWorkspaceFile(config.workspace, path ?? '', {
        input,
        maxBytes: MAX_MANIFEST_BYTES,
        allowEmpty: true
    });
}
async function attempt(fn) {
    try {
        return { value: await fn(), problems: [] };
    }
    catch (error) {
        return { problems: problemsOf(error) };
    }
}
function verdictProblem(verdict) {
    const what = verdict.version ? `${verdict.name}@${verdict.version}` : `'${verdict.name}'`;
    return {
        message: `Dependency ${what}: ${verdict.reason}`,
        ...(verdict.location ? { location: verdict.location } : {})
    };
}
function sandboxProblems(report, path, timeoutMs) {
    const { failure } = report;
    if (failure) {
        const location = {
            file: path,
            ...(failure.line ? { line: failure.line } : {}),
            ...(failure.column ? { column: failure.column } : {})
        };
        const message = {
            syntax: `Syntax error in ${path}: ${failure.message}`,
            threw: `The top level of ${path} threw ${failure.message}`,
            timeout: `${path} did not finish evaluating within the sandbox limit (${Input.SandboxTimeoutMs}: ${timeoutMs}): ${failure.message}`,
            memory: `${path} exceeded the sandbox memory limit: ${failure.message}`,
            crashed: `The sandbox could not evaluate ${path}: ${failure.message}`
        }[failure.kind];
        return [{ message, location }];
    }
    if (!report.handler) {
        return [
            {
                message: `${path} exports no handler: set exports.handler or module.exports to a function, or export a function named handler or a default function`,
                location: { file: path }
            }
        ];
    }
    return [];
}
function sandboxDetail(report) {
    return `${report.format === 'module' ? 'ES module' : 'CommonJS'}, handler: ${report.handler}, evaluated in ${report.durationMs} ms, peak ${report.peakRssMb ?? '?'} MB`;
}

;// CONCATENATED MODULE: ./src/main.ts










/**
 * The action: inputs in, outputs, annotations and the job summary out. `sandbox` is started
 * by the entry point before this module loads, so its start-up overlaps the action's.
 */
async function run(sandbox = src_sandbox/* Sandbox */.ak.start(), env = process.env) {
    // Each schema parses a handful of times in a run: compiling them to code costs more than
    // it saves (measured: a first parse takes half as long without it).
    core_core/* config */.$W({ jitless: true });
    for (const name of SECRET_INPUTS) {
        const value = core/* getInput */.V4(name);
        if (value)
            core/* setSecret */.Pq(value);
    }
    let summary;
    try {
        const config = readConfig(name => core/* getInput */.V4(name), env);
        if (config.mode === 'plan') {
            throw new ActionError(`Input 'mode': 'plan' is not available in this version`);
        }
        const validation = await core/* group */.Os('Validate', async () => {
            const report = await validate(config, sandbox);
            for (const check of report.checks) {
                core/* info */.pq(`${check.status.padEnd(7)} ${check.name}: ${check.detail}`);
            }
            return report;
        });
        if (validation.actionFile)
            core/* setOutput */.uH(Output.Checksum, validation.actionFile.sha256);
        core/* setOutput */.uH(Output.VersionId, config.payload.versionId);
        if (validation.problems.length > 0 || config.mode === 'validate') {
            const failed = validation.problems.length > 0;
            setResult(failed ? 'failed' : 'validated');
            summary = {
                result: failed ? 'failed' : 'validated',
                headline: failed
                    ? `Validation found ${validation.problems.length} problem(s) in ${config.actionFile}.`
                    : `${config.actionFile} passed every check.`,
                validation
            };
            if (failed)
                fail(validation.problems);
            return;
        }
        const outcome = await core/* group */.Os('Publish', () => publish(config, validation));
        setResult(outcome.result);
        core/* setOutput */.uH(Output.LatencyMs, String(outcome.latencyMs));
        core/* setOutput */.uH(Output.Published, String(outcome.result === 'published'));
        core/* setOutput */.uH(Output.RolledBack, String(outcome.result === 'rolled-back'));
        core/* setOutput */.uH(Output.PreviousVersionId, outcome.previous?.versionId ?? '');
        const what = publishing(validation);
        summary = {
            result: outcome.result,
            headline: headline(what, outcome),
            validation,
            publish: outcome
        };
        if (outcome.result === 'rolled-back' || outcome.result === 'failed') {
            fail([{ message: failureMessage(what, outcome) }]);
        }
    }
    catch (error) {
        setResult('failed');
        fail(problemsOf(error));
    }
    finally {
        sandbox.dispose();
        if (summary && env.GITHUB_STEP_SUMMARY) {
            await core/* summary */.z.addRaw(renderSummary(summary)).write();
        }
    }
}
async function publish(config, validation) {
    const { cxone } = config;
    const { payload, actionFile } = validation;
    if (!cxone || !payload || !actionFile)
        throw new ActionError('nothing to publish');
    const client = new CxoneClient({
        apiBaseUrl: cxone.apiBaseUrl,
        tokenUrl: cxone.tokenUrl,
        clientId: cxone.clientId,
        clientSecret: cxone.clientSecret,
        maxAttempts: cxone.maxRetries,
        requestTimeoutMs: cxone.requestTimeoutMs,
        lockWaitMs: cxone.publishTimeoutMs,
        mask: secret => core/* setSecret */.Pq(secret),
        onRetry: message => core/* info */.pq(message)
    });
    const cancellation = onCancel();
    try {
        return await publishVersion(client, {
            payload,
            actionCode: actionFile.text,
            checksum: actionFile.sha256,
            dependencyMatrix: validation.dependencyMatrix
        }, {
            publishTimeoutMs: cxone.publishTimeoutMs,
            cancel: cancellation.signal,
            log: line => core/* info */.pq(line)
        });
    }
    finally {
        cancellation.dispose();
        client.dispose();
    }
}
/**
 * The runner cancels a job with SIGINT, then SIGTERM a few seconds later: both abort the
 * publish, which then restores what was live before the process ends.
 */
function onCancel() {
    const controller = new AbortController();
    const handler = (signal) => {
        if (controller.signal.aborted)
            return;
        core/* warning */.$e(`Received ${signal}: stopping the publish and restoring what was live before.`);
        controller.abort(new CancelledError());
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return {
        signal: controller.signal,
        dispose: () => {
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
        }
    };
}
function publishing(validation) {
    const p = validation.payload;
    return p ? `${p.versionId} of ${p.dataActionId} to ${p.targetEnvironment}` : 'the version';
}
function headline(what, outcome) {
    switch (outcome.result) {
        case 'published':
            return `Published ${what}; verified live in ${outcome.latencyMs} ms.`;
        case 'unchanged':
            return `${what}: already live with this checksum; nothing to do.`;
        case 'rolled-back':
            return `Publishing ${what} failed and was rolled back: ${outcome.rollback?.detail ?? ''}`;
        default:
            return `Publishing ${what} failed: ${outcome.cause ?? ''}`;
    }
}
function failureMessage(what, outcome) {
    const cause = `Publishing ${what} failed: ${outcome.cause ?? 'unknown cause'}.`;
    if (!outcome.rollback)
        return cause;
    if (outcome.rollback.verified)
        return `${cause} Rolled back: ${outcome.rollback.detail}.`;
    return `${cause} ROLLBACK INCOMPLETE: ${outcome.rollback.detail}. To fix by hand: ${outcome.manualFix ?? ''}`;
}
function setResult(result) {
    core/* setOutput */.uH(Output.Result, result);
}
/** One `::error::` annotation per problem, then the step fails. No stack traces. */
function fail(problems) {
    for (const { message, location } of problems) {
        core/* error */.z3(message, location && {
            file: location.file,
            ...(location.line ? { startLine: location.line } : {}),
            ...(location.column ? { startColumn: location.column } : {})
        });
    }
    process.exitCode = core/* ExitCode */.yU.Failure;
}


/***/ })

};

//# sourceMappingURL=712.index.js.map