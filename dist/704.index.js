export const id = 704;
export const ids = [704];
export const modules = {

/***/ 1704:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runRelease: () => (/* binding */ runRelease)
});

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(8902);
;// CONCATENATED MODULE: ./src/cxone/rate-controller.ts

/**
 * One controller for every request a release sends to a host: it keeps at most `maxInFlight`
 * requests in flight and paces them at a rate it learns. A 429 pauses everyone for its
 * Retry-After, halves the window, and sets the rate just under what the server let through
 * in the last second; each second without a 429 raises both again (additive increase,
 * multiplicative decrease). So a release never turns into a 429 storm, and no request
 * spends its retries because its neighbours were greedy.
 */
class RateController {
    options;
    /** Requests per second; unlimited until the first 429. */
    rate = Number.POSITIVE_INFINITY;
    window;
    inFlight = 0;
    nextSendAt = 0;
    pausedUntil = 0;
    lastDecreaseAt = Number.NEGATIVE_INFINITY;
    lastIncreaseAt;
    successes = [];
    /** Requests waiting for a slot, first come first served; each is handed its slot. */
    waiting = [];
    now;
    sleep;
    constructor(options) {
        this.options = options;
        this.window = Math.max(1, options.maxInFlight);
        this.now = options.now ?? (() => performance.now());
        this.sleep = options.sleep ?? retry/* sleep */.yy;
        this.lastIncreaseAt = this.now();
    }
    /**
     * Waits for a slot in the window, the end of any pause, and the request's turn in the pace.
     * An abort ends the wait at once, and a request that gives up never keeps a slot.
     */
    async acquire(signal) {
        signal?.throwIfAborted();
        if (this.inFlight < this.window && this.waiting.length === 0)
            this.inFlight++;
        else
            await this.queue(signal);
        // From here this request holds a slot: every way out frees it.
        try {
            signal?.throwIfAborted();
            for (;;) {
                const now = this.now();
                const at = Math.max(now, this.pausedUntil, this.nextSendAt);
                if (at <= now)
                    break;
                await this.sleep(at - now, signal);
                // A 429 may have moved the pause while this request slept: look again.
                if (this.now() >= Math.max(this.pausedUntil, this.nextSendAt))
                    break;
            }
            if (Number.isFinite(this.rate)) {
                this.nextSendAt = Math.max(this.now(), this.nextSendAt) + 1000 / this.rate;
            }
        }
        catch (error) {
            this.free();
            throw error;
        }
    }
    /**
     * Ends a request acquired before: `ok` when answered, `error` when it got no answer, or
     * `{ retryAfterMs }` when it was answered 429.
     */
    release(outcome) {
        const now = this.now();
        this.free();
        if (outcome === 'error')
            return;
        if (outcome !== 'ok') {
            this.pausedUntil = Math.max(this.pausedUntil, now + (outcome.retryAfterMs ?? 1000));
            // The 429s of one burst come together: decrease once for them.
            if (now - this.lastDecreaseAt > 1000) {
                this.lastDecreaseAt = now;
                const letThrough = this.successesSince(now - 1000);
                this.rate = Math.max(1, Math.min(this.rate, letThrough) * 0.9);
                this.window = Math.max(1, Math.floor(this.window / 2));
            }
            this.lastIncreaseAt = now;
            return;
        }
        this.successes.push(now);
        if (now - this.lastIncreaseAt >= 1000) {
            this.lastIncreaseAt = now;
            if (Number.isFinite(this.rate))
                this.rate += Math.max(1, this.rate * 0.05);
            this.window = Math.min(this.options.maxInFlight, this.window + 1);
            this.grant();
        }
    }
    /** The pace now, for logs: requests per second (Infinity before any 429). */
    get requestsPerSecond() {
        return this.rate;
    }
    /** Waits in line until `grant` hands this request a slot, or until `signal` aborts. */
    queue(signal) {
        return new Promise((resolve, reject) => {
            const onAbort = () => {
                const at = this.waiting.indexOf(granted);
                if (at >= 0)
                    this.waiting.splice(at, 1);
                reject(signal?.reason);
            };
            const granted = () => {
                signal?.removeEventListener('abort', onAbort);
                resolve();
            };
            this.waiting.push(granted);
            signal?.addEventListener('abort', onAbort, { once: true });
        });
    }
    free() {
        this.inFlight--;
        this.grant();
    }
    /** Hands free slots to waiting requests, counted as in flight from the moment they get them. */
    grant() {
        while (this.inFlight < this.window && this.waiting.length > 0) {
            this.inFlight++;
            this.waiting.shift()?.();
        }
    }
    successesSince(since) {
        while (this.successes.length > 0 && (this.successes[0] ?? 0) < since)
            this.successes.shift();
        return this.successes.length;
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: ./src/cxone/drain-guard.ts
var drain_guard = __webpack_require__(371);
// EXTERNAL MODULE: ./src/cxone/phases.ts
var phases = __webpack_require__(7489);
// EXTERNAL MODULE: ./src/cxone/transaction.ts + 1 modules
var transaction = __webpack_require__(560);
;// CONCATENATED MODULE: ./src/cxone/release.ts
/*
 * A release: several data actions promoted all or none (publishRelease), each by its own
 * transaction (transaction.ts), all paced by one rate controller; and the release checksum.
 */





/**
 * The checksum of a release: sha256 hex of one line `<dataActionId> <checksum>\n` per member,
 * sorted by data action id. It changes when any member's code changes, and not with order.
 */
function releaseChecksum(members) {
    const lines = members
        .map(m => `${m.dataActionId} ${m.checksum}\n`)
        .sort()
        .join('');
    return (0,external_node_crypto_.createHash)('sha256').update(lines, 'utf8').digest('hex');
}
/**
 * Promotes every member as one release: first every member is read and uploaded (nothing
 * live changes), then every member is published and verified. If any member fails, every
 * member whose publish was asked for is restored to what was live before (or unpublished
 * when nothing was), and each restoration is verified. Members already live with the same
 * checksum count as unchanged. Requests go through the client's shared rate controller.
 */
async function publishRelease(client, promotions, settings) {
    const release = new ReleaseRun(client, promotions, settings);
    const cancel = settings.cancel;
    // Every member's token wait and rollback listen to these: not a leak.
    (0,external_node_events_.setMaxListeners)(0, release.stop.signal);
    if (cancel)
        (0,external_node_events_.setMaxListeners)(0, cancel);
    const onCancel = () => release.stop.abort(cancel?.reason);
    cancel?.addEventListener('abort', onCancel, { once: true });
    try {
        return await (0,drain_guard/* settleOnDrain */.n)(release.promote(), async () => release.rescue());
    }
    finally {
        cancel?.removeEventListener('abort', onCancel);
    }
}
/** One release as it runs: its members' transactions, and what has become of each so far. */
class ReleaseRun {
    promotions;
    settings;
    /** Aborted by the first failure (or the cancellation): the other members stop. */
    stop = new AbortController();
    log;
    phases;
    started = performance.now();
    transactions;
    total;
    cancel;
    firstFailure;
    prepared = new Map();
    published = new Set();
    failed = new Map();
    ready = [];
    stalled = false;
    constructor(client, promotions, settings) {
        this.promotions = promotions;
        this.settings = settings;
        this.log = settings.log ?? (() => undefined);
        this.phases = new phases/* Phases */.V(this.log);
        // Members log only progress: a hundred members' every step would drown the log.
        this.transactions = promotions.map(p => new transaction/* VersionTransaction */.J(client, p, { ...settings, log: () => undefined }));
        this.total = this.transactions.length;
        this.cancel = settings.cancel;
    }
    /** Prepares every member, then publishes every member; a failure rolls back. */
    async promote() {
        const { log, phases, transactions, total, prepared, published, stop } = this;
        try {
            let done = 0;
            await phases.run('Prepare', () => this.forEach(transactions, async (tx) => {
                prepared.set(tx, await tx.prepare(stop.signal));
                done++;
                if (done === total || done % progressEvery(total) === 0) {
                    log(`${done}/${total} read and uploaded`);
                }
            }), () => `${total} read and uploaded; ${count(prepared, 'unchanged')} already live`);
        }
        catch {
            return this.finish('failed', true);
        }
        const ready = (this.ready = transactions.filter(tx => prepared.get(tx) === 'ready'));
        try {
            await phases.run('Publish', () => this.forEach(ready, async (tx) => {
                await tx.publish(stop.signal);
                published.add(tx);
                if (published.size === ready.length ||
                    published.size % progressEvery(ready.length) === 0) {
                    log(`${published.size}/${ready.length} published`);
                }
            }), () => `${ready.length} published and verified live`);
            return this.finish(ready.length === 0 ? 'unchanged' : 'published', false);
        }
        catch {
            return this.rollBack();
        }
    }
    /** The event loop drained with the release still pending: undo what was begun. */
    async rescue() {
        this.stalled = true;
        this.stop.abort();
        return this.ready.some(tx => tx.touched) ? this.rollBack() : this.finish('failed', true);
    }
    /** Runs `step` for each member; the first failure stops the others. */
    async forEach(members, step) {
        const { stop, cancel, failed } = this;
        await Promise.all(members.map(tx => step(tx).catch((error) => {
            const said = stop.signal.aborted && this.firstFailure
                ? 'stopped: another member failed'
                : (0,phases/* describeFailure */.I)(error);
            if (!this.firstFailure && !cancel?.aborted)
                this.firstFailure = { tx, error };
            failed.set(tx, cancel?.aborted ? 'the job was cancelled' : said);
            stop.abort(error);
        })));
        if (stop.signal.aborted)
            throw this.firstFailure?.error ?? cancel?.reason;
    }
    async rollBack() {
        const { log, phases } = this;
        const touched = this.ready.filter(tx => tx.touched);
        log(`Rolling back ${touched.length} member(s)`);
        const restorations = new Map();
        await phases
            .run('Rollback', async () => {
            await Promise.all(touched.map(async (tx) => restorations.set(tx, await tx.restore())));
            const broken = [...restorations.values()].filter(r => !r.rollback.verified).length;
            if (broken > 0)
                throw new Error(`${broken} of ${touched.length} restoration(s) did not complete`);
        }, () => `${touched.length} member(s) restored to what was live before (verified)`)
            .catch(() => undefined);
        const verified = [...restorations.values()].every(r => r.rollback.verified);
        return this.finish(verified ? 'rolled-back' : 'failed', false, restorations);
    }
    finish(result, beforePublish, restorations = new Map()) {
        const { cancel, firstFailure, prepared, published, failed } = this;
        const cause = this.stalled
            ? drain_guard/* STALLED */.i
            : cancel?.aborted
                ? 'the job was cancelled'
                : firstFailure
                    ? `${firstFailure.tx.promotion.payload.dataActionId}: ${(0,phases/* describeFailure */.I)(firstFailure.error)}`
                    : undefined;
        const members = this.transactions.map((tx) => {
            const { payload, checksum } = tx.promotion;
            const restored = restorations.get(tx);
            const memberResult = restored
                ? restored.rollback.verified
                    ? 'rolled-back'
                    : 'failed'
                : prepared.get(tx) === 'unchanged'
                    ? 'unchanged'
                    : published.has(tx)
                        ? 'published'
                        : tx === firstFailure?.tx
                            ? 'failed'
                            : 'not published';
            return {
                dataActionId: payload.dataActionId,
                versionId: payload.versionId,
                checksum,
                result: memberResult,
                ...(tx.previous ? { previous: tx.previous } : {}),
                ...(tx.movedFrom ? { movedFrom: tx.movedFrom } : {}),
                ...(failed.has(tx) ? { cause: failed.get(tx) } : {}),
                ...(restored ? restored : {}),
                ...(!restored && (published.has(tx) || prepared.get(tx) === 'unchanged')
                    ? { finalLive: payload.versionId }
                    : {})
            };
        });
        return {
            result,
            checksum: releaseChecksum(this.promotions.map(p => ({ dataActionId: p.payload.dataActionId, checksum: p.checksum }))),
            members,
            phases: this.phases.list,
            latencyMs: Math.round(performance.now() - this.started),
            ...(cause ? { cause: beforePublish ? `${cause} (nothing live was changed)` : cause } : {})
        };
    }
}
function count(map, value) {
    return [...map.values()].filter(v => v === value).length;
}
/** Progress lines: each member for small releases, about every tenth for large ones. */
function progressEvery(total) {
    return Math.max(1, Math.ceil(total / 10));
}

// EXTERNAL MODULE: ./src/http/deadline.ts
var deadline = __webpack_require__(2378);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/sandbox/sandbox.ts + 1 modules
var sandbox_sandbox = __webpack_require__(5692);
;// CONCATENATED MODULE: ./src/sandbox/pool.ts


/**
 * Children of one pool: each may reach SANDBOX_RSS_MB (plus what it allocates between two
 * looks of the watchdog) while the action itself holds ~100 MB; two keep it all under 1 GB
 * whatever the files do and however many cores the runner has.
 */
const MAX_CHILDREN = 2;
/**
 * Several sandbox children sharing a queue of files (the members of one release, which come
 * from one commit: sharing a child crosses no trust boundary). A child that was killed, or has
 * served its share, is replaced for the files still to come.
 */
class SandboxPool {
    size;
    idle = [];
    waiting = [];
    started = 0;
    disposed = false;
    constructor(size, first) {
        this.size = size;
        if (first) {
            this.idle.push(first);
            this.started = 1;
        }
    }
    async evaluate(code, filename, timeoutMs, signal) {
        const sandbox = await this.take(signal);
        try {
            return await sandbox.evaluate(code, filename, timeoutMs, signal);
        }
        finally {
            this.give(sandbox);
        }
    }
    dispose() {
        this.disposed = true;
        for (const sandbox of this.idle.splice(0))
            sandbox.dispose();
    }
    take(signal) {
        signal?.throwIfAborted();
        const ready = this.idle.pop();
        if (ready)
            return Promise.resolve(ready);
        if (this.started < this.size) {
            this.started++;
            return Promise.resolve(sandbox_sandbox/* Sandbox */.a.start());
        }
        return new Promise((resolve, reject) => {
            const onAbort = () => {
                const at = this.waiting.indexOf(waiter);
                if (at >= 0)
                    this.waiting.splice(at, 1);
                reject(signal?.reason);
            };
            const waiter = (sandbox) => {
                signal?.removeEventListener('abort', onAbort);
                resolve(sandbox);
            };
            this.waiting.push(waiter);
            signal?.addEventListener('abort', onAbort, { once: true });
        });
    }
    give(sandbox) {
        if (this.disposed)
            return sandbox.dispose();
        let next = sandbox;
        if (!sandbox.usable) {
            // Replaced only when a file is waiting; else take() starts one when one comes.
            sandbox.dispose();
            this.started--;
            next = undefined;
        }
        const waiter = this.waiting.shift();
        if (!waiter) {
            if (next)
                this.idle.push(next);
            return;
        }
        if (!next)
            this.started++;
        waiter(next ?? sandbox_sandbox/* Sandbox */.a.start());
    }
}
/** How many children a pool of this machine runs. */
function sandboxChildren() {
    return Math.max(1, Math.min((0,external_node_os_.availableParallelism)(), MAX_CHILDREN));
}

// EXTERNAL MODULE: ./src/validate/report.ts
var validate_report = __webpack_require__(8926);
// EXTERNAL MODULE: ./src/validate/validate.ts
var validate = __webpack_require__(9470);
;// CONCATENATED MODULE: ./src/release-validation.ts
/* A release's validation: all files read first, then all code evaluated by a sandbox pool. */






/**
 * Validates every member of a release: all files are read and parsed first, then the code is
 * evaluated by a pool of sandbox children under one budget for the whole release. A member
 * not evaluated when the budget runs out (or the job is cancelled) fails, named.
 */
async function validateMembers(config, members, prestarted, io, cancel) {
    // The budget covers reading and parsing the members' files as well as evaluating them.
    const { signal, clear } = (0,deadline/* deadline */.n)(config.validationTimeoutMs, cancel);
    // Every member waiting for a sandbox listens to it: not a leak.
    (0,external_node_events_.setMaxListeners)(0, signal);
    const policy = await (0,validate/* loadPolicy */.tb)(config, config.payload.targetEnvironment);
    const prepared = await prepareMembers(config, members, policy, signal);
    const pool = new SandboxPool(sandboxChildren(), prestarted);
    try {
        return await Promise.all(prepared.map(async (ready, i) => {
            const member = members[i];
            const notValidated = (base = {
                checks: [],
                problems: [],
                declaredNames: new Set(),
                rules: policy.rules,
                declared: [],
                dependencyMatrix: {}
            }) => {
                const why = cancel?.aborted
                    ? 'the job was cancelled'
                    : `the release's validation ran out of time (${constants/* Input */.pd.ValidationTimeoutMs}: ${config.validationTimeoutMs})`;
                return (0,validate_report/* finishValidation */.DP)({
                    ...base,
                    problems: [
                        ...base.problems,
                        { message: `${member.actionFile} was not validated: ${why}` }
                    ]
                });
            };
            const file = ready?.actionFile;
            let report;
            if (!ready) {
                report = notValidated();
            }
            else if (!file) {
                report = (0,validate_report/* finishValidation */.DP)(ready);
            }
            else {
                try {
                    const evaluated = await pool.evaluate(file.text, file.path, config.sandboxTimeoutMs, signal);
                    report = (0,validate_report/* finishValidation */.DP)(ready, evaluated, config.sandboxTimeoutMs);
                }
                catch {
                    report = notValidated(ready);
                }
            }
            io.log(`${report.problems.length === 0 ? 'pass' : 'fail'}    ${member.dataActionId} (${member.actionFile})`);
            return report;
        }));
    }
    finally {
        clear();
        pool.dispose();
    }
}
/**
 * Reads and parses the members' files, one member after another, while the budget lasts: a
 * member not reached by then is undefined.
 */
async function prepareMembers(config, members, policy, signal) {
    const files = new validate/* ValidationFiles */.Tp(validate/* MAX_RELEASE_CODE_BYTES */.jR);
    const prepared = [];
    for (const member of members) {
        prepared.push(signal.aborted
            ? undefined
            : await (0,validate/* prepareValidation */.N5)(config, {
                actionFile: member.actionFile,
                namedBy: constants/* Input */.pd.ReleaseManifest,
                payload: {
                    dataActionId: member.dataActionId,
                    versionId: member.versionId,
                    targetEnvironment: config.payload.targetEnvironment
                },
                ...(member.dependencyManifest
                    ? { dependencyManifest: member.dependencyManifest }
                    : {})
            }, policy, files));
    }
    return prepared;
}

// EXTERNAL MODULE: ./src/run-common.ts
var run_common = __webpack_require__(1690);
// EXTERNAL MODULE: ./src/zod.ts
var zod = __webpack_require__(6778);
// EXTERNAL MODULE: ./src/payload.ts
var payload = __webpack_require__(41);
// EXTERNAL MODULE: ./src/validate/structured-file.ts + 1 modules
var structured_file = __webpack_require__(6115);
;// CONCATENATED MODULE: ./src/validate/release-manifest.ts





const MemberSchema = zod/* strictObject */.rej({
    dataActionId: payload/* DataActionIdSchema */.vJ,
    actionFile: zod/* string */.YjP().check(zod/* minLength */.BpQ(1, { error: 'expected a path' })),
    versionId: zod/* optional */.lqM(payload/* VersionIdSchema */.Fy),
    dependencyManifest: zod/* optional */.lqM(zod/* string */.YjP().check(zod/* minLength */.BpQ(1, { error: 'expected a path' })))
});
const MembersSchema = zod/* array */.YOg(MemberSchema)
    .check(zod/* minLength */.BpQ(1, { error: 'a release needs at least one data action' }));
// Strict: a misspelt key would silently drop a setting from a production release.
const ReleaseSchema = zod/* strictObject */.rej({
    versionId: zod/* optional */.lqM(payload/* VersionIdSchema */.Fy),
    dependencyManifest: zod/* optional */.lqM(zod/* string */.YjP().check(zod/* minLength */.BpQ(1, { error: 'expected a path' }))),
    dataActions: MembersSchema
});
/**
 * Reads a release manifest: a list of `{dataActionId, actionFile, versionId?,
 * dependencyManifest?}`, or `{versionId?, dependencyManifest?, dataActions: [...]}` whose
 * top-level values are the members' defaults. Each member's version is its own, else the
 * shared one, else `defaultVersionId` (the version-id input or the tag). A data action named
 * twice, an unknown key or (when `versionRequired`: validate mode publishes nothing) a member
 * without a version is an error at its line.
 */
async function parseReleaseManifest(file, defaultVersionId, versionRequired = true) {
    const doc = await (0,structured_file/* parseStructuredFile */.b)(file);
    const listed = Array.isArray(doc.data);
    const release = listed ? { dataActions: doc.check(MembersSchema) } : doc.check(ReleaseSchema);
    const base = listed ? [] : ['dataActions'];
    const problems = [];
    const at = (path, message) => {
        const line = doc.lineOf([...base, ...path]);
        problems.push({
            message: `Input '${constants/* Input */.pd.ReleaseManifest}': ${file.path}${(0,structured_file/* pathText */.L)([...base, ...path])}: ${message}`,
            location: { file: file.path, ...(line ? { line } : {}) }
        });
    };
    const seen = new Map();
    const members = [];
    release.dataActions.forEach((member, index) => {
        const first = seen.get(member.dataActionId);
        if (first !== undefined) {
            at([index, 'dataActionId'], `${member.dataActionId} is already in the release (entry ${first + 1})`);
        }
        seen.set(member.dataActionId, index);
        const versionId = member.versionId ??
            ('versionId' in release ? release.versionId : undefined) ??
            defaultVersionId;
        if (!versionId && versionRequired) {
            at([index], 'no versionId: give one here, a shared versionId, or the version-id input (or a tag)');
        }
        const dependencyManifest = member.dependencyManifest ??
            ('dependencyManifest' in release ? release.dependencyManifest : undefined);
        const line = doc.lineOf([...base, index]);
        members.push({
            dataActionId: member.dataActionId,
            actionFile: member.actionFile,
            versionId,
            ...(dependencyManifest ? { dependencyManifest } : {}),
            ...(line ? { line } : {})
        });
    });
    if (problems.length > 0)
        throw new errors/* ProblemsError */.FQ(problems);
    return members;
}

// EXTERNAL MODULE: ./src/validate/workspace-file.ts
var workspace_file = __webpack_require__(1018);
;// CONCATENATED MODULE: ./src/release-run.ts
/* The release run: one of the two runs promotion.ts dispatches to (single-run.ts). */









/**
 * A release: every member validated (in parallel, bounded by the cores), and only when all
 * pass, promoted together, all or none, under one rate controller.
 */
async function runRelease(config, manifestPath, base, prestarted, io, cancel) {
    const validateStarted = performance.now();
    let members;
    try {
        members = await readMembers(config, manifestPath);
    }
    catch (error) {
        prestarted.dispose();
        const problems = (0,errors/* problemsOf */.GW)(error);
        return (0,run_common/* failedReport */.kS)(base, problems, `The release manifest ${manifestPath} has ${problems.length} problem(s).`, Math.round(performance.now() - validateStarted));
    }
    const reports = await io.group(`Validate ${members.length} data actions`, () => validateMembers(config, members, prestarted, io, cancel));
    const validation = releaseValidation(members, reports);
    const validated = {
        ...base,
        members,
        validation,
        validateMs: Math.round(performance.now() - validateStarted)
    };
    const { checks, problems } = validation;
    const failing = checks.filter(c => c.status === 'fail').length;
    if (problems.length > 0 || config.mode === 'validate') {
        return {
            ...validated,
            result: problems.length > 0 ? 'failed' : 'validated',
            headline: problems.length > 0
                ? `${failing} of ${members.length} data actions failed validation; nothing was sent to CXone.`
                : `All ${members.length} data actions of the release passed every check.`,
            problems,
            finishedAt: (0,run_common/* now */.tB)()
        };
    }
    return promoteRelease(config, validated, reports, io, cancel);
}
/** The release manifest's members, read and checked. */
async function readMembers(config, manifestPath) {
    const file = await (0,workspace_file/* readWorkspaceFile */.s)(config.workspace, manifestPath, {
        input: constants/* Input */.pd.ReleaseManifest,
        maxBytes: validate/* MAX_STRUCTURED_FILE_BYTES */.Mn
    });
    return parseReleaseManifest(file, config.payload.versionId, config.mode !== 'validate');
}
/** The members' reports as one: a check row per member, each problem named by its member. */
function releaseValidation(members, reports) {
    const checks = members.map((member, i) => {
        const report = reports[i];
        const problems = report?.problems ?? [];
        return {
            name: `${member.dataActionId} ${member.versionId}`,
            status: problems.length === 0 ? 'pass' : 'fail',
            detail: problems.length === 0
                ? `${member.actionFile}: every check passed`
                : problems.map(p => p.message).join('; ')
        };
    });
    const problems = members.flatMap((member, i) => (reports[i]?.problems ?? []).map(p => ({
        ...p,
        message: `[${member.dataActionId}] ${p.message}`
    })));
    return (0,run_common/* aggregate */.QD)(checks, problems);
}
/**
 * Publish mode, once every member passed every check: all promoted together, all or none, by
 * one CXone client under one rate controller.
 */
async function promoteRelease(config, validated, reports, io, cancel) {
    const { cxone } = config;
    if (!cxone)
        throw new Error('publish mode without CXone settings');
    const promotions = reports.map(run_common/* promotionOf */.bi);
    await io.writeAhead?.(promotions);
    const rate = new RateController({ maxInFlight: config.concurrency });
    const client = await (0,run_common/* createClient */.UU)(cxone, io, rate);
    try {
        const release = await io.group(`Publish ${validated.members.length} data actions`, () => publishRelease(client, promotions, (0,run_common/* publishSettings */.nR)(cxone, io, cancel)));
        const failed = release.result === 'rolled-back' || release.result === 'failed';
        return {
            ...validated,
            ...client.stats,
            release,
            result: release.result,
            headline: releaseHeadline(release),
            problems: failed ? [{ message: releaseFailure(release) }] : [],
            warnings: release.members.flatMap(m => m.result === 'published' && m.movedFrom
                ? [
                    `${m.dataActionId}: ${(0,run_common/* movedWarning */.MT)(m.versionId, m.movedFrom, config.payload.targetEnvironment)}`
                ]
                : []),
            finishedAt: (0,run_common/* now */.tB)()
        };
    }
    finally {
        client.dispose();
    }
}
function releaseHeadline(release) {
    const n = release.members.length;
    const count = (result) => release.members.filter(m => m.result === result).length;
    switch (release.result) {
        case 'published':
            return `Released ${n} data actions: ${count('published')} published and verified live, ${count('unchanged')} unchanged, in ${release.latencyMs} ms.`;
        case 'unchanged':
            return `Released ${n} data actions: all were already live with this code; nothing to do.`;
        case 'rolled-back':
            return `The release of ${n} data actions failed and was rolled back: every member is back to what was live before (verified).`;
        default:
            return `The release of ${n} data actions failed: ${release.cause ?? ''}`;
    }
}
function releaseFailure(release) {
    const cause = `The release failed: ${release.cause ?? 'unknown cause'}.`;
    // Restored and verified, but a publish that got no answer may still land after the read.
    const landing = release.members.filter(m => m.rollback?.mayStillLand);
    const late = landing.length > 0
        ? [
            `The publish of ${landing.map(m => `${m.versionId} of ${m.dataActionId}`).join(', ')} got no answer: should CXone still carry it out, it goes live unverified (check with mode: plan).`
        ]
        : [];
    if (release.result === 'rolled-back') {
        const restored = release.members.filter(m => m.rollback?.verified).length;
        return [
            `${cause} Rolled back: ${restored} member(s) restored to what was live before (verified).`,
            ...late
        ].join(' ');
    }
    const superseded = release.members.filter(m => m.supersededBy);
    const broken = release.members.filter(m => m.rollback && !m.rollback.verified && !m.supersededBy);
    return [
        cause,
        ...(superseded.length > 0
            ? [
                `NOT ROLLED BACK, another run's version is live for ${superseded
                    .map(m => `${m.dataActionId} (${m.supersededBy ?? ''})`)
                    .join(', ')}: left as it is.`
            ]
            : []),
        ...(broken.length > 0
            ? [
                `ROLLBACK INCOMPLETE for ${broken.map(m => m.dataActionId).join(', ')}: ${broken
                    .map(m => `${m.dataActionId}: ${m.rollback?.detail ?? ''} To fix by hand: ${m.manualFix ?? ''}`)
                    .join(' | ')}`
            ]
            : []),
        ...late
    ].join(' ');
}


/***/ })

};

//# sourceMappingURL=704.index.js.map