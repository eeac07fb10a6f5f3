export const id = 213;
export const ids = [213];
export const modules = {

/***/ 7242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FN: () => (/* binding */ MODES),
/* harmony export */   Nn: () => (/* binding */ INTENT_SCHEMA),
/* harmony export */   iY: () => (/* binding */ RUN_RECORD_SCHEMA),
/* harmony export */   k7: () => (/* binding */ Output),
/* harmony export */   pH: () => (/* binding */ SECRET_INPUTS),
/* harmony export */   pd: () => (/* binding */ Input)
/* harmony export */ });
/* unused harmony export RESULTS */
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
    ValidationTimeoutMs: 'validation-timeout-ms',
    MaxActionFileBytes: 'max-action-file-bytes',
    MaxRetries: 'max-retries',
    RequestTimeoutMs: 'request-timeout-ms',
    PublishTimeoutMs: 'publish-timeout-ms',
    WebhookUrl: 'webhook-url',
    WebhookSecret: 'webhook-secret',
    AuditLog: 'audit-log',
    GithubToken: 'github-token',
    PrComment: 'pr-comment',
    ReleaseManifest: 'release-manifest',
    Concurrency: 'concurrency'
};
/** Inputs whose values are masked in the log before anything else happens. */
const SECRET_INPUTS = [
    Input.ClientId,
    Input.ClientSecret,
    Input.WebhookSecret,
    Input.GithubToken
];
/** Output names, exactly as action.yml declares them. */
const Output = {
    Result: 'result',
    Checksum: 'checksum',
    LatencyMs: 'latency-ms',
    Published: 'published',
    RolledBack: 'rolled-back',
    VersionId: 'version-id',
    PreviousVersionId: 'previous-version-id',
    AuditHash: 'audit-hash',
    AuditLogPath: 'audit-log-path'
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
/**
 * The facts of one run, as the webhook sends them and the audit log keeps them. Versioned:
 * a receiver can rely on every field of `cxone-publish-action/run@1`; a change that removes
 * or retypes a field gets a new schema name.
 */
const RUN_RECORD_SCHEMA = 'cxone-publish-action/run@1';
/**
 * The audit log's write-ahead record of a publish, appended before its first request to
 * CXone: what the run is about to change. Its result record follows (carrying `intentHash`);
 * an intent with no result after it is a run that was killed or is still going.
 */
const INTENT_SCHEMA = 'cxone-publish-action/intent@1';


/***/ }),

/***/ 371:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ STALLED),
/* harmony export */   n: () => (/* binding */ settleOnDrain)
/* harmony export */ });
/**
 * Node exits when its event loop has nothing left to do, even while a promise the run awaits
 * is still pending: then nothing can ever settle it (a bug: a wait no timer, socket or child
 * process will end). Without this guard the step would end there, half done, with no
 * result, no rollback and exit code 0 (node 20) or 13 (node 24). With it, 'beforeExit' finds
 * the innermost pending guarded work (the one guarded last: a publish inside the run) and
 * runs its rescue instead, which keeps the process alive until the rescue has settled the
 * work's promise (rolled back what was begun, and said why). If a rescue stalls too, the
 * next guard out is rescued.
 */
const pending = [];
function onBeforeExit() {
    const innermost = pending.findLast(work => !work.rescued);
    innermost?.rescue();
}
/** `work`'s outcome; or, if the event loop drains while it is pending, `rescue()`'s. */
function settleOnDrain(work, rescue) {
    return new Promise((resolve, reject) => {
        const leave = () => {
            pending.splice(pending.indexOf(guarded), 1);
            if (pending.length === 0)
                process.off('beforeExit', onBeforeExit);
        };
        const guarded = {
            rescued: false,
            rescue: () => {
                guarded.rescued = true;
                rescue().then(resolve, reject).finally(leave);
            }
        };
        if (pending.push(guarded) === 1)
            process.on('beforeExit', onBeforeExit);
        work.then(value => {
            if (guarded.rescued)
                return;
            leave();
            resolve(value);
        }, (error) => {
            if (guarded.rescued)
                return;
            leave();
            reject(error);
        });
    });
}
/** What a rescue says happened. */
const STALLED = 'the run stopped before it finished: it was waiting for something that could no longer happen (a bug in the action)';


/***/ }),

/***/ 3091:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ signature),
/* harmony export */   z: () => (/* binding */ webhookKey)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


/** The key bytes of a Standard Webhooks secret: `whsec_` + base64, or else the raw text. */
function webhookKey(secret) {
    if (!secret.startsWith('whsec_'))
        return Buffer.from(secret, 'utf8');
    const encoded = secret.slice('whsec_'.length);
    const key = Buffer.from(encoded, 'base64');
    if (key.length === 0 ||
        key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ("Input 'webhook-secret': a whsec_ secret must be base64 after the prefix");
    }
    return key;
}
/** `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, per Standard Webhooks. */
function signature(key, id, timestamp, body) {
    return `v1,${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}


/***/ }),

/***/ 5213:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/canonicalize/lib/canonicalize.js
var canonicalize = __webpack_require__(8799);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/proper-lockfile/index.js
var proper_lockfile = __webpack_require__(3648);
;// CONCATENATED MODULE: ./src/evidence/audit.ts







/** The `prevHash` of the first record. */
const GENESIS_HASH = '0'.repeat(64);
const HEX64 = /^[0-9a-f]{64}$/;
/** sha256 hex of the RFC 8785 canonical JSON of a record without its `hash`. */
function hashOf(record) {
    const body = { ...record };
    delete body.hash;
    const canonical = (0,canonicalize/* default */.A)(body);
    if (canonical === undefined)
        throw new Error('a record must be JSON');
    return (0,external_node_crypto_.createHash)('sha256').update(canonical, 'utf8').digest('hex');
}
/** The log, or its last line, cannot be trusted: the run must not extend it. */
class AuditLogError extends errors/* ActionError */.lZ {
}
/**
 * Checks every link: each line is a JSON object, its `hash` is the hash of the rest, and its
 * `prevHash` is the previous line's `hash` (64 zeros first). With `head`, the last record
 * must be that one: a log cut at a record boundary cannot show the cut by itself.
 */
function verifyChain(text, head) {
    const lines = text.split('\n');
    if (lines.at(-1) === '')
        lines.pop();
    let previous = GENESIS_HASH;
    for (let i = 0; i < lines.length; i++) {
        const record = checkRecord(lines[i] ?? '');
        if (typeof record === 'string')
            return { ok: false, line: i + 1, reason: record };
        if (record.prevHash !== previous) {
            return {
                ok: false,
                line: i + 1,
                reason: 'its prevHash does not link to the record before it (a record was removed, inserted or moved)'
            };
        }
        previous = record.hash;
    }
    if (text !== '' && !text.endsWith('\n')) {
        return {
            ok: false,
            line: lines.length,
            reason: 'the last record is cut off (no final newline)'
        };
    }
    if (head !== undefined && previous !== head) {
        return {
            ok: false,
            line: lines.length,
            reason: `the last record's hash is ${previous}, but the anchored head is ${head}: records are missing at the end`
        };
    }
    return { ok: true, records: lines.length, head: previous };
}
/** The record's own `hash` and `prevHash` when it is sound on its own; else what is wrong. */
function checkRecord(line) {
    let record;
    try {
        record = JSON.parse(line);
    }
    catch {
        return 'not a JSON record (edited or cut off)';
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        return 'not a JSON object';
    }
    const { hash, prevHash } = record;
    if (typeof hash !== 'string' || !HEX64.test(hash))
        return 'no valid "hash" field';
    if (typeof prevHash !== 'string' || !HEX64.test(prevHash))
        return 'no valid "prevHash" field';
    if (hash !== hashOf(record)) {
        return 'its hash does not match its content (the record was changed)';
    }
    return { hash, prevHash };
}
function ignoreSignal() { }
/** Appends, never through a link: a committed `cxone-audit.jsonl -> /anywhere` is refused. */
const APPEND_FLAGS = external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_APPEND | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_NOFOLLOW;
const READ_FLAGS = external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW;
const LOCK = { realpath: false, stale: 10_000 };
/**
 * The lock on the log's real path: taken at once when it is free (a run's usual case), else
 * waited for. The checks before it are synchronous calls (each async one was a round trip
 * through the thread pool); what runs under the lock stays asynchronous: the lock stays
 * fresh only while the event loop turns (its timer touches it), and a write that blocks on
 * the main thread let another run take it over as stale and fork the chain (found by a red
 * team).
 */
async function lockLog(realPath) {
    try {
        return (0,proper_lockfile.lockSync)(realPath, LOCK);
    }
    catch (error) {
        if (error.code !== 'ELOCKED')
            throw error;
        return (0,proper_lockfile.lock)(realPath, { ...LOCK, retries: { retries: 50, minTimeout: 20, maxTimeout: 200 } });
    }
}
/**
 * An append-only, hash-chained JSON Lines file. Appends from concurrent runs on one machine
 * are serialised by a lock on the file's real path (so each links to the one before,
 * whatever path each run was given), and each is one write, undone if it falls short.
 */
class AuditLog {
    path;
    workspace;
    constructor(path, workspace) {
        this.path = path;
        this.workspace = workspace;
    }
    /**
     * Opens the log for appending after checking that it is a plain file reached through real
     * directories (within `workspace`, whose files a pull request controls) and that its last
     * record is sound.
     */
    static async open(path, workspace) {
        // A write past a file size limit raises SIGXFSZ. Node ignores it, until the lock's
        // signal-exit handler re-raises it with node's handler gone and kills the process in the
        // middle of a record; with a listener of our own the write fails with EFBIG, and is undone.
        if (!process.listeners('SIGXFSZ').includes(ignoreSignal))
            process.on('SIGXFSZ', ignoreSignal);
        const log = new AuditLog(path, workspace);
        log.refuseLinks();
        await log.lastHash();
        return log;
    }
    /** Adds a record linked to the last one; returns the record as written. */
    async append(body) {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(this.path), { recursive: true });
        this.refuseLinks();
        // The system's realpath, as the kernel resolves the path: node's own (realpathSync)
        // applies `..` to a link's text before resolving the link, and named another file.
        const realPath = (0,external_node_path_.join)(external_node_fs_.realpathSync.native((0,external_node_path_.dirname)(this.path)), (0,external_node_path_.basename)(this.path));
        const release = await lockLog(realPath);
        try {
            const record = { ...body, prevHash: await this.lastHash() };
            const written = { ...record, hash: hashOf(record) };
            // No fsync: it cost 14 ms a run, and a crash of the runner loses the workspace, and
            // this file with it, anyway.
            await this.write(realPath, Buffer.from(JSON.stringify(written) + '\n', 'utf8'));
            return written;
        }
        finally {
            await release();
        }
    }
    /** Appends `bytes` whole or not at all: a write that falls short is cut back off. */
    async write(realPath, bytes) {
        const handle = await (0,promises_.open)(realPath, APPEND_FLAGS, 0o644);
        let size;
        try {
            size = (await handle.stat()).size;
            for (let done = 0; done < bytes.length;) {
                const { bytesWritten } = await handle.write(bytes, done);
                if (bytesWritten === 0)
                    throw new Error('no byte could be written');
                done += bytesWritten;
            }
        }
        catch (error) {
            const undone = size !== undefined &&
                (await handle.truncate(size).then(() => true, () => false));
            throw new AuditLogError(`audit log ${this.path}: the record could not be written (${(0,errors/* errorMessage */.gJ)(error)})${undone ? '; the part written was removed' : ''}`);
        }
        finally {
            await handle.close();
        }
    }
    /**
     * Refuses a log that is a link or not a plain file, or reached through a link inside the
     * workspace: a link committed to the repository could point anywhere on the runner.
     */
    refuseLinks() {
        for (const path of checkedPaths(this.path, this.workspace)) {
            const stats = lstatOf(path);
            if (!stats)
                return;
            if (stats.isSymbolicLink()) {
                const what = path === this.path ? 'it' : path;
                throw new AuditLogError(`audit log ${this.path}: ${what} is a symbolic link; the audit log is written only through real directories to a real file (a link in the repository could point anywhere)`);
            }
            if (path === this.path && !stats.isFile()) {
                throw new AuditLogError(`audit log ${this.path}: it exists and is not a plain file`);
            }
        }
    }
    /**
     * The last record's hash (64 zeros for a new or empty log); refuses a corrupt last line.
     * Only that record is checked here (its links are verify-audit's job): reading the whole
     * log on every run would grow with it.
     */
    async lastHash() {
        const size = await (0,promises_.stat)(this.path).then(s => s.size, () => 0);
        if (size === 0)
            return GENESIS_HASH;
        const line = await readLastLine(this.path, size);
        const checked = line === undefined ? 'the file does not end with a newline (cut off?)' : checkRecord(line);
        if (typeof checked === 'string') {
            const number = await countLines(this.path);
            throw new AuditLogError(`audit log ${this.path}: the last record (line ${number}) is corrupt: ${checked}. Not extending it; run verify-audit on it and repair or move it.`, { file: this.path, line: number });
        }
        return checked.hash;
    }
}
/**
 * The paths whose links are refused: inside the workspace (where a pull request decides what
 * is a link) every directory down to the file, in order; elsewhere (a path the workflow
 * chose) the file itself.
 */
function checkedPaths(path, workspace) {
    const inside = workspace === undefined ? '' : (0,external_node_path_.relative)(workspace, path);
    if (!workspace || inside === '' || inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside))
        return [path];
    const parts = inside.split(external_node_path_.sep);
    return parts.map((_, i) => (0,external_node_path_.join)(workspace, ...parts.slice(0, i + 1)));
}
/**
 * The last line, read backwards from the end (the log may be large, its records are small);
 * undefined when the file does not end with a newline.
 */
async function readLastLine(path, size) {
    const handle = await (0,promises_.open)(path, READ_FLAGS);
    try {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 10)
            return undefined;
        let chunk = 64 * 1024;
        for (;;) {
            const start = Math.max(0, size - 1 - chunk);
            const buffer = Buffer.alloc(size - 1 - start);
            await handle.read(buffer, 0, buffer.length, start);
            const newline = buffer.lastIndexOf(10);
            if (newline >= 0 || start === 0)
                return buffer.subarray(newline + 1).toString('utf8');
            chunk *= 4;
        }
    }
    finally {
        await handle.close();
    }
}
/** A path's own stats, or undefined when it has none to give (missing, or under a file). */
function lstatOf(path) {
    try {
        return (0,external_node_fs_.lstatSync)(path);
    }
    catch {
        return undefined;
    }
}
/** Lines in the file, a last one without a newline included (for pointing at it). */
async function countLines(path) {
    let lines = 0;
    let last = 10;
    for await (const chunk of (0,external_node_fs_.createReadStream)(path)) {
        const buffer = chunk;
        for (let i = buffer.indexOf(10); i >= 0; i = buffer.indexOf(10, i + 1))
            lines++;
        last = buffer[buffer.length - 1] ?? last;
    }
    return last === 10 ? lines : lines + 1;
}

;// CONCATENATED MODULE: ./src/evidence/pr-comment.ts


/** A comment holds 65,536 characters; the report gets what the marker leaves. */
const MAX_COMMENT_CHARS = 65_000;
/**
 * The hidden line by which the one report comment of this data action is found again. The
 * key may come from a file: only characters that cannot end the HTML comment are kept.
 */
function commentMarker(key) {
    return `<!-- cxone-publish-action report: ${key.replace(/[^A-Za-z0-9._/-]/g, '_').slice(0, 200)} -->`;
}
/**
 * Creates, or updates in place, the one report comment on the pull request that triggered
 * the run. @actions/github (Octokit) is loaded only here: validate runs that post no comment
 * never pay for it. A token that may not write (fork pull requests) is an ActionError the
 * caller turns into a warning.
 */
async function upsertPullRequestComment(options) {
    const { env } = options;
    if (env.GITHUB_EVENT_NAME !== 'pull_request' && env.GITHUB_EVENT_NAME !== 'pull_request_target') {
        return 'not a pull request';
    }
    const event = env.GITHUB_EVENT_PATH
        ? JSON.parse(await (0,promises_.readFile)(env.GITHUB_EVENT_PATH, 'utf8'))
        : {};
    const number = event.pull_request?.number;
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!number || !owner || !repo)
        return 'not a pull request';
    if (!options.token)
        throw new errors/* ActionError */.lZ('no github-token was given');
    const marker = commentMarker(options.key);
    const body = `${marker}\n${options.body}`;
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(157)]).then(__webpack_require__.bind(__webpack_require__, 157));
    const octokit = getOctokit(options.token);
    try {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            owner,
            repo,
            issue_number: number,
            per_page: 100
        });
        const mine = comments.find(c => c.body?.includes(marker));
        if (mine) {
            await octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
            return 'updated';
        }
        await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
        return 'created';
    }
    catch (error) {
        const status = error.status;
        if (status === 403 || status === 404) {
            throw new errors/* ActionError */.lZ(`the token may not comment on pull request #${number} (${status}; a pull request from a fork gets a read-only token): the report is in the job summary only`);
        }
        throw new errors/* ActionError */.lZ(`commenting on pull request #${number} failed: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/evidence/run-record.ts

/** Who and what ran, from the runner's environment. */
function runIdentity(env) {
    const value = (name) => env[name] || null;
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const runUrl = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : null;
    return {
        repository: value('GITHUB_REPOSITORY'),
        sha: value('GITHUB_SHA'),
        ref: value('GITHUB_REF'),
        actor: value('GITHUB_ACTOR'),
        workflow: value('GITHUB_WORKFLOW'),
        runId: value('GITHUB_RUN_ID'),
        runAttempt: value('GITHUB_RUN_ATTEMPT'),
        runUrl
    };
}
/** The run record of a report: what the webhook sends and the audit log keeps. */
function buildRunRecord(report, env) {
    const { publish, plan, release, validation, payload } = report;
    const steps = publish?.phases ?? plan?.phases ?? release?.phases ?? [];
    const rollbackOf = (rollback) => rollback
        ? {
            action: rollback.action,
            versionId: rollback.versionId,
            verified: rollback.verified,
            detail: rollback.detail
        }
        : null;
    const single = {
        dataActionId: payload.dataActionId,
        versionId: payload.versionId,
        previousVersionId: publish?.previous?.versionId ?? plan?.live?.versionId ?? null,
        checksum: validation.actionFile?.sha256 ?? null,
        result: report.result,
        rollback: rollbackOf(publish?.rollback),
        finalLiveVersionId: publish?.finalLive ?? null
    };
    const members = release
        ? release.members.map(m => ({
            dataActionId: m.dataActionId,
            versionId: m.versionId,
            previousVersionId: m.previous?.versionId ?? null,
            checksum: m.checksum,
            result: m.result === 'not published' ? 'failed' : m.result,
            rollback: rollbackOf(m.rollback),
            finalLiveVersionId: m.finalLive ?? null
        }))
        : report.members
            ? report.members.map(m => ({
                dataActionId: m.dataActionId,
                versionId: m.versionId,
                previousVersionId: null,
                checksum: null,
                result: report.result,
                rollback: null,
                finalLiveVersionId: null
            }))
            : [single];
    return {
        schema: constants/* RUN_RECORD_SCHEMA */.iY,
        event: report.result,
        result: report.result,
        mode: report.mode,
        dataActionIds: members.map(m => m.dataActionId),
        versionId: report.members
            ? [...new Set(members.map(m => m.versionId))].join(',')
            : payload.versionId,
        previousVersionId: report.members ? null : single.previousVersionId,
        environment: payload.targetEnvironment,
        checksum: release?.checksum ?? single.checksum,
        latencyMs: publish?.latencyMs ?? release?.latencyMs ?? null,
        phases: [
            { name: 'Validate', durationMs: report.validateMs, ok: validation.problems.length === 0 },
            ...steps.map(({ name, durationMs, ok }) => ({ name, durationMs, ok }))
        ],
        requests: report.requests,
        retries: report.retries,
        rateLimited: report.rateLimited,
        cause: publish?.cause ?? release?.cause ?? report.problems[0]?.message ?? null,
        rollback: report.members ? null : single.rollback,
        members,
        run: runIdentity(env),
        startedAt: report.startedAt,
        finishedAt: report.finishedAt
    };
}
/** The intent record of a publish about to promote `promotions`. */
function buildIntentRecord(promotions, env) {
    return {
        schema: constants/* INTENT_SCHEMA */.Nn,
        event: 'intent',
        environment: promotions[0]?.payload.targetEnvironment ?? '',
        members: promotions.map(({ payload, checksum }) => ({
            dataActionId: payload.dataActionId,
            versionId: payload.versionId,
            checksum
        })),
        run: runIdentity(env),
        at: new Date().toISOString()
    };
}
/**
 * The inputs a run used, for the audit record. Secrets are left out, and so is the webhook
 * URL's path and query (such URLs often carry a token): only its origin is kept.
 */
function auditInputs(config) {
    return {
        mode: config.mode,
        actionFile: config.actionFile,
        releaseManifest: config.releaseManifest ?? null,
        concurrency: config.concurrency,
        dataActionId: config.payload.dataActionId,
        versionId: config.payload.versionId,
        targetEnvironment: config.payload.targetEnvironment,
        dependencyManifest: config.dependencyManifest ?? null,
        dependencyPolicy: config.dependencyPolicy ?? null,
        sandboxTimeoutMs: config.sandboxTimeoutMs,
        apiBaseUrl: config.cxone?.apiBaseUrl ?? null,
        tokenUrl: config.cxone?.tokenUrl ?? null,
        maxRetries: config.cxone?.maxRetries ?? null,
        requestTimeoutMs: config.cxone?.requestTimeoutMs ?? null,
        publishTimeoutMs: config.cxone?.publishTimeoutMs ?? null,
        webhookOrigin: config.webhook ? new URL(config.webhook.url).origin : null,
        webhookSigned: Boolean(config.webhook?.secret),
        prComment: config.prComment.enabled
    };
}

// EXTERNAL MODULE: ./src/validate/manifest.ts
var manifest = __webpack_require__(913);
;// CONCATENATED MODULE: ./src/untrusted.ts
/*
 * Text the action did not write (from the repository, the sandboxed code, or an answer from
 * the network) is made safe here, once per sink, before it is shown. Nothing else in the
 * action escapes text for a sink.
 *
 * The runner reads the step's output line by line and runs as a workflow command any line
 * that starts with `::` after leading white space, and any line that holds `##[<command>]`
 * anywhere (the legacy form, still parsed for every registered command, `stop-commands`
 * included). Its comparisons are culture-sensitive, which ignores zero-width and other format
 * characters: those are shown as escapes too, so none can hide a command from these rules.
 */
/**
 * Line breaks, control and format characters, and every other character Unicode says may be
 * ignored (variation selectors, the combining grapheme joiner...): text comparisons may skip
 * them.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;
const NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
function visible(text) {
    return text.replace(INVISIBLE, ch => NAMED[ch] ?? `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`);
}
/**
 * One line of the step's log: it cannot break into a second line, start a workflow command,
 * or hold a legacy one.
 */
function logLine(text) {
    const line = visible(text).replace(/##\[/g, '#\\#[');
    return /^\s*::/.test(line) ? `\\${line}` : line;
}
/** What HTML, Markdown or GitHub's reference linking would read in text, as entities. */
const MARKUP = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    '`': '&#96;',
    '*': '&#42;',
    _: '&#95;',
    '[': '&#91;',
    ']': '&#93;',
    '|': '&#124;',
    '~': '&#126;',
    '!': '&#33;',
    '\\': '&#92;',
    // A zero-width space after them: GitHub links `@name` and `#123` in the rendered text.
    '@': '&#64;&#8203;',
    '#': '&#35;&#8203;'
};
/**
 * Text inside the HTML of the job summary or the pull request comment: nothing in it is read
 * as HTML, Markdown, a mention or a reference, and a line break is `<br>` (a blank line would
 * end the HTML block and start Markdown).
 */
function markup(text) {
    return text
        .split(/\r\n|\r|\n/)
        .map(line => visible(line).replace(/[&<>"'`*_[\]|~!\\@#]/g, ch => MARKUP[ch] ?? ch))
        .join('<br>');
}

;// CONCATENATED MODULE: ./src/evidence/summary.ts


const ICON = { pass: '✅', fail: '❌', skipped: '➖' };
const VERDICT_ICON = {
    allowed: '✅',
    unrestricted: '✅',
    blocked: '❌',
    'outside range': '❌',
    undeclared: '❌',
    invalid: '❌'
};
/**
 * The run's report as HTML, for the job summary and the pull request comment: the outcome
 * first, then phases, checks, dependencies, what changes against the live version, and on
 * failure the rollback and the verified final state. Everything from files is escaped.
 */
function renderReport(report, evidence = {}, maxChars = MAX_SUMMARY_CHARS) {
    const { validation, publish, plan, release } = report;
    const live = publish ? publish.previous : plan?.live;
    const parts = [...heading(report), ...phaseTable(report)];
    if (release)
        parts.push(releaseTable(release));
    if (publish)
        parts.push(...publishEnd(publish));
    if (plan)
        parts.push(planLine(plan));
    if (validation.actionFile && (publish || plan)) {
        parts.push(...changes(live, validation.actionFile.sha256, validation.dependencyMatrix));
    }
    parts.push(checkTable(validation));
    if (validation.dependencies.length > 0)
        parts.push(dependencyTable(validation));
    parts.push(...facts(report, live, evidence));
    return fitted(parts, maxChars);
}
/** The outcome first: what the run is about, its result, and its headline. */
function heading(report) {
    return [
        `<h2>${markup(subject(report))}: ${markup(report.result)}</h2>`,
        `<p><strong>${markup(report.headline)}</strong></p>`
    ];
}
/** Validation, then the phases of the publish, plan or release, each with its duration. */
function phaseTable(report) {
    const { validation, publish, plan, release } = report;
    const steps = [
        {
            name: 'Validate',
            ok: validation.problems.length === 0,
            durationMs: report.validateMs,
            detail: `${validation.checks.filter(c => c.status === 'pass').length} checks passed, ${validation.problems.length} problem(s)`
        },
        ...(publish?.phases ?? plan?.phases ?? release?.phases ?? [])
    ];
    return [
        '<h3>Phases</h3>',
        table(['Phase', 'Result', 'Duration', 'Detail'], steps.map(p => [p.name, p.ok ? '✅ ok' : '❌ failed', `${p.durationMs} ms`, p.detail]))
    ];
}
/** A release's members: what each was, what became of it, and what is live at the end. */
function releaseTable(release) {
    return section('Release', ['Data action', 'Version', 'Was live', 'Result', 'Live at the end', 'Detail'], release.members.map(m => [
        m.dataActionId,
        m.versionId,
        m.previous?.versionId ?? 'nothing',
        m.result,
        m.finalLive === undefined ? '?' : (m.finalLive ?? 'nothing'),
        [m.cause, m.rollback?.detail, m.manualFix ? `fix by hand: ${m.manualFix}` : undefined]
            .filter(Boolean)
            .join('; ')
    ]));
}
/** How a publish ended, when there is more to say: its rollback, the final state, a fix by hand. */
function publishEnd(publish) {
    const parts = [];
    if (publish.rollback) {
        parts.push(`<p><strong>Rollback</strong> (${publish.rollback.action} ${markup(publish.rollback.versionId)}): ${publish.rollback.verified ? '✅' : '❌'} ${markup(publish.rollback.detail)}</p>`);
    }
    if (publish.finalLive !== undefined) {
        parts.push(`<p>Final state, read back from CXone: <code>${markup(publish.finalLive ?? 'nothing')}</code> is live.</p>`);
    }
    if (publish.manualFix) {
        parts.push(`<p>To fix by hand:</p><pre>${markup(publish.manualFix)}</pre>`);
    }
    return parts;
}
/** A plan's change and drift. */
function planLine(plan) {
    return `<p>Planned change: <strong>${markup(plan.change)}</strong>. Drift: ${plan.drift.state === 'drift' ? '⚠️ ' : ''}${markup(plan.drift.detail)}.</p>`;
}
function checkTable(validation) {
    return section('Checks', ['Check', 'Result', 'Detail'], validation.checks.map(c => [c.name, `${ICON[c.status]} ${c.status}`, c.detail]));
}
function dependencyTable(validation) {
    return section('Dependencies', ['Package', 'Version', 'Verdict', 'Why'], validation.dependencies.map(d => [
        d.name,
        d.version ?? '(not declared)',
        `${VERDICT_ICON[d.verdict]} ${d.verdict}`,
        d.reason
    ]));
}
/** The checksums and the evidence left, each written whole once, in one paragraph (or none). */
function facts(report, live, evidence) {
    const { validation, publish, plan, release } = report;
    const facts = [];
    if (release)
        facts.push(`Release checksum: <code>${release.checksum}</code>`);
    if (validation.actionFile) {
        facts.push(`Checksum (sha256 of <code>${markup(validation.actionFile.path)}</code>): <code>${validation.actionFile.sha256}</code>`);
    }
    if (live && (publish || plan) && live.checksum !== validation.actionFile?.sha256) {
        facts.push(`Checksum of the version live before (${markup(live.versionId)}): <code>${markup(live.checksum)}</code>`);
    }
    if (evidence.auditHash) {
        facts.push(`Audit record: <code>${evidence.auditHash}</code> in <code>${markup(evidence.auditPath ?? '')}</code>`);
    }
    if (evidence.webhook)
        facts.push(`Webhook: ${markup(evidence.webhook)}`);
    return facts.length > 0 ? [`<p>${facts.join('<br>')}</p>`] : [];
}
/**
 * The report of a run that stopped before it had one (bad inputs, an audit log that cannot
 * be written): what is wrong, each where it is, and where the inputs are documented.
 */
function renderStartFailure(problems) {
    return fitted([
        '<h2>CXone data action: failed</h2>',
        `<p><strong>The run stopped: ${problems.length} problem(s) to fix.</strong></p>`,
        table(['Problem', 'Where'], problems.map(p => [
            p.message,
            p.location ? `${p.location.file}${p.location.line ? `:${p.location.line}` : ''}` : ''
        ])),
        '<p>Each input, its default and what it accepts are in the action’s README, under Inputs.</p>'
    ], MAX_SUMMARY_CHARS);
}
/** GitHub refuses a step summary over 1 MiB; a comment holds 65,536 characters. */
const MAX_SUMMARY_CHARS = 1_000_000;
const SHORTENED = '<p><em>Shortened: the rest of this report is in the job summary and the log.</em></p>';
/**
 * The parts, each a whole element, as many as fit in `maxChars`: a report is shortened at an
 * element's end, never inside a tag.
 */
function fitted(parts, maxChars) {
    const whole = parts.filter(Boolean).join('\n') + '\n';
    if (whole.length <= maxChars)
        return whole;
    const kept = [];
    let length = SHORTENED.length + 1;
    for (const part of parts.filter(Boolean)) {
        if (length + part.length + 1 > maxChars)
            break;
        kept.push(part);
        length += part.length + 1;
    }
    return [...kept, SHORTENED].join('\n') + '\n';
}
function changes(live, checksum, matrix) {
    if (!live)
        return ['<h3>Changes</h3>', '<p>Nothing was live before: everything is new.</p>'];
    const deps = (0,manifest/* dependencyChanges */.tc)(live.dependencyMatrix, matrix);
    const rows = [
        ['version', live.versionId, '(this run)'],
        ['checksum', summary_short(live.checksum), summary_short(checksum)],
        ...deps.map(d => [d.name, d.live ?? '(none)', d.next ?? '(removed)'])
    ];
    return [
        section('Changes against the live version', ['What', 'Live', 'This run'], rows),
        deps.length === 0 ? '<p>Dependencies: no change.</p>' : ''
    ];
}
/**
 * What the run is about, for the heading: the data action, version and environment, or the
 * release. A validate run may have no ids (it needs none): its action file names it then.
 */
function subject(report) {
    const { dataActionId, versionId, targetEnvironment } = report.payload;
    const version = versionId ? ` ${versionId}` : '';
    if (report.releaseManifest) {
        const count = report.members ? ` (${report.members.length} data actions)` : '';
        return `CXone release ${report.releaseManifest}${version}${count} → ${targetEnvironment}`;
    }
    const name = dataActionId || report.validation.actionFile?.path;
    return `CXone data action${name ? ` ${name}` : ''}${version} → ${targetEnvironment}`;
}
/** A checksum in a table cell: enough to tell two apart; the full value is in the facts. */
function summary_short(checksum) {
    return checksum.length > 12 ? `${checksum.slice(0, 12)}…` : checksum;
}
/** Tables longer than this are folded, so the outcome stays on the first screen. */
const FOLD_ROWS = 10;
/** A titled table, folded in a `<details>` when long. */
function section(title, header, rows) {
    const body = table(header, rows);
    return rows.length > FOLD_ROWS
        ? `<details><summary><strong>${markup(title)}</strong> (${rows.length} rows)</summary>\n\n${body}\n</details>`
        : `<h3>${markup(title)}</h3>\n${body}`;
}
/** Longest text of one table cell; the rest is cut (the log has it whole). */
const MAX_CELL_CHARS = 1000;
function table(header, rows) {
    const cells = (tag, row) => `<tr>${row.map(cell => `<${tag}>${markup(clip(cell, MAX_CELL_CHARS))}</${tag}>`).join('')}</tr>`;
    return `<table>${cells('th', header)}${rows.map(row => cells('td', row)).join('')}</table>`;
}
function clip(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

;// CONCATENATED MODULE: ./src/evidence/evidence.ts
/**
 * src/evidence: what a run leaves behind.
 *
 * - the audit log (audit.ts): a hash-chained JSON Lines file, opened and checked before
 *   anything changes; a publish's intent record goes in before its first request to CXone,
 *   the result record after the run (run-record.ts builds both; run-record-schema.ts holds
 *   their shapes, for receivers and tests, and is never loaded by the action);
 * - the webhook (webhook.ts, webhook-signature.ts): the run record, signed per Standard
 *   Webhooks, posted when `webhook-url` is set;
 * - the job summary and the pull request comment (summary.ts, pr-comment.ts): the run's
 *   report as HTML.
 *
 * EvidenceTrail (this file) leaves them in that order; main.ts writes the job summary.
 *
 * What it must not touch: it makes no call to CXone, and it never changes a run's result.
 * Evidence that cannot be left after the run is a warning; the only things here that stop a
 * run are a corrupt or linked audit log (before anything changes) and an intent record that
 * cannot be written (then nothing is sent).
 */





/**
 * The run's evidence, first to last. Before anything changes, the audit log is opened (a
 * corrupt or linked log stops the run there) and, before a publish's first request, its
 * intent is appended: if that cannot be written, nothing is sent. At the end the result record
 * follows it, then, side by side and each only warning when it fails, the signed webhook and
 * the PR comment.
 */
class EvidenceTrail {
    auditLog;
    config;
    env;
    secrets;
    intentHash;
    constructor(auditLog, config, env, secrets) {
        this.auditLog = auditLog;
        this.config = config;
        this.env = env;
        this.secrets = secrets;
    }
    /** `secrets` are kept out of every record, the webhook and the comment. */
    static async open(config, env, secrets) {
        return new EvidenceTrail(await AuditLog.open(config.auditLog, config.workspace), config, env, secrets);
    }
    get auditPath() {
        return this.auditLog.path;
    }
    /** Appends the intent record; throws (and nothing may be published) when it cannot. */
    writeAhead = async (promotions) => {
        try {
            const record = this.secrets.redactAll({
                ...buildIntentRecord(promotions, this.env),
                inputs: auditInputs(this.config)
            });
            this.intentHash = (await this.auditLog.append(record)).hash;
        }
        catch (error) {
            throw new AuditLogError(`Nothing was published: the audit log cannot be written, and a publish leaves its intent there before it changes anything. ${(0,errors/* errorMessage */.gJ)(error)}`, { file: this.auditLog.path });
        }
    };
    /** The result record (after the intent, if any), the webhook and the PR comment. */
    async leave(report) {
        const { config, env, auditLog } = this;
        const record = this.secrets.redactAll(buildRunRecord(report, env));
        const evidence = { auditPath: auditLog.path, warnings: [] };
        try {
            const written = await auditLog.append({
                ...record,
                inputs: this.secrets.redactAll(auditInputs(config)),
                ...(this.intentHash ? { intentHash: this.intentHash } : {})
            });
            evidence.auditHash = written.hash;
        }
        catch (error) {
            evidence.warnings.push(`The audit record of the result could not be written: ${(0,errors/* errorMessage */.gJ)(error)}${this.intentHash ? ` (the intent record ${this.intentHash} stands for this run, with no result after it)` : ''}`);
        }
        const webhook = config.webhook;
        const [sent, comment] = await Promise.allSettled([
            webhook
                ? // Loaded only when a webhook is set: a run without one needs no HTTP stack.
                    Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(942), __webpack_require__.e(4)]).then(__webpack_require__.bind(__webpack_require__, 8004)).then(({ postWebhook }) => postWebhook({ ...record, auditHash: evidence.auditHash ?? null }, { url: webhook.url, ...(webhook.secret ? { secret: webhook.secret } : {}) }))
                : Promise.resolve(undefined),
            config.prComment.enabled
                ? upsertPullRequestComment({
                    token: config.prComment.token,
                    key: config.payload.dataActionId || config.actionFile,
                    body: this.secrets.redact(renderReport(report, evidence, MAX_COMMENT_CHARS - 300)),
                    env
                })
                : Promise.resolve(undefined)
        ]);
        if (webhook) {
            evidence.webhook =
                sent.status === 'fulfilled'
                    ? `delivered (${sent.value})`
                    : `not delivered: ${(0,errors/* errorMessage */.gJ)(sent.reason)}`;
            if (sent.status === 'rejected') {
                evidence.warnings.push(`The webhook was not delivered: ${(0,errors/* errorMessage */.gJ)(sent.reason)}`);
            }
        }
        if (comment.status === 'rejected') {
            evidence.warnings.push(`The pull request comment was not posted: ${(0,errors/* errorMessage */.gJ)(comment.reason)}`);
        }
        return evidence;
    }
}

// EXTERNAL MODULE: ./src/zod.ts
var zod = __webpack_require__(6778);
;// CONCATENATED MODULE: ./src/cxone/hosts.ts
/*
 * CXone's hosts, part of the CXone client (see client.ts): apart so that reading the inputs
 * loads no HTTP stack (validate mode never calls CXone).
 */
/** The API base of a region, as NICE publishes it. */
function defaultApiBase(region) {
    return `https://platform.${region}.nicecxone.com`;
}
/** The token endpoint of an API base. */
function defaultTokenUrl(apiBase) {
    return `${apiBase.replace(/\/+$/, '')}/oauth/token`;
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/http/secure-url.ts

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

// EXTERNAL MODULE: ./src/evidence/webhook-signature.ts
var webhook_signature = __webpack_require__(3091);
;// CONCATENATED MODULE: ./src/inputs.ts







const trimmed = () => zod/* string */.YjP().check(zod/* trim */.Bqr());
const integer = (min, max) => zod/* pipe */.FsL(zod/* pipe */.FsL(trimmed().check(zod/* regex */.yGV(/^[0-9]+$/, { error: 'expected a whole number' })), zod/* transform */.pdi(Number)), zod/* number */.aig()
    .check(zod/* gte */.ROM(min, { error: `expected at least ${min}` }), zod/* lte */.wJL(max, { error: `expected at most ${max}` })));
const optionalPath = zod/* pipe */.FsL(trimmed(), zod/* transform */.pdi(value => (value === '' ? undefined : value)));
const secureUrl = zod/* pipe */.FsL(trimmed(), zod/* transform */.pdi((value, ctx) => {
    if (value === '')
        return undefined;
    const checked = checkSecureUrl(value);
    if ('problem' in checked) {
        ctx.issues.push({ code: 'custom', message: checked.problem, input: value });
        return zod/* NEVER */.tmp;
    }
    return checked.url.toString().replace(/\/+$/, '');
}));
const inputs_boolean = zod/* enum */.k5n(['true', 'false'], { error: 'expected true or false' });
const InputsSchema = zod/* object */.Ikc({
    [constants/* Input */.pd.Mode]: zod/* enum */.k5n(constants/* MODES */.FN, {
        error: issue => `expected one of ${constants/* MODES */.FN.join(', ')}, got '${String(issue.input)}'`
    }),
    [constants/* Input */.pd.ActionFile]: trimmed(),
    [constants/* Input */.pd.ReleaseManifest]: optionalPath,
    [constants/* Input */.pd.Concurrency]: integer(1, 64),
    [constants/* Input */.pd.DependencyManifest]: optionalPath,
    [constants/* Input */.pd.DependencyPolicy]: optionalPath,
    [constants/* Input */.pd.SandboxTimeoutMs]: integer(50, 600_000),
    [constants/* Input */.pd.ValidationTimeoutMs]: integer(1_000, 3_600_000),
    [constants/* Input */.pd.MaxActionFileBytes]: integer(1, 64 * 1024 * 1024),
    [constants/* Input */.pd.ClientId]: trimmed(),
    [constants/* Input */.pd.ClientSecret]: trimmed(),
    [constants/* Input */.pd.Region]: trimmed().check(zod/* regex */.yGV(/^[a-z0-9-]{1,32}$/, { error: 'expected a region name such as us, eu or au' })),
    [constants/* Input */.pd.ApiBaseUrl]: secureUrl,
    [constants/* Input */.pd.TokenUrl]: secureUrl,
    [constants/* Input */.pd.MaxRetries]: integer(1, 20),
    [constants/* Input */.pd.RequestTimeoutMs]: integer(100, 600_000),
    [constants/* Input */.pd.PublishTimeoutMs]: integer(1_000, 3_600_000),
    [constants/* Input */.pd.WebhookUrl]: secureUrl,
    [constants/* Input */.pd.WebhookSecret]: zod/* pipe */.FsL(zod/* string */.YjP(), zod/* transform */.pdi((value, ctx) => {
        if (value === '')
            return undefined;
        try {
            (0,webhook_signature/* webhookKey */.z)(value);
        }
        catch {
            ctx.issues.push({
                code: 'custom',
                message: 'a whsec_ secret must be base64 after the prefix',
                input: value
            });
        }
        return value;
    })),
    [constants/* Input */.pd.AuditLog]: trimmed().check(zod/* minLength */.BpQ(1, { error: 'expected a path' })),
    [constants/* Input */.pd.GithubToken]: trimmed(),
    [constants/* Input */.pd.PrComment]: inputs_boolean
});
const DEFAULTS = {
    [constants/* Input */.pd.Mode]: 'publish',
    [constants/* Input */.pd.TargetEnvironment]: 'sandbox',
    [constants/* Input */.pd.SandboxTimeoutMs]: '3000',
    [constants/* Input */.pd.ValidationTimeoutMs]: '30000',
    [constants/* Input */.pd.MaxActionFileBytes]: String(5 * 1024 * 1024),
    [constants/* Input */.pd.Region]: 'us',
    [constants/* Input */.pd.MaxRetries]: '5',
    [constants/* Input */.pd.RequestTimeoutMs]: '30000',
    [constants/* Input */.pd.PublishTimeoutMs]: '120000',
    [constants/* Input */.pd.AuditLog]: 'cxone-audit.jsonl',
    [constants/* Input */.pd.PrComment]: 'true',
    [constants/* Input */.pd.Concurrency]: '4'
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
        : parsed.error.issues.map(issue => new errors/* InputError */.dz(String(issue.path[0]), issue.message));
    const inputs = parsed.data;
    const needsCxone = inputs !== undefined && inputs[constants/* Input */.pd.Mode] !== 'validate';
    if (needsCxone) {
        for (const name of [constants/* Input */.pd.ClientId, constants/* Input */.pd.ClientSecret]) {
            if (!inputs[name]) {
                problems.push(new errors/* InputError */.dz(name, `is required in ${inputs[constants/* Input */.pd.Mode]} mode`));
            }
        }
    }
    problems.push(...releaseProblems(raw));
    if (needsCxone && !raw(constants/* Input */.pd.ReleaseManifest) && !raw(constants/* Input */.pd.DataActionId)) {
        problems.push(new errors/* InputError */.dz(constants/* Input */.pd.DataActionId, `is required in ${inputs[constants/* Input */.pd.Mode]} mode`));
    }
    if (needsCxone &&
        !raw(constants/* Input */.pd.ReleaseManifest) &&
        !raw(constants/* Input */.pd.VersionId) &&
        !tagOf(env.GITHUB_REF)) {
        problems.push(new errors/* InputError */.dz(constants/* Input */.pd.VersionId, `is required in ${inputs[constants/* Input */.pd.Mode]} mode: it defaults to the tag, and this run is for ${env.GITHUB_REF ? `'${env.GITHUB_REF}'` : 'no ref'}, not refs/tags/<tag>`));
    }
    if (!inputs || problems.length > 0) {
        throw new errors/* ProblemsError */.FQ(problems.map(error => ({ message: error.message })));
    }
    if (inputs[constants/* Input */.pd.WebhookSecret] && !inputs[constants/* Input */.pd.WebhookUrl]) {
        throw new errors/* ProblemsError */.FQ([
            {
                message: new errors/* InputError */.dz(constants/* Input */.pd.WebhookUrl, 'is required when webhook-secret is given')
                    .message
            }
        ]);
    }
    return configOf(inputs, raw, env, needsCxone);
}
/** What is validated is named once: by a release manifest, or by one action file. */
function releaseProblems(raw) {
    const problems = [];
    if (raw(constants/* Input */.pd.ReleaseManifest)) {
        // A release names its data actions itself; the single-action inputs would be ambiguous.
        for (const name of [constants/* Input */.pd.ActionFile, constants/* Input */.pd.DataActionId, constants/* Input */.pd.DependencyManifest]) {
            if (raw(name))
                problems.push(new errors/* InputError */.dz(name, 'cannot be combined with release-manifest'));
        }
        if (raw(constants/* Input */.pd.Mode) === 'plan') {
            problems.push(new errors/* InputError */.dz(constants/* Input */.pd.ReleaseManifest, 'plan mode takes one data action; use validate or publish'));
        }
    }
    else if (!raw(constants/* Input */.pd.ActionFile)) {
        problems.push(new errors/* InputError */.dz(constants/* Input */.pd.ActionFile, 'is required (or give release-manifest)'));
    }
    return problems;
}
/** The run's configuration from inputs that passed every check. */
function configOf(inputs, raw, env, needsCxone) {
    const apiBaseUrl = inputs[constants/* Input */.pd.ApiBaseUrl] ?? defaultApiBase(inputs[constants/* Input */.pd.Region]);
    const workspace = (0,external_node_path_.resolve)(env.GITHUB_WORKSPACE || process.cwd());
    const webhookUrl = inputs[constants/* Input */.pd.WebhookUrl];
    const webhookSecret = inputs[constants/* Input */.pd.WebhookSecret];
    return {
        mode: inputs[constants/* Input */.pd.Mode],
        workspace,
        auditLog: (0,external_node_path_.resolve)(workspace, inputs[constants/* Input */.pd.AuditLog]),
        ...(webhookUrl && {
            webhook: { url: webhookUrl, ...(webhookSecret && { secret: webhookSecret }) }
        }),
        prComment: { enabled: inputs[constants/* Input */.pd.PrComment] === 'true', token: inputs[constants/* Input */.pd.GithubToken] },
        actionFile: inputs[constants/* Input */.pd.ActionFile],
        ...(inputs[constants/* Input */.pd.ReleaseManifest] && { releaseManifest: inputs[constants/* Input */.pd.ReleaseManifest] }),
        concurrency: inputs[constants/* Input */.pd.Concurrency],
        payload: {
            dataActionId: raw(constants/* Input */.pd.DataActionId),
            versionId: raw(constants/* Input */.pd.VersionId) || tagOf(env.GITHUB_REF),
            targetEnvironment: raw(constants/* Input */.pd.TargetEnvironment)
        },
        ...(inputs[constants/* Input */.pd.DependencyManifest] && {
            dependencyManifest: inputs[constants/* Input */.pd.DependencyManifest]
        }),
        ...(inputs[constants/* Input */.pd.DependencyPolicy] && { dependencyPolicy: inputs[constants/* Input */.pd.DependencyPolicy] }),
        sandboxTimeoutMs: inputs[constants/* Input */.pd.SandboxTimeoutMs],
        validationTimeoutMs: inputs[constants/* Input */.pd.ValidationTimeoutMs],
        maxActionFileBytes: inputs[constants/* Input */.pd.MaxActionFileBytes],
        ...(needsCxone && {
            cxone: {
                apiBaseUrl,
                tokenUrl: inputs[constants/* Input */.pd.TokenUrl] ?? defaultTokenUrl(apiBaseUrl),
                clientId: inputs[constants/* Input */.pd.ClientId],
                clientSecret: inputs[constants/* Input */.pd.ClientSecret],
                maxRetries: inputs[constants/* Input */.pd.MaxRetries],
                requestTimeoutMs: inputs[constants/* Input */.pd.RequestTimeoutMs],
                publishTimeoutMs: inputs[constants/* Input */.pd.PublishTimeoutMs]
            }
        })
    };
}
/** `refs/tags/v2.1.0` → `v2.1.0`; any other ref → ''. */
function tagOf(ref) {
    return ref?.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : '';
}

// EXTERNAL MODULE: ./src/cxone/drain-guard.ts
var drain_guard = __webpack_require__(371);
// EXTERNAL MODULE: ./src/run-common.ts
var run_common = __webpack_require__(1690);
// EXTERNAL MODULE: ./src/validate/validate.ts
var validate = __webpack_require__(9470);
;// CONCATENATED MODULE: ./src/single-run.ts


/** The run of one data action: validated, then planned or published as the mode says. */
async function runSingle(config, started, sandbox, io, cancel) {
    const validateStarted = performance.now();
    const validation = await io.group('Validate', async () => {
        const report = await (0,validate/* validate */.tf)(config, sandbox, cancel);
        for (const check of report.checks)
            io.log(`${check.status.padEnd(7)} ${check.name}: ${check.detail}`);
        return report;
    });
    const base = {
        ...started,
        validation,
        validateMs: Math.round(performance.now() - validateStarted)
    };
    if (validation.problems.length > 0 || config.mode === 'validate') {
        const failed = validation.problems.length > 0;
        return {
            ...base,
            result: failed ? 'failed' : 'validated',
            headline: failed
                ? `Validation found ${validation.problems.length} problem(s) in ${config.actionFile}.`
                : `${config.actionFile} passed every check.`,
            problems: validation.problems,
            finishedAt: (0,run_common/* now */.tB)()
        };
    }
    return promoteSingle(config, base, io, cancel);
}
/** Plan or publish mode, once the data action passed every check: one CXone client. */
async function promoteSingle(config, base, io, cancel) {
    const { validation } = base;
    const { cxone } = config;
    if (!cxone)
        throw new Error(`${config.mode} mode without CXone settings`);
    const promotion = (0,run_common/* promotionOf */.bi)(validation);
    const { payload } = promotion;
    if (config.mode === 'publish')
        await io.writeAhead?.([promotion]);
    const client = await (0,run_common/* createClient */.UU)(cxone, io);
    const what = `${payload.versionId} of ${payload.dataActionId} to ${payload.targetEnvironment}`;
    try {
        // Loaded for the mode that uses them: a validate run (the PR gate) compiles none of it.
        if (config.mode === 'plan') {
            const { planVersion } = await __webpack_require__.e(/* import() */ 928).then(__webpack_require__.bind(__webpack_require__, 8928));
            const plan = await io.group('Plan', () => planVersion(client, promotion, { workspace: config.workspace, actionFile: validation.actionFile?.path ?? '' }, io.log));
            const conflict = plan.change === 'conflict';
            return {
                ...base,
                ...client.stats,
                plan,
                result: conflict ? 'failed' : 'planned',
                headline: planHeadline(what, plan),
                problems: conflict
                    ? [
                        {
                            message: `Plan: version ${payload.versionId} of ${payload.dataActionId} already exists with other code (checksum ${plan.existing?.checksum}); publishing it would fail. Use a new version id.`
                        }
                    ]
                    : [],
                warnings: plan.drift.state === 'drift' ? [`Drift: ${plan.drift.detail}`] : [],
                finishedAt: (0,run_common/* now */.tB)()
            };
        }
        const { publishVersion } = await Promise.all(/* import() */[__webpack_require__.e(560), __webpack_require__.e(93)]).then(__webpack_require__.bind(__webpack_require__, 9093));
        const outcome = await io.group('Publish', () => publishVersion(client, promotion, (0,run_common/* publishSettings */.nR)(cxone, io, cancel)));
        const failed = outcome.result === 'rolled-back' || outcome.result === 'failed';
        return {
            ...base,
            ...client.stats,
            publish: outcome,
            result: outcome.result,
            headline: publishHeadline(what, outcome),
            problems: failed ? [{ message: publishFailure(what, outcome) }] : [],
            warnings: outcome.result === 'published' && outcome.movedFrom
                ? [(0,run_common/* movedWarning */.MT)(payload.versionId, outcome.movedFrom, payload.targetEnvironment)]
                : [],
            finishedAt: (0,run_common/* now */.tB)()
        };
    }
    finally {
        client.dispose();
    }
}
function planHeadline(what, plan) {
    const drift = plan.drift.state === 'drift'
        ? ' Drift: the live version was not released from this repository.'
        : '';
    switch (plan.change) {
        case 'unchanged':
            return `Plan for ${what}: already live with this code; a publish would change nothing.${drift}`;
        case 'conflict':
            return `Plan for ${what}: the version id exists with other code; a publish would fail.${drift}`;
        case 'publish uploaded version':
            return `Plan for ${what}: the version was uploaded before; a publish would make it live, replacing ${plan.live?.versionId ?? 'nothing'}.${drift}`;
        default:
            return `Plan for ${what}: a new version would be uploaded and made live, replacing ${plan.live?.versionId ?? 'nothing'}.${drift}`;
    }
}
function publishHeadline(what, outcome) {
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
function publishFailure(what, outcome) {
    const cause = `Publishing ${what} failed: ${outcome.cause ?? 'unknown cause'}.`;
    if (!outcome.rollback)
        return cause;
    if (outcome.rollback.verified)
        return `${cause} Rolled back: ${outcome.rollback.detail}.`;
    if (outcome.supersededBy)
        return `${cause} NOT ROLLED BACK: ${outcome.rollback.detail}.`;
    return `${cause} ROLLBACK INCOMPLETE: ${outcome.rollback.detail}. To fix by hand: ${outcome.manualFix ?? ''}`;
}

;// CONCATENATED MODULE: ./src/promotion.ts
/* Runs a mode (validate, plan, publish; one data action or a release) and reports what it did. */



/**
 * Validates, then plans or publishes as the mode says. Run failures are in the report; a run
 * that stalls (see drain-guard.ts) ends with a failed report too, never silently.
 */
function runPromotion(config, sandbox, io, cancel) {
    // One start for the run's report and for the report of a run that stalls.
    const started = (0,run_common/* reportStart */.NU)(config);
    const manifest = config.releaseManifest;
    return (0,drain_guard/* settleOnDrain */.n)(
    // A release's run (its pool, rate controller, publish of many) loads only for a release.
    manifest
        ? Promise.all(/* import() */[__webpack_require__.e(560), __webpack_require__.e(704)]).then(__webpack_require__.bind(__webpack_require__, 1704)).then(({ runRelease }) => runRelease(config, manifest, started, sandbox, io, cancel))
        : runSingle(config, started, sandbox, io, cancel), async () => {
        const message = `The run failed: ${drain_guard/* STALLED */.i}.`;
        return (0,run_common/* failedReport */.kS)(started, [{ message }], message);
    });
}

// EXTERNAL MODULE: ./src/cancellation.ts
var src_cancellation = __webpack_require__(4632);
// EXTERNAL MODULE: ./src/sandbox/sandbox.ts + 1 modules
var sandbox_sandbox = __webpack_require__(5692);
;// CONCATENATED MODULE: ./src/secrets.ts
/**
 * The secret values of a run (inputs, access tokens, a webhook URL's path), kept out of what
 * the action writes itself: the runner masks them in the log only, and a server may echo one
 * back in an error message (the token endpoint echoing the form it was sent).
 */
class Secrets {
    values = new Set();
    /** Also in the forms a request carries it: URL- and form-encoded. */
    add(secret) {
        // Shorter values would blot out ordinary words; the runner masks them in the log anyway.
        if (secret.length < 4)
            return;
        for (const form of [
            secret,
            encodeURIComponent(secret),
            new URLSearchParams({ s: secret }).toString().slice(2)
        ]) {
            this.values.add(form);
        }
    }
    /** `text` with every secret replaced by `***`, the longest first. */
    redact = (text) => {
        let out = text;
        for (const value of [...this.values].sort((a, b) => b.length - a.length)) {
            out = out.split(value).join('***');
        }
        return out;
    };
    /** A copy of `value` with every string in it redacted (for records). */
    redactAll(value) {
        if (typeof value === 'string')
            return this.redact(value);
        if (Array.isArray(value))
            return value.map(item => this.redactAll(item));
        if (value !== null && typeof value === 'object') {
            return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.redactAll(item)]));
        }
        return value;
    }
}

// EXTERNAL MODULE: ./src/workflow.ts
var workflow = __webpack_require__(2986);
;// CONCATENATED MODULE: ./src/main.ts











/**
 * The action: inputs in; outputs, annotations, the job summary and the evidence out.
 * `sandbox` and `cancellation` are started by the entry point before this module loads: the
 * child's start-up overlaps the action's, and no runner signal finds the process without a
 * listener.
 */
async function run(sandbox = sandbox_sandbox/* Sandbox */.a.start(), cancellation = (0,src_cancellation/* watchCancellation */.Z)()) {
    const env = process.env;
    // A SIGUSR1 with no listener makes node open its inspector on 127.0.0.1:9229, where any
    // local process (a sandbox child that escaped, say) could run code in this one.
    if (process.listenerCount('SIGUSR1') === 0)
        process.on('SIGUSR1', () => undefined);
    const secrets = new Secrets();
    const mask = (secret) => {
        workflow.mask(secret);
        secrets.add(secret);
    };
    for (const name of constants/* SECRET_INPUTS */.pH) {
        const value = workflow.input(name);
        if (value)
            mask(value);
    }
    try {
        const started = await start(sandbox, env, mask, secrets, cancellation.signal);
        if (started)
            await leaveReport(started.report, started.trail, secrets, env);
    }
    catch (error) {
        // Past every expected failure (a runner file gone, say): still one line, no stack trace.
        fail((0,errors/* problemsOf */.GW)(error), secrets);
    }
    finally {
        cancellation.dispose();
        sandbox.dispose();
    }
}
/**
 * Reads the inputs and runs the mode. A run that stops before it has a report (bad inputs,
 * an audit log it may not extend) fails here, with its problems; undefined then.
 */
async function start(sandbox, env, mask, secrets, cancel) {
    try {
        const config = readConfig(name => workflow.input(name), env);
        // Webhook URLs often carry a token in their path: keep the path out of the log too.
        if (config.webhook) {
            const { pathname, search } = new URL(config.webhook.url);
            if (`${pathname}${search}`.length > 8)
                mask(`${pathname}${search}`);
        }
        // Evidence first: a corrupt or linked log is refused before anything changes, and a
        // publish records its intent before its first request (see evidence.ts).
        const trail = await EvidenceTrail.open(config, env, secrets);
        const report = await runPromotion(config, sandbox, {
            // Lines hold text from the repository, the sandbox and the network.
            log: line => workflow.info(logLine(secrets.redact(line))),
            mask,
            group: (name, fn) => workflow.group(name, fn),
            writeAhead: trail.writeAhead
        }, cancel);
        return { report, trail };
    }
    catch (error) {
        workflow.setOutput(constants/* Output */.k7.Result, 'failed');
        const problems = (0,errors/* problemsOf */.GW)(error);
        await writeSummary(() => secrets.redact(renderStartFailure(problems)), env);
        fail(problems, secrets);
        return undefined;
    }
}
/**
 * The run's outputs, evidence and summary. The result is set first and nothing after it
 * changes it: evidence or a summary that cannot be left is a warning.
 */
async function leaveReport(report, trail, secrets, env) {
    const { validation, publish, release } = report;
    workflow.setOutput(constants/* Output */.k7.Result, report.result);
    const checksum = release?.checksum ?? validation.actionFile?.sha256;
    if (checksum)
        workflow.setOutput(constants/* Output */.k7.Checksum, checksum);
    workflow.setOutput(constants/* Output */.k7.VersionId, versionIdOf(report));
    const promoted = publish ?? release;
    if (promoted) {
        workflow.setOutput(constants/* Output */.k7.LatencyMs, String(promoted.latencyMs));
        workflow.setOutput(constants/* Output */.k7.Published, String(promoted.result === 'published'));
        workflow.setOutput(constants/* Output */.k7.RolledBack, String(promoted.result === 'rolled-back'));
    }
    const previous = publish?.previous?.versionId ?? report.plan?.live?.versionId;
    if (promoted || report.plan)
        workflow.setOutput(constants/* Output */.k7.PreviousVersionId, previous ?? '');
    workflow.setOutput(constants/* Output */.k7.AuditLogPath, trail.auditPath);
    let evidence = { auditPath: trail.auditPath, warnings: [] };
    try {
        evidence = await trail.leave(report);
        if (evidence.auditHash)
            workflow.setOutput(constants/* Output */.k7.AuditHash, evidence.auditHash);
    }
    catch (error) {
        evidence.warnings.push(`The evidence of this run could not be left: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    for (const warning of [...report.warnings, ...evidence.warnings]) {
        workflow.warning(secrets.redact(warning));
    }
    await writeSummary(() => secrets.redact(renderReport(report, evidence)), env);
    if (report.problems.length > 0)
        fail(report.problems, secrets);
}
/** The job summary is a report, not the result: a summary that cannot be written only warns. */
async function writeSummary(render, env) {
    if (!env.GITHUB_STEP_SUMMARY)
        return;
    try {
        await workflow.appendSummary(render());
    }
    catch (error) {
        workflow.warning(`The job summary could not be written: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
/** The version id; for a release, the one all members share (else empty). */
function versionIdOf(report) {
    if (!report.members)
        return report.payload.versionId;
    const ids = new Set(report.members.map(m => m.versionId));
    return ids.size === 1 ? ([...ids][0] ?? '') : '';
}
/**
 * One `::error::` annotation per problem, then the step fails. No stack traces, and no secret
 * in any spelling (the runner hides only the spellings it was given).
 */
function fail(problems, secrets) {
    for (const { message, location } of problems) {
        workflow.error(secrets.redact(message), location && {
            file: location.file,
            ...(location.line ? { startLine: location.line } : {}),
            ...(location.column ? { startColumn: location.column } : {})
        });
    }
    process.exitCode = workflow.FAILURE;
}


/***/ }),

/***/ 41:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fy: () => (/* binding */ VersionIdSchema),
/* harmony export */   Tt: () => (/* binding */ EnvironmentSchema),
/* harmony export */   hx: () => (/* binding */ PromotionPayloadSchema),
/* harmony export */   ju: () => (/* binding */ ENVIRONMENTS),
/* harmony export */   vJ: () => (/* binding */ DataActionIdSchema)
/* harmony export */ });
/* harmony import */ var _zod_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6778);

const ENVIRONMENTS = ['sandbox', 'production'];
// Any 8-4-4-4-12 hex id: CXone ids need not carry an RFC 9562 version.
const DataActionIdSchema = _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .guid */ .OsD({
    error: 'expected a UUID such as a1b2c3d4-e5f6-7890-abcd-ef1234567890'
});
const VersionIdSchema = _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .regex */ .yGV(/^[A-Za-z0-9._-]{1,128}$/, {
    error: 'expected 1-128 characters of letters, digits, ".", "_" or "-"'
}));
const EnvironmentSchema = _zod_js__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(ENVIRONMENTS, {
    error: issue => `expected 'sandbox' or 'production', got '${String(issue.input)}'`
});
/** What identifies one promotion: which data action, which version, where. */
const PromotionPayloadSchema = _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    dataActionId: DataActionIdSchema,
    versionId: VersionIdSchema,
    targetEnvironment: EnvironmentSchema
});


/***/ }),

/***/ 1690:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MT: () => (/* binding */ movedWarning),
/* harmony export */   NU: () => (/* binding */ reportStart),
/* harmony export */   QD: () => (/* binding */ aggregate),
/* harmony export */   UU: () => (/* binding */ createClient),
/* harmony export */   bi: () => (/* binding */ promotionOf),
/* harmony export */   kS: () => (/* binding */ failedReport),
/* harmony export */   nR: () => (/* binding */ publishSettings),
/* harmony export */   tB: () => (/* binding */ now)
/* harmony export */ });
/** The fields every report starts with; the counts are the client's, once it has run. */
function reportStart(config) {
    return {
        mode: config.mode,
        payload: config.payload,
        ...(config.releaseManifest ? { releaseManifest: config.releaseManifest } : {}),
        warnings: [],
        requests: 0,
        retries: 0,
        rateLimited: 0,
        startedAt: now()
    };
}
function now() {
    return new Date().toISOString();
}
/** What a validated data action promotes: its identity, exact code and dependencies. */
function promotionOf(report) {
    const { payload, actionFile } = report;
    if (!payload || !actionFile)
        throw new Error('validation passed without a payload');
    return {
        payload,
        actionCode: actionFile.text,
        checksum: actionFile.sha256,
        dependencyMatrix: report.dependencyMatrix
    };
}
function publishSettings(settings, io, cancel) {
    return { publishTimeoutMs: settings.publishTimeoutMs, ...(cancel ? { cancel } : {}), log: io.log };
}
/** A validation made of checks and problems only: a release's, or a run's that stopped first. */
function aggregate(checks, problems) {
    return { checks, problems, dependencies: [], dependencyMatrix: {} };
}
/** The report of a run that failed before any data action could be validated. */
function failedReport(start, problems, headline, validateMs = 0) {
    return {
        ...start,
        validation: aggregate([], problems),
        validateMs,
        result: 'failed',
        headline,
        problems,
        finishedAt: now()
    };
}
/** The CXone client, loaded only by the modes that call CXone (validate needs no HTTP stack). */
async function createClient(settings, io, rate) {
    const { CxoneClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(942), __webpack_require__.e(260)]).then(__webpack_require__.bind(__webpack_require__, 3260));
    return new CxoneClient({
        apiBaseUrl: settings.apiBaseUrl,
        tokenUrl: settings.tokenUrl,
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
        maxAttempts: settings.maxRetries,
        requestTimeoutMs: settings.requestTimeoutMs,
        lockWaitMs: settings.publishTimeoutMs,
        mask: io.mask,
        onRetry: io.log,
        ...(rate ? { rate } : {})
    });
}
/** CXone keeps a version live in one environment: promoting it moves it. */
function movedWarning(versionId, from, to) {
    return `${versionId} was live in ${from}; a version is live in one environment at a time, so publishing it to ${to} took it out of ${from}: nothing is live there now.`;
}


/***/ }),

/***/ 913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AR: () => (/* binding */ parseDependencyManifest),
/* harmony export */   h$: () => (/* binding */ PackageNameSchema),
/* harmony export */   tc: () => (/* binding */ dependencyChanges)
/* harmony export */ });
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var semver_functions_valid_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8780);
/* harmony import */ var semver_functions_valid_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(semver_functions_valid_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var validate_npm_package_name__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7825);
/* harmony import */ var validate_npm_package_name__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(validate_npm_package_name__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _zod_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6778);
/* harmony import */ var _structured_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6115);






const PackageNameSchema = _zod_js__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_4__/* .minLength */ .BpQ(1, 'a package name cannot be empty'), _zod_js__WEBPACK_IMPORTED_MODULE_4__/* .maxLength */ .Ru6(214, 'a package name has at most 214 characters'), _zod_js__WEBPACK_IMPORTED_MODULE_4__/* .refine */ .YPB(name => (0,node_module__WEBPACK_IMPORTED_MODULE_0__.isBuiltin)(name) || validate_npm_package_name__WEBPACK_IMPORTED_MODULE_3___default()(name).validForOldPackages, {
    error: issue => `'${String(issue.input)}' is not a package name (${validate_npm_package_name__WEBPACK_IMPORTED_MODULE_3___default()(String(issue.input)).errors?.[0] ?? 'npm would refuse it'})`
}));
const ExactVersionSchema = _zod_js__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP({ error: 'expected a version string such as "4.17.21"' }).check(_zod_js__WEBPACK_IMPORTED_MODULE_4__/* .refine */ .YPB(version => semver_functions_valid_js__WEBPACK_IMPORTED_MODULE_2___default()(version) !== null, {
    error: issue => `'${String(issue.input)}' is not an exact semver version (such as 4.17.21)`
}));
// Shapes only: each version is checked on its own, so one bad entry does not hide the others
// from the policy check.
const DependencyMapSchema = _zod_js__WEBPACK_IMPORTED_MODULE_4__/* .record */ .g1P(PackageNameSchema, _zod_js__WEBPACK_IMPORTED_MODULE_4__/* .unknown */ .L5J(), {
    error: 'expected a map of {package: exact version}'
});
const PackageJsonSchema = _zod_js__WEBPACK_IMPORTED_MODULE_4__/* .looseObject */ ._H3({ dependencies: _zod_js__WEBPACK_IMPORTED_MODULE_4__/* .optional */ .lqM(DependencyMapSchema) });
/**
 * Reads a dependency manifest: a JSON or YAML map `{package: exact version}`, or a
 * `package.json` (recognised by its name or by a `dependencies` map), of which only
 * `dependencies` counts: those are what the data action's runtime must provide.
 */
async function parseDependencyManifest(file) {
    const doc = await (0,_structured_file_js__WEBPACK_IMPORTED_MODULE_5__/* .parseStructuredFile */ .b)(file);
    const isPackageJson = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(file.path) === 'package.json' ||
        (isRecord(doc.data) && isRecord(doc.data.dependencies));
    const base = isPackageJson ? ['dependencies'] : [];
    const map = isPackageJson
        ? (doc.check(PackageJsonSchema).dependencies ?? {})
        : doc.check(DependencyMapSchema);
    const manifest = {
        declared: new Set(Object.keys(map)),
        dependencies: [],
        invalid: [],
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
            const reason = exact.error.issues[0]?.message ?? 'not an exact version';
            manifest.invalid.push({ name, written: writtenAs(version), reason, ...at });
            manifest.problems.push({
                message: `Input '${file.input}': ${file.path}${(0,_structured_file_js__WEBPACK_IMPORTED_MODULE_5__/* .pathText */ .L)([...base, name])}: ${reason}`,
                location: { file: file.path, ...at }
            });
        }
    }
    return manifest;
}
/** A manifest value as the reader wrote it, short enough for a table cell. */
function writtenAs(value) {
    const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Packages added, removed or moved to another version, by name. */
function dependencyChanges(live, next) {
    // Maps, not the records: a package may be named `constructor` or `__proto__`.
    const was = new Map(Object.entries(live));
    const will = new Map(Object.entries(next));
    const names = [...new Set([...was.keys(), ...will.keys()])].sort();
    return names
        .filter(name => was.get(name) !== will.get(name))
        .map(name => ({
        name,
        ...(was.has(name) ? { live: was.get(name) } : {}),
        ...(will.has(name) ? { next: will.get(name) } : {})
    }));
}


/***/ }),

/***/ 1866:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ON: () => (/* binding */ parsePolicy),
/* harmony export */   bl: () => (/* binding */ emptyRules),
/* harmony export */   nj: () => (/* binding */ judgeDependencies),
/* harmony export */   sz: () => (/* binding */ judgeRequires)
/* harmony export */ });
/* unused harmony export packageNameOf */
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var semver_functions_satisfies_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8011);
/* harmony import */ var semver_functions_satisfies_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(semver_functions_satisfies_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var semver_ranges_valid_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4737);
/* harmony import */ var semver_ranges_valid_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(semver_ranges_valid_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _zod_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6778);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(913);
/* harmony import */ var _structured_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6115);






const RangeSchema = _zod_js__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP({ error: 'expected a semver range such as "^4.17.0"' }).check(_zod_js__WEBPACK_IMPORTED_MODULE_3__/* .refine */ .YPB(range => range.trim() !== '' && semver_ranges_valid_js__WEBPACK_IMPORTED_MODULE_2___default()(range) !== null, {
    error: issue => `'${String(issue.input)}' is not a valid semver range`
}));
// Strict: a misspelt key in a policy would otherwise loosen it without a word.
const RulesSchema = _zod_js__WEBPACK_IMPORTED_MODULE_3__/* .strictObject */ .rej({
    allowedVersions: _zod_js__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(_zod_js__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .PackageNameSchema */ .h$, RangeSchema)),
    blockedPackages: _zod_js__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(_zod_js__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .PackageNameSchema */ .h$))
});
const PolicySchema = _zod_js__WEBPACK_IMPORTED_MODULE_3__/* .extend */ .X$i(RulesSchema, {
    environments: _zod_js__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(_zod_js__WEBPACK_IMPORTED_MODULE_3__/* .strictObject */ .rej({ sandbox: _zod_js__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(RulesSchema), production: _zod_js__WEBPACK_IMPORTED_MODULE_3__/* .optional */ .lqM(RulesSchema) }))
});
async function parsePolicy(file, environment) {
    const doc = await (0,_structured_file_js__WEBPACK_IMPORTED_MODULE_5__/* .parseStructuredFile */ .b)(file);
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
            // `node:fs` in a policy blocks `fs`, whichever spelling the code uses.
            const key = withoutNodePrefix(name);
            if (!rules.blocked.has(key))
                rules.blocked.set(key, { scope, ...(line ? { line } : {}) });
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
        const failed = ranges.find(rule => !semver_functions_satisfies_js__WEBPACK_IMPORTED_MODULE_1___default()(dep.version, rule.range ?? '*'));
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
 * Judges what the code asks for (found in its text or asked for as it ran): each package must
 * be declared in the manifest and not blocked. Node built-ins need no declaration but can be
 * blocked; `node:fs/promises` is `fs` to the policy, as `lodash/get` is `lodash`.
 */
function judgeRequires(requires, declared, rules, actionFilePath) {
    const seen = new Set();
    const verdicts = [];
    for (const { specifier, line } of requires) {
        const name = packageNameOf(specifier);
        const refused = refusal(specifier);
        // A refused path is judged on its own: `lodash/../left-pad` must not pass as `lodash`.
        const key = refused ? specifier : name;
        if (seen.has(key))
            continue;
        seen.add(key);
        const location = { file: actionFilePath, ...(line ? { line } : {}) };
        const blocked = blockingRule(rules, specifier);
        if (specifier.startsWith('.') || specifier.startsWith('/')) {
            verdicts.push({
                name,
                verdict: 'undeclared',
                reason: 'a data action is a single file and cannot load local files',
                location
            });
        }
        else if (refused) {
            verdicts.push({ name, verdict: 'blocked', reason: refused, location });
        }
        else if (blocked) {
            verdicts.push({ name, verdict: 'blocked', reason: `blocked (${blocked.scope})`, location });
        }
        else if ((0,node_module__WEBPACK_IMPORTED_MODULE_0__.isBuiltin)(specifier)) {
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
/**
 * Built-ins that load other modules or run code (`module.createRequire`, `vm`, a worker,
 * `process.getBuiltinModule`): any policy could be bypassed through them.
 */
const LOADER_BUILTINS = new Set([
    'module',
    'vm',
    'worker_threads',
    'repl',
    'inspector',
    'wasi',
    'process'
]);
/** Why a specifier is refused whatever the policy says, if it is. */
function refusal(specifier) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(specifier) && !specifier.startsWith('node:')) {
        return 'a URL is not a package: the code would be loaded from it';
    }
    if (specifier.endsWith('\u2026'))
        return 'a module name longer than 214 characters';
    // What a resolver could decode or drop (`%2e%2e` is `..` to a URL) has no place in a name.
    if (!/^[A-Za-z0-9._~@+/:-]+$/.test(specifier)) {
        return 'characters no module name needs (%, spaces, controls, ? or #): a resolver could read it as another package';
    }
    if (specifier.startsWith('node:') && !(0,node_module__WEBPACK_IMPORTED_MODULE_0__.isBuiltin)(specifier))
        return 'not a Node built-in module';
    const segments = specifier.split('/');
    if (specifier.includes('\\') || segments.some(s => s === '.' || s === '..' || s === '')) {
        return `a path with '.', '..' or empty segments can name another package than '${packageNameOf(specifier)}'`;
    }
    if ((0,node_module__WEBPACK_IMPORTED_MODULE_0__.isBuiltin)(specifier) && LOADER_BUILTINS.has(packageNameOf(specifier))) {
        return 'it loads other modules or runs code: the dependency check cannot follow what it loads';
    }
    return undefined;
}
/** The rule blocking a specifier: by its package (or built-in) name, or by the exact subpath. */
function blockingRule(rules, specifier) {
    const bare = withoutNodePrefix(specifier);
    return rules.blocked.get(packageNameOf(specifier)) ?? rules.blocked.get(bare);
}
function withoutNodePrefix(specifier) {
    return specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
}
/**
 * `lodash/get` → `lodash`, `@scope/pkg/x` → `@scope/pkg`, `node:fs/promises` → `fs`: what a
 * policy names. Local paths stay as they are.
 */
function packageNameOf(specifier) {
    if (specifier.startsWith('.') || specifier.startsWith('/'))
        return specifier;
    const bare = withoutNodePrefix(specifier);
    const parts = bare.split('/');
    return bare.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? bare);
}


/***/ }),

/***/ 8926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DP: () => (/* binding */ finishValidation),
/* harmony export */   ls: () => (/* binding */ verdictProblem),
/* harmony export */   tT: () => (/* binding */ recorder)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7242);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1866);
/* The verdicts of a validation: its checks, its problems, its report; the sandbox's verdict. */


/** Adds the sandbox's verdict on the code (absent when the file could not be read). */
function finishValidation(prepared, report, timeoutMs = 0) {
    const checks = [...prepared.checks];
    const problems = [...prepared.problems];
    const record = recorder(checks, problems);
    const file = prepared.actionFile;
    let required = [];
    if (report && file) {
        record('Sandbox', sandboxProblems(report, file.path, timeoutMs), sandboxDetail(report));
        required = (0,_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .judgeRequires */ .sz)(report.requires, prepared.declaredNames, prepared.rules, file.path);
        const uncheckable = report.uncheckable.map(use => ({
            message: `${file.path}: ${use.message}`,
            location: {
                file: file.path,
                ...(use.line ? { line: use.line } : {}),
                ...(use.column ? { column: use.column } : {})
            }
        }));
        // A file that could not be parsed says nothing about what it requires.
        if (report.failure?.kind !== 'syntax' || report.requires.length > 0) {
            record('Required modules', [...required.map(verdictProblem), ...uncheckable], report.requires.length === 0
                ? 'requires nothing'
                : `requires ${[...new Set(report.requires.map(r => r.specifier))].join(', ')}`);
        }
    }
    else {
        checks.push({
            name: 'Sandbox',
            status: 'skipped',
            detail: 'the action file could not be read'
        });
    }
    return {
        checks,
        problems,
        ...(file ? { actionFile: file } : {}),
        ...(prepared.payload ? { payload: prepared.payload } : {}),
        dependencies: required.length === 0 ? prepared.declared : [...prepared.declared, ...required],
        dependencyMatrix: prepared.dependencyMatrix,
        ...(report ? { sandbox: report } : {})
    };
}
function recorder(checks, problems) {
    return (name, found, passDetail) => {
        problems.push(...found);
        checks.push({
            name,
            status: found.length === 0 ? 'pass' : 'fail',
            detail: found.length === 0 ? passDetail : listed(found.map(p => p.message))
        });
    };
}
/** The first few items, then how many more: a check's detail is one table cell. */
function listed(items, shown = 3) {
    const more = items.length - shown;
    return items.slice(0, shown).join('; ') + (more > 0 ? `; and ${more} more` : '');
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
            timeout: `${path} did not finish evaluating within the sandbox limit (${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Input */ .pd.SandboxTimeoutMs}: ${timeoutMs}): ${failure.message}`,
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


/***/ }),

/***/ 6115:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ parseStructuredFile),
  L: () => (/* binding */ pathText)
});

// EXTERNAL MODULE: ./node_modules/fastest-levenshtein/mod.js
var mod = __webpack_require__(1916);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(9547);
;// CONCATENATED MODULE: ./src/validate/json-text.ts

/** jsonc-parser's error codes as sentences. */
const SAYS = {
    InvalidSymbol: 'an unexpected character',
    InvalidNumberFormat: 'a malformed number',
    PropertyNameExpected: 'a key in double quotes was expected',
    ValueExpected: 'a value was expected',
    ColonExpected: "':' was expected",
    CommaExpected: "',' was expected",
    CloseBraceExpected: "'}' was expected",
    CloseBracketExpected: "']' was expected",
    EndOfFileExpected: 'nothing may follow the value',
    InvalidCommentToken: 'JSON has no comments',
    UnexpectedEndOfComment: 'JSON has no comments',
    UnexpectedEndOfString: 'a string is not closed',
    UnexpectedEndOfNumber: 'a number is cut off',
    InvalidUnicode: 'an invalid \\u escape',
    InvalidEscapeCharacter: 'an invalid escape',
    InvalidCharacter: 'a control character inside a string'
};
/**
 * Strict JSON (no comments, no trailing commas) with the offset of every value. The data is
 * JSON.parse's, which keeps a `__proto__` key as a plain key.
 */
function parseJsonText(text) {
    const parseErrors = [];
    let root;
    const errors = [];
    try {
        root = (0,main.parseTree)(text, parseErrors, { disallowComments: true, allowTrailingComma: false });
    }
    catch (error) {
        // The parser recurses: nesting deeper than this stack is refused.
        if (!(error instanceof RangeError))
            throw error;
        errors.push({ message: 'it is nested too deeply', pos: 0 });
    }
    // The first only: the parser's later errors follow from it.
    const [first] = parseErrors;
    if (first) {
        const name = (0,main.printParseErrorCode)(first.error);
        errors.push({ message: SAYS[name] ?? name, pos: first.offset });
    }
    if (errors.length === 0)
        errors.push(...duplicateKeys(root));
    let starts;
    return {
        errors,
        data: () => JSON.parse(text),
        offsetOf: (path, key) => nodeAt(root, path, key)?.offset,
        position: offset => {
            starts ??= lineStarts(text);
            let low = 0;
            let high = starts.length - 1;
            while (low < high) {
                const middle = (low + high + 1) >> 1;
                if ((starts[middle] ?? 0) <= offset)
                    low = middle;
                else
                    high = middle - 1;
            }
            return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
        }
    };
}
function lineStarts(text) {
    const starts = [0];
    for (const match of text.matchAll(/\r\n?|\n/g))
        starts.push(match.index + match[0].length);
    return starts;
}
/** Each key given twice in one object, at the second one. */
function duplicateKeys(root) {
    const found = [];
    const stack = root ? [root] : [];
    for (let node = stack.pop(); node; node = stack.pop()) {
        if (node.type === 'object') {
            const seen = new Set();
            for (const property of node.children ?? []) {
                const [key, value] = property.children ?? [];
                if (key && seen.has(key.value)) {
                    found.push({ message: `the key '${String(key.value)}' is given twice`, pos: key.offset });
                }
                seen.add(key?.value);
                if (value)
                    stack.push(value);
            }
        }
        else if (node.type === 'array') {
            stack.push(...(node.children ?? []));
        }
    }
    return found.sort((a, b) => a.pos - b.pos);
}
const PROPERTIES = new WeakMap();
/** An object's properties by key, indexed once (a line is looked up for every entry). */
function propertiesOf(object) {
    let properties = PROPERTIES.get(object);
    if (!properties) {
        properties = new Map();
        for (const property of object.children ?? []) {
            const key = property.children?.[0]?.value;
            if (!properties.has(key))
                properties.set(key, property);
        }
        PROPERTIES.set(object, properties);
    }
    return properties;
}
/**
 * The deepest node on the path; a missing key points at its object, which is where it
 * belongs. With `key`, the last step stops at the key itself.
 */
function nodeAt(root, path, key) {
    let node = root;
    for (const [index, step] of path.entries()) {
        let next;
        if (node?.type === 'object') {
            const [name, value] = propertiesOf(node).get(step)?.children ?? [];
            next = key && index === path.length - 1 ? name : (value ?? name);
        }
        else if (node?.type === 'array' && typeof step === 'number') {
            next = node.children?.[step];
        }
        if (!next)
            return node;
        node = next;
    }
    return node;
}

;// CONCATENATED MODULE: ./src/validate/structured-file.ts



/**
 * Parses a `.json` file as strict JSON (a small parser, loaded with the action) and any other
 * as YAML 1.2, which reads JSON too (its parser, ~280 KB, is loaded only for such a file).
 * Duplicate keys are errors in both.
 */
async function parseStructuredFile(file) {
    const json = /\.json$/i.test(file.path);
    const text = file.text.replace(/^\uFEFF/, '');
    const parsed = json ? parseJsonText(text) : (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(455)]).then(__webpack_require__.bind(__webpack_require__, 7455))).parseYamlText(text);
    const problem = (message, location = {}) => ({
        message: `Input '${file.input}': ${file.path}${message}`,
        location: { ...location, file: file.path }
    });
    if (parsed.errors.length > 0) {
        throw new errors/* ProblemsError */.FQ(parsed.errors.map(error => problem(` is not valid ${json ? 'JSON' : 'JSON or YAML'}: ${error.message}`, parsed.position(error.pos))));
    }
    let data;
    try {
        data = parsed.data();
    }
    catch (error) {
        throw new errors/* ProblemsError */.FQ([problem(` cannot be read: ${(0,errors/* firstLine */.TM)(String(error))}`)]);
    }
    const lineOf = (path, key = false) => {
        const offset = parsed.offsetOf(path, key);
        return offset === undefined ? undefined : parsed.position(offset).line;
    };
    return {
        data,
        lineOf,
        check(schema) {
            const parsed = schema.safeParse(data);
            if (parsed.success)
                return parsed.data;
            const found = sentences(parsed.error.issues, schema, data);
            throw new errors/* ProblemsError */.FQ(found.map(({ path, message, key }) => {
                const line = lineOf(path, key);
                return problem(`${pathText(path)}: ${message}`, line ? { line } : {});
            }));
        }
    };
}
/**
 * Schema issues as one sentence per problem, each at its own place: an unknown key at the key
 * (with the known key it is closest to, when one is), a missing key at its map, and no second
 * sentence for a key that is missing because it was misspelt.
 */
function sentences(issues, schema, data) {
    const found = [];
    const misspelt = new Set();
    for (const issue of issues) {
        if (issue.code !== 'unrecognized_keys')
            continue;
        const parent = valueAt(data, issue.path);
        const known = keysAt(schema, issue.path).filter(key => !(isRecord(parent) && key in parent));
        for (const key of issue.keys) {
            const guess = nearest(key, known);
            if (guess)
                misspelt.add(JSON.stringify([...issue.path, guess]));
            found.push({
                path: [...issue.path, key],
                message: `unknown key '${key}'${guess ? `; did you mean '${guess}'?` : ''}`,
                key: true
            });
        }
    }
    for (const issue of issues) {
        if (issue.code === 'unrecognized_keys')
            continue;
        const missing = issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined;
        if (missing && misspelt.has(JSON.stringify(issue.path)))
            continue;
        const key = issue.path.at(-1);
        // A record key's own message is inside the issue (the outer one says "Invalid key").
        if (issue.code === 'invalid_key') {
            found.push({ path: [...issue.path], message: issue.issues[0]?.message ?? issue.message });
            continue;
        }
        found.push(missing && typeof key === 'string'
            ? { path: issue.path.slice(0, -1), message: `'${key}' is missing` }
            : { path: [...issue.path], message: issue.message });
    }
    return found;
}
/** The known key a misspelt one most likely meant: same letters in another case, or close. */
function nearest(key, known) {
    const sameLetters = known.find(k => k.toLowerCase() === key.toLowerCase());
    if (sameLetters)
        return sameLetters;
    const guess = known.length > 0 ? (0,mod/* closest */.kp)(key, [...known]) : undefined;
    return guess !== undefined && (0,mod/* distance */.Io)(key, guess) <= Math.max(1, Math.floor(guess.length / 4))
        ? guess
        : undefined;
}
/** The keys the schema knows for the object at `path` (empty when it is not an object). */
function keysAt(schema, path) {
    const def = schema._zod.def;
    switch (def.type) {
        case 'object': {
            const shape = def.shape;
            if (path.length === 0)
                return Object.keys(shape);
            const next = shape[String(path[0])];
            return next ? keysAt(next, path.slice(1)) : [];
        }
        case 'array':
            return path.length === 0 ? [] : keysAt(def.element, path.slice(1));
        case 'record':
            return path.length === 0 ? [] : keysAt(def.valueType, path.slice(1));
        case 'union':
            return [...new Set(def.options.flatMap(o => keysAt(o, path)))];
        case 'pipe':
            return keysAt(def.in, path);
        default:
            return def.innerType ? keysAt(def.innerType, path) : [];
    }
}
function valueAt(data, path) {
    let value = data;
    for (const key of path) {
        if (value === null || typeof value !== 'object')
            return undefined;
        // Own keys only: a file's key may be `constructor` or `__proto__`.
        value = Object.hasOwn(value, key) ? value[key] : undefined;
    }
    return value;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** ` at dependencies.lodash` style suffix for an issue path. */
function pathText(path) {
    if (path.length === 0)
        return '';
    return ` at ${path.map(p => (typeof p === 'number' ? `[${p}]` : String(p))).join('.')}`;
}


/***/ }),

/***/ 9470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mn: () => (/* binding */ MAX_STRUCTURED_FILE_BYTES),
/* harmony export */   N5: () => (/* binding */ prepareValidation),
/* harmony export */   Tp: () => (/* binding */ ValidationFiles),
/* harmony export */   jR: () => (/* binding */ MAX_RELEASE_CODE_BYTES),
/* harmony export */   tb: () => (/* binding */ loadPolicy),
/* harmony export */   tf: () => (/* binding */ validate)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(913);
/* harmony import */ var _payload_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(41);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1866);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8926);
/* harmony import */ var _workspace_file_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1018);
/*
 * src/validate: every check of a data action that needs no CXone. This file is its entry: one
 * validation, its checks run in order (validate, prepareValidation), the policy read once per run.
 *
 * Owns: the action file and every file an input names, read inside the workspace
 * (workspace-file.ts); structured files, JSON and YAML, with the line of each value
 * (structured-file.ts, json-text.ts, yaml-text.ts); the dependency manifest (manifest.ts) and
 * the policy it is judged by (policy.ts); the release manifest (release-manifest.ts); the
 * verdicts: each check's result and problems, and the report (report.ts).
 *
 * Must not touch: the network, CXone, the evidence (audit log, webhook, summary): a validate
 * run is a pull request's gate and sends nothing anywhere. Untrusted code is never loaded or
 * run here: it is only ever evaluated through the sandbox (an Evaluator, src/sandbox), and
 * this part reads only the sandbox's report.
 */








/**
 * Manifests and policies are small; anything bigger is a mistake, not a manifest. The cap
 * also bounds the time the action spends parsing YAML it was handed.
 */
const MAX_STRUCTURED_FILE_BYTES = 256 * 1024;
/** The action files of one release, all together: beyond, the release is refused. */
const MAX_RELEASE_CODE_BYTES = 32 * 1024 * 1024;
/**
 * What a run reads and parses, once each: the members of a release often share a manifest,
 * and may name one file twice. Action files count against one total, so a manifest naming
 * files thousands of times cannot hold the action's memory.
 */
class ValidationFiles {
    maxCodeBytes;
    memo = new Map();
    codeBytes = 0;
    constructor(maxCodeBytes = Number.POSITIVE_INFINITY) {
        this.maxCodeBytes = maxCodeBytes;
    }
    once(key, read) {
        let entry = this.memo.get(key);
        if (!entry) {
            entry = read();
            this.memo.set(key, entry);
        }
        return entry;
    }
    /** Counts a newly read action file; the error names the input that named it. */
    count(file) {
        this.codeBytes += file.bytes.length;
        if (this.codeBytes > this.maxCodeBytes) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(file.input, `the action files named come to more than ${this.maxCodeBytes / (1024 * 1024)} MB in all: split the release`);
        }
    }
}
const FAILING = new Set([
    'blocked',
    'outside range',
    'undeclared'
]);
/**
 * Runs every check of one data action and reports all problems at once: its files are read and
 * parsed first, then its code is evaluated in the sandbox.
 */
async function validate(config, sandbox, signal) {
    const policy = await loadPolicy(config, config.payload.targetEnvironment);
    const prepared = await prepareValidation(config, config, policy);
    if (!prepared.actionFile) {
        sandbox.dispose();
        return (0,_report_js__WEBPACK_IMPORTED_MODULE_6__/* .finishValidation */ .DP)(prepared);
    }
    const { text, path } = prepared.actionFile;
    return (0,_report_js__WEBPACK_IMPORTED_MODULE_6__/* .finishValidation */ .DP)(prepared, await sandbox.evaluate(text, path, config.sandboxTimeoutMs, signal), config.sandboxTimeoutMs);
}
/** Reads and parses the dependency policy, once for every data action of a run. */
async function loadPolicy(config, targetEnvironment) {
    const environment = environmentOf(targetEnvironment);
    if (!config.dependencyPolicy)
        return { rules: (0,_policy_js__WEBPACK_IMPORTED_MODULE_5__/* .emptyRules */ .bl)(environment) };
    const policy = await attempt(async () => (0,_policy_js__WEBPACK_IMPORTED_MODULE_5__/* .parsePolicy */ .ON)(await readStructured(config, config.dependencyPolicy, _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.DependencyPolicy), environment));
    return { rules: policy.value ?? (0,_policy_js__WEBPACK_IMPORTED_MODULE_5__/* .emptyRules */ .bl)(environment), problems: policy.problems };
}
/**
 * Every check that needs no sandbox: the action file, the payload, the manifest against the
 * policy. All parsing happens here, before any code is evaluated, so no parse of the action's
 * competes with the sandbox's deadline and memory watchdog (timers of this process).
 */
async function prepareValidation(config, target, policy, files = new ValidationFiles()) {
    const checks = [];
    const problems = [];
    const record = (0,_report_js__WEBPACK_IMPORTED_MODULE_6__/* .recorder */ .tT)(checks, problems);
    const actionFile = await readActionFile(config, target, files);
    record('Action file', actionFile.problems, actionFile.value ? `${actionFile.value.path}, ${actionFile.value.bytes.length} bytes` : '');
    const payload = _payload_js__WEBPACK_IMPORTED_MODULE_4__/* .PromotionPayloadSchema */ .hx.safeParse(target.payload);
    const { dataActionId, versionId, targetEnvironment } = target.payload;
    record('Payload', payloadProblems(config, target, payload), `${dataActionId || '(no data action id)'} ${versionId || '(no version id)'} → ${targetEnvironment}`);
    const manifest = await readManifest(config, target, policy, files);
    const dependencies = manifest?.value?.dependencies ?? [];
    if (manifest) {
        record('Dependency manifest', [...manifest.problems, ...(manifest.value?.problems ?? [])], `${dependencies.length} dependencies, all exact versions`);
    }
    else {
        checks.push({
            name: 'Dependency manifest',
            status: 'skipped',
            detail: 'none given: the code may require no packages'
        });
    }
    const declared = manifest?.value?.verdicts ?? [];
    if (policy.problems) {
        record('Dependency policy', [...policy.problems, ...declared.filter(v => FAILING.has(v.verdict)).map(_report_js__WEBPACK_IMPORTED_MODULE_6__/* .verdictProblem */ .ls)], `${declared.length} dependencies judged for ${policy.rules.environment ?? 'all environments'}`);
    }
    else {
        checks.push({ name: 'Dependency policy', status: 'skipped', detail: 'none given' });
    }
    return {
        checks,
        problems,
        ...(actionFile.value ? { actionFile: actionFile.value } : {}),
        ...(payload.success ? { payload: payload.data } : {}),
        declaredNames: manifest?.value?.declared ?? new Set(),
        rules: policy.rules,
        declared,
        dependencyMatrix: manifest?.value?.matrix ?? {}
    };
}
/** The action file, read once per run and counted against the run's total. */
function readActionFile(config, target, files) {
    return attempt(() => files.once(`code:${(0,node_path__WEBPACK_IMPORTED_MODULE_0__.normalize)(target.actionFile)}`, async () => {
        const file = await (0,_workspace_file_js__WEBPACK_IMPORTED_MODULE_7__/* .readWorkspaceFile */ .s)(config.workspace, target.actionFile, {
            input: target.namedBy ?? _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.ActionFile,
            maxBytes: config.maxActionFileBytes
        });
        files.count(file);
        return file;
    }));
}
/** The payload's problems, each naming its input. */
function payloadProblems(config, target, payload) {
    // Validate mode calls nothing: an id not given is no problem there, a malformed one is.
    const unused = config.mode === 'validate'
        ? new Set(['dataActionId', 'versionId'].filter(key => target.payload[key] === ''))
        : new Set();
    return payload.success
        ? []
        : payload.error.issues
            .filter(issue => !unused.has(String(issue.path[0])))
            .map(issue => ({
            message: `Input '${PAYLOAD_INPUTS[String(issue.path[0])] ?? String(issue.path[0])}': ${issue.message}`
        }));
}
/**
 * The dependency manifest, judged by the policy; undefined when none was given. A manifest is
 * read, parsed and judged once per run, whichever members share it.
 */
async function readManifest(config, target, policy, files) {
    const manifestFile = target.dependencyManifest;
    return manifestFile
        ? await attempt(() => files.once(`manifest:${(0,node_path__WEBPACK_IMPORTED_MODULE_0__.normalize)(manifestFile)}`, async () => {
            const file = await readStructured(config, manifestFile, target.namedBy ?? _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.DependencyManifest);
            const parsed = await (0,_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDependencyManifest */ .AR)(file);
            return {
                ...parsed,
                verdicts: [
                    ...(0,_policy_js__WEBPACK_IMPORTED_MODULE_5__/* .judgeDependencies */ .nj)(parsed.dependencies, policy.rules, file.path),
                    ...parsed.invalid.map((d) => ({
                        name: d.name,
                        version: d.written,
                        verdict: 'invalid',
                        reason: d.reason,
                        location: { file: file.path, ...(d.line === undefined ? {} : { line: d.line }) }
                    }))
                ],
                matrix: Object.fromEntries(parsed.dependencies.map(d => [d.name, d.version]))
            };
        }))
        : undefined;
}
const PAYLOAD_INPUTS = {
    dataActionId: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.DataActionId,
    versionId: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.VersionId,
    targetEnvironment: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.TargetEnvironment
};
function environmentOf(value) {
    return _payload_js__WEBPACK_IMPORTED_MODULE_4__/* .ENVIRONMENTS */ .ju.find(environment => environment === value);
}
function readStructured(config, path, input) {
    return (0,_workspace_file_js__WEBPACK_IMPORTED_MODULE_7__/* .readWorkspaceFile */ .s)(config.workspace, path ?? '', {
        input,
        maxBytes: MAX_STRUCTURED_FILE_BYTES,
        allowEmpty: true
    });
}
async function attempt(fn) {
    try {
        return { value: await fn(), problems: [] };
    }
    catch (error) {
        return { problems: (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .problemsOf */ .GW)(error) };
    }
}


/***/ }),

/***/ 1018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ readWorkspaceFile)
/* harmony export */ });
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);





/**
 * Reads a file that must lie inside the workspace, after resolving symlinks, be a regular
 * file of at most `maxBytes`, and be valid UTF-8. Every failure is an InputError naming the
 * input, so a bad path can never read (or hang on) something outside the repository. The
 * calls are synchronous: a handful of small ones per file, where each async one was a round
 * trip through the thread pool (three files: ~3 ms of a validate run).
 */
async function readWorkspaceFile(workspace, givenPath, options) {
    const { input, maxBytes } = options;
    const fail = (problem) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(input, problem);
    };
    // A file system error in words naming the input: `known` words some codes otherwise.
    const failOn = (known = {}) => (error) => fail(known[error.code ?? ''] ?? `'${givenPath}' cannot be read (${error.code})`);
    // The system's realpath, as the kernel resolves paths (node's own applies `..` to a link's
    // text before resolving the link).
    const root = attempt(() => node_fs__WEBPACK_IMPORTED_MODULE_2__.realpathSync.native(workspace), () => fail(`the workspace '${workspace}' does not exist`));
    const lexical = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(root, givenPath);
    if (!isInside(root, lexical))
        fail(`'${givenPath}' is outside the workspace`);
    const real = attempt(() => node_fs__WEBPACK_IMPORTED_MODULE_2__.realpathSync.native(lexical), failOn({ ENOENT: `'${givenPath}' does not exist` }));
    if (!isInside(root, real))
        fail(`'${givenPath}' is a link to a place outside the workspace`);
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.relative)(root, real).split(node_path__WEBPACK_IMPORTED_MODULE_3__.sep).join('/');
    // Checked before opening: opening a FIFO or device could block or never end. What is
    // opened is the path just resolved, and must still be what was checked: a FIFO or a link
    // put in its place (by another process) is opened without waiting or not at all, and
    // refused as changed; where the system says (Linux), the opened file must lie inside too.
    const changed = `'${givenPath}' changed while read`;
    const info = attempt(() => (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.statSync)(real), failOn({ ENOENT: changed }));
    if (!info.isFile())
        fail(`'${givenPath}' is not a regular file`);
    if (info.size > maxBytes)
        fail(`'${givenPath}' is ${info.size} bytes; the limit is ${maxBytes}`);
    const fd = attempt(() => (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.openSync)(real, node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_NONBLOCK | node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_NOFOLLOW), failOn({ ELOOP: changed, ENOENT: changed }));
    let bytes;
    try {
        const opened = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.fstatSync)(fd);
        const where = openedPath(fd);
        if (opened.ino !== info.ino ||
            opened.dev !== info.dev ||
            (where !== undefined && !isInside(root, where)))
            fail(changed);
        bytes = attempt(() => (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)(fd), failOn());
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.closeSync)(fd);
    }
    if (bytes.length > maxBytes)
        fail(`'${givenPath}' grew beyond ${maxBytes} bytes while read`);
    if (bytes.length === 0 && !options.allowEmpty)
        fail(`'${givenPath}' is empty`);
    if (!(0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(bytes)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(input, `'${givenPath}' is not valid UTF-8`, {
            file: path,
            line: firstNonUtf8Line(bytes)
        });
    }
    return {
        input,
        path,
        bytes,
        text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
        sha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(bytes).digest('hex')
    };
}
function attempt(fn, onError) {
    try {
        return fn();
    }
    catch (error) {
        return onError(error);
    }
}
/** Where an open file lies, as the system tells it (Linux's /proc); undefined elsewhere. */
function openedPath(fd) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readlinkSync)(`/proc/self/fd/${fd}`);
    }
    catch {
        return undefined;
    }
}
function isInside(root, path) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.relative)(root, path);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_3__.sep}`) && !(0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(rel);
}
// A newline byte is never part of a multi-byte sequence, so lines can be checked alone.
function firstNonUtf8Line(bytes) {
    let line = 1;
    let start = 0;
    for (;;) {
        const end = bytes.indexOf(10, start);
        if (!(0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(bytes.subarray(start, end < 0 ? bytes.length : end)))
            return line;
        if (end < 0)
            return line;
        start = end + 1;
        line++;
    }
}


/***/ }),

/***/ 2986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FAILURE: () => (/* binding */ FAILURE),
/* harmony export */   appendSummary: () => (/* binding */ appendSummary),
/* harmony export */   error: () => (/* binding */ error),
/* harmony export */   group: () => (/* binding */ group),
/* harmony export */   info: () => (/* binding */ info),
/* harmony export */   input: () => (/* binding */ input),
/* harmony export */   mask: () => (/* binding */ mask),
/* harmony export */   setOutput: () => (/* binding */ setOutput),
/* harmony export */   warning: () => (/* binding */ warning)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9635);
/* harmony import */ var _node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2902);
/* harmony import */ var _node_modules_actions_core_lib_summary_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1170);
/* harmony import */ var _node_modules_actions_core_lib_utils_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4679);
/*
 * The runner's side of the step: inputs, masks, outputs, log lines, annotations, groups and
 * the job summary, written by @actions/core's own command writers. Not through its index,
 * which also loads its OIDC client and @actions/exec, and with them an HTTP stack (undici,
 * 0.9 MB of code) that validate mode never uses.
 */

// Its command writers by path: the package exports only its index.




/** The exit code of a failed step. */
const FAILURE = 1;
/** An input's value, trimmed ('' when not given), as @actions/core's getInput reads it. */
function input(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** Tells the runner to hide `secret` wherever it would be shown. */
function mask(secret) {
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_1__/* .issueCommand */ .L)('add-mask', {}, secret);
}
function setOutput(name, value) {
    if (process.env.GITHUB_OUTPUT) {
        (0,_node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_2__/* .issueFileCommand */ .n)('OUTPUT', (0,_node_modules_actions_core_lib_file_command_js__WEBPACK_IMPORTED_MODULE_2__/* .prepareKeyValueMessage */ .v)(name, value));
    }
    else {
        process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_0__.EOL);
        (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_1__/* .issueCommand */ .L)('set-output', { name }, value);
    }
}
/** A line of the log, as it is: untrusted text passes untrusted.ts's logLine first. */
function info(line) {
    process.stdout.write(line + node_os__WEBPACK_IMPORTED_MODULE_0__.EOL);
}
function warning(message) {
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_1__/* .issueCommand */ .L)('warning', {}, message);
}
function error(message, location) {
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_1__/* .issueCommand */ .L)('error', location ? (0,_node_modules_actions_core_lib_utils_js__WEBPACK_IMPORTED_MODULE_4__/* .toCommandProperties */ .k)(location) : {}, message);
}
/** Runs `fn` inside a collapsible group of the log. */
async function group(name, fn) {
    (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_1__/* .issue */ .s)('group', name);
    try {
        return await fn();
    }
    finally {
        (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_1__/* .issue */ .s)('endgroup');
    }
}
/** Appends HTML to the job summary (GITHUB_STEP_SUMMARY). */
async function appendSummary(html) {
    try {
        await _node_modules_actions_core_lib_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .summary */ .z.addRaw(html).write();
    }
    finally {
        _node_modules_actions_core_lib_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .summary */ .z.emptyBuffer();
    }
}


/***/ }),

/***/ 6778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BpQ: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.BpQ),
/* harmony export */   Bqr: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.Bqr),
/* harmony export */   FsL: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.FsL),
/* harmony export */   Ikc: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.Ikc),
/* harmony export */   L5J: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.L5J),
/* harmony export */   OsD: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.OsD),
/* harmony export */   ROM: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.ROM),
/* harmony export */   Ru6: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.Ru6),
/* harmony export */   Rvf: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.Rvf),
/* harmony export */   S1_: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.S1_),
/* harmony export */   Whr: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.Whr),
/* harmony export */   X$i: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.X$i),
/* harmony export */   YOg: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.YOg),
/* harmony export */   YPB: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.YPB),
/* harmony export */   YjP: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.YjP),
/* harmony export */   ZnW: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.ZnW),
/* harmony export */   _H3: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__._H3),
/* harmony export */   aig: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.aig),
/* harmony export */   g1P: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.g1P),
/* harmony export */   k5n: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.k5n),
/* harmony export */   lqM: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.lqM),
/* harmony export */   mee: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.mee),
/* harmony export */   pdi: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.pdi),
/* harmony export */   rej: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.rej),
/* harmony export */   tmp: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.tmp),
/* harmony export */   wJL: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.wJL),
/* harmony export */   yGV: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.yGV),
/* harmony export */   yjt: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.yjt),
/* harmony export */   zMY: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.zMY)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8532);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(252);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9286);
/*
 * zod, as the action uses it: every schema is built from this module (eslint refuses `zod`
 * elsewhere). zod/mini, not the classic API: the same parser without a method table on every
 * schema; a validate run starts ~7 ms sooner (docs/benchmarks.md).
 */

// Set before any schema is built (an importer's body runs after this one). Each schema is
// used a few times per run, and zod's compiled fast path (code generated on the first parse)
// costs more than it saves; nor does the action then generate code at all. zod/mini carries
// no messages of its own: the English ones name what a schema expected.
(0,zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .config */ .$W)({ jitless: true, ...zod_mini__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A() });



/***/ })

};

//# sourceMappingURL=213.index.js.map