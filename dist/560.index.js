export const id = 560;
export const ids = [560];
export const modules = {

/***/ 7489:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ describeFailure),
/* harmony export */   V: () => (/* binding */ Phases)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** Times named steps, logs each outcome once, and keeps them in order. */
class Phases {
    log;
    list = [];
    constructor(log = () => undefined) {
        this.log = log;
    }
    /** Runs `fn` as phase `name`; `detail` says what it found. Failures are recorded and rethrown. */
    async run(name, fn, detail) {
        const started = performance.now();
        const finish = (ok, said) => {
            this.list.push({
                name,
                ok,
                durationMs: Math.round(performance.now() - started),
                detail: said
            });
            this.log(ok ? `${name}: ${said}` : `${name} failed: ${said}`);
        };
        try {
            const value = await fn();
            finish(true, detail(value));
            return value;
        }
        catch (error) {
            finish(false, describeFailure(error));
            throw error;
        }
    }
    /** Records a step timed elsewhere (validation). */
    add(phase) {
        this.list.push(phase);
    }
    get last() {
        return this.list.at(-1);
    }
}
/** A failure in words; a deadline's abort is not a stack of DOMException text. */
function describeFailure(error) {
    if (error instanceof DOMException && error.name === 'TimeoutError')
        return 'its deadline passed';
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error);
}


/***/ }),

/***/ 560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  J: () => (/* binding */ VersionTransaction)
});

// EXTERNAL MODULE: ./src/cancellation.ts
var cancellation = __webpack_require__(4632);
// EXTERNAL MODULE: ./src/http/deadline.ts
var deadline = __webpack_require__(2378);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/cxone/phases.ts
var phases = __webpack_require__(7489);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(8902);
;// CONCATENATED MODULE: ./src/cxone/live-state.ts


const POLL_FIRST_MS = 100;
const POLL_MAX_MS = 2_000;
/**
 * What is live for one data action, as the transaction reads it: once no publish is in
 * progress, as a `publishing` version settles, and checked against what was sent.
 */
class LiveState {
    client;
    id;
    env;
    sleep;
    constructor(client, id, env, sleep) {
        this.client = client;
        this.id = id;
        this.env = env;
        this.sleep = sleep;
    }
    /**
     * What is live in the environment once no publish is in progress there, waiting (polling)
     * until `until` at most (read at each wait: a cancellation moves it); `waitedFor` names the
     * version that was publishing.
     */
    async settledState(until, call, env = this.env) {
        let waitedFor;
        for (let wait = POLL_FIRST_MS;; wait = Math.min(POLL_MAX_MS, wait * 2)) {
            const { live, publishing } = await this.client.environmentState(this.id, env, call);
            if (!publishing)
                return { ...(live ? { live } : {}), ...(waitedFor ? { waitedFor } : {}) };
            waitedFor = publishing.versionId;
            const left = until.at() - Date.now();
            if (left <= 0) {
                throw new errors/* ActionError */.lZ(`version ${publishing.versionId} was still publishing in ${env} when the deadline passed (another promotion in progress?)`);
            }
            await (0,retry/* waitWithin */.rE)(Math.min(wait, left), until, this.sleep, call.signal);
        }
    }
    /** Polls a `publishing` version until it is published or failed, within the deadline. */
    async settle(version, until, call) {
        let current = version;
        for (let wait = POLL_FIRST_MS; current.status === 'publishing'; wait = Math.min(POLL_MAX_MS, wait * 2)) {
            const left = until.at() - Date.now();
            if (left <= 0) {
                throw new errors/* ActionError */.lZ(`version ${current.versionId} was still publishing when the publish deadline passed`);
            }
            await (0,retry/* waitWithin */.rE)(Math.min(wait, left), until, this.sleep, call.signal);
            current = await this.client.getVersion(this.id, current.versionId, call);
        }
        if (current.status === 'failed')
            throw new errors/* ActionError */.lZ(`CXone reported the publish of ${current.versionId} as failed`);
        return current;
    }
    expectLive(version, checksum, env = this.env) {
        const wrong = [
            version.published ? '' : `published is ${version.published}`,
            version.environment === env ? '' : `environment is ${version.environment}`,
            version.checksum === checksum ? '' : `checksum is ${version.checksum}, expected ${checksum}`
        ].filter(Boolean);
        if (wrong.length > 0) {
            throw new errors/* ActionError */.lZ(`version ${version.versionId} does not read back live in ${env}: ${wrong.join(', ')}`);
        }
        return version;
    }
}

;// CONCATENATED MODULE: ./src/cxone/transaction.ts






/** Of a rollback's budget, what its last attempt keeps for its answer (a fifth at most). */
const LAST_ANSWER_MS = 1_000;
/**
 * One data action's promotion, in the steps a single publish and a release both drive:
 * `prepare` (read live, upload: nothing live changes), `publish` (publish, wait, verify) and,
 * after a failure, `restore` (the previous version again, or none, verified).
 */
class VersionTransaction {
    client;
    promotion;
    settings;
    /** The version live before, once read. */
    previous;
    /**
     * The other environment this version was live in before: publishing it here moves it out of
     * there, and a rollback puts it back.
     */
    movedFrom;
    /** Set when the publish was asked for: from then on a failure must be rolled back. */
    touched = false;
    /** A publish PATCH went out and its answer never came: CXone may still carry it out. */
    unanswered = false;
    /** A publish PATCH was sent again after one that got no answer: that one may land later. */
    resentAfterLost = false;
    phases;
    state;
    restoration;
    constructor(client, promotion, settings) {
        this.client = client;
        this.promotion = promotion;
        this.settings = settings;
        this.phases = new phases/* Phases */.V(settings.log);
        this.state = new LiveState(client, promotion.payload.dataActionId, promotion.payload.targetEnvironment, settings.sleep ?? retry/* sleep */.yy);
    }
    get id() {
        return this.promotion.payload.dataActionId;
    }
    get versionId() {
        return this.promotion.payload.versionId;
    }
    get env() {
        return this.promotion.payload.targetEnvironment;
    }
    /**
     * Reads what is live (once no publish is in progress there: a version caught publishing is
     * no baseline) and uploads; `unchanged` when this exact version is already live.
     */
    async prepare(signal) {
        const { id, versionId, env, promotion } = this;
        const call = signal ? { signal } : {};
        const { live: previous } = await this.phases.run('Read live', () => this.state.settledState((0,retry/* fixedDeadline */.FI)(Date.now() + this.settings.publishTimeoutMs), call), ({ live, waitedFor }) => `${live ? `${live.versionId} is live in ${env}` : `nothing is live in ${env}`}${waitedFor ? ` (once ${waitedFor} had finished publishing)` : ''}`);
        if (previous)
            this.previous = previous;
        const uploaded = await this.phases.run('Upload', () => this.client.upload({
            dataActionId: id,
            versionId,
            targetEnvironment: env,
            checksum: promotion.checksum,
            dependencyMatrix: promotion.dependencyMatrix,
            actionCode: promotion.actionCode
        }, call), u => u.created ? `created ${versionId}` : `${versionId} was already uploaded with this checksum`);
        // A version is live in one environment: publishing it here takes it out of the other.
        const { version } = uploaded;
        if (version.published && version.environment && version.environment !== env) {
            this.movedFrom = version.environment;
        }
        return previous?.versionId === versionId && previous.checksum === promotion.checksum
            ? 'unchanged'
            : 'ready';
    }
    /** Publishes, waits until live (polling a 202) within the deadline, and verifies. */
    async publish(signal) {
        const { id, versionId, env, promotion } = this;
        const call = signal ? { signal } : {};
        const deadline = (0,retry/* fixedDeadline */.FI)(Date.now() + this.settings.publishTimeoutMs);
        // Touched once the PATCH may have reached CXone; unanswered once any attempt's answer did
        // not come (a later answer does not say whether that one will still land).
        const onSend = () => {
            if (this.unanswered)
                this.resentAfterLost = true;
            this.touched = true;
        };
        const sent = { ...call, onSend, onLost: () => (this.unanswered = true) };
        await this.phases.run('Publish', async () => {
            const answer = await this.client.publish(id, versionId, env, promotion.checksum, sent);
            return this.state.settle(answer, deadline, call);
        }, v => `${v.versionId} is ${v.status}`);
        await this.phases.run('Verify', async () => this.state.expectLive(await this.client.getVersion(id, versionId, call), promotion.checksum), () => `${versionId} reads back live in ${env} with checksum ${promotion.checksum.slice(0, 12)}…`);
    }
    /**
     * Puts back what was live before, within its own budget (retries and lock waits included),
     * but only over what this run did: it first waits out any publish in progress and reads
     * what is live. This run's version live: the previous one is published again (or, when none
     * was, this one unpublished). The previous one, or nothing when nothing was, still live:
     * nothing to do. Another run's version live: left as it is, and said. Then what is live is
     * read once more and reported. A rollback that cannot finish says what CXone reports and
     * how to fix it by hand.
     */
    restore() {
        // Once: a rescue after a stall may ask again while the first is still going.
        this.restoration ??= this.restoreOnce();
        return this.restoration;
    }
    async restoreOnce() {
        const { versionId } = this;
        // The rollback's own budget is the publish's deadline (a cancellation shortens it).
        const { publishTimeoutMs: budgetMs, cancel } = this.settings;
        const budget = (0,deadline/* deadline */.n)(budgetMs);
        // Retries and waits end a little before the hard stop, a cancelled one's included: the last
        // attempt gets its answer.
        const beforeEnd = () => budget.end - Math.min(LAST_ANSWER_MS, (budget.end - Date.now()) / 5);
        let waitsEnd = beforeEnd();
        const moved = new AbortController();
        const until = { at: () => waitsEnd, moved: moved.signal };
        // A cancellation, before or during the rollback, brings its end to a fixed time after the
        // runner's SIGINT, whatever the budget was: the process is killed 10 s after it. A wait
        // under way then wakes at the new end of waits, for one last attempt.
        const onCancel = () => {
            budget.endBy(cancelledAt(cancel) + (this.settings.cancelRestoreMs ?? CANCELLED_ROLLBACK_MS));
            waitsEnd = Math.min(waitsEnd, beforeEnd());
            moved.abort();
        };
        if (cancel?.aborted)
            onCancel();
        else
            cancel?.addEventListener('abort', onCancel, { once: true });
        // Its own PATCHes get no grace past its deadline: the deadline is the rollback's whole time.
        const call = { signal: budget.signal, persistUntil: until, grace: false };
        const target = this.previous;
        const action = target ? 'restore' : 'unpublish';
        const targetId = target?.versionId ?? versionId;
        const rollback = (verified, detail) => ({
            action,
            versionId: targetId,
            verified,
            detail
        });
        try {
            const outcome = await this.phases.run('Rollback', async () => this.rollBack(target, until, call), result => this.rolledBack(result, target));
            const detail = this.phases.last?.detail ?? '';
            if ('other' in outcome) {
                return {
                    rollback: rollback(false, detail),
                    finalLive: outcome.other,
                    supersededBy: outcome.other
                };
            }
            const verified = {
                ...rollback(true, detail),
                ...(outcome.mayLand && { mayStillLand: true })
            };
            return { rollback: verified, finalLive: target?.versionId ?? null };
        }
        catch (error) {
            return this.incomplete(error, target, rollback, cancel);
        }
        finally {
            budget.clear();
            cancel?.removeEventListener('abort', onCancel);
        }
    }
    /**
     * The rollback's steps, once no publish is in progress: `target` (the previous version) live
     * again, or nothing when none was, verified, and this version put back where this run's
     * publish took it out of. Another run's version found live is left, and named.
     */
    async rollBack(target, until, call) {
        const { id, versionId, env } = this;
        const { live } = await this.state.settledState(until, call);
        const other = this.otherRunsVersion(live);
        if (other)
            return { other };
        // What is live now is this run's version, or the previous one, or nothing.
        const acted = target ? live?.versionId !== target.versionId : live !== undefined;
        if (acted && target) {
            await this.state.settle(await this.client.publish(id, target.versionId, env, target.checksum, call), until, call);
        }
        else if (acted) {
            await this.client.unpublish(id, versionId, env, call);
        }
        const after = (await this.state.settledState(until, call)).live;
        const raced = this.otherRunsVersion(after);
        if (raced)
            return { other: raced };
        if ((after?.versionId ?? null) !== (target?.versionId ?? null)) {
            throw new errors/* ActionError */.lZ(`${after?.versionId ?? 'nothing'} is live in ${env}, expected ${target?.versionId ?? 'nothing'}`);
        }
        if (target && after)
            this.state.expectLive(after, target.checksum);
        if (this.movedFrom)
            await this.putBack(this.movedFrom, until, call);
        // Not when it found this version live and no PATCH went after the lost one: that one landed.
        const landed = live?.versionId === versionId && !this.resentAfterLost;
        return { acted, mayLand: this.unanswered && !landed };
    }
    /** The Rollback phase's detail: what the rollback found and did. */
    rolledBack(result, target) {
        const { versionId, env } = this;
        if ('other' in result) {
            return `${result.other} is live in ${env}: another run published it after this one began; left as it is`;
        }
        const back = this.movedFrom
            ? `; ${versionId} is live again in ${this.movedFrom} (verified)`
            : '';
        const late = result.mayLand
            ? `; the publish of ${versionId} got no answer: should CXone still carry it out, ${versionId} goes live unverified (check with mode: plan)`
            : '';
        return target
            ? `${target.versionId} is ${result.acted ? 'live again' : 'still live'} in ${env} (verified)${back}${late}`
            : `nothing is live in ${env}, as before (verified)${back}${late}`;
    }
    /** A rollback that did not complete: what CXone reports now, and the fix by hand. */
    async incomplete(error, target, rollback, cancel) {
        const { id, versionId, env } = this;
        const state = await this.readState(cancel?.aborted ? CANCELLED_READ_MS : READ_STATE_MS);
        const fix = target
            ? this.client.publishCommand(id, target.versionId, env, target.checksum)
            : this.client.unpublishCommand(id, versionId, env);
        return {
            rollback: rollback(false, `the rollback did not complete: ${(0,phases/* describeFailure */.I)(error)}. ${state.said}`),
            ...(state.live !== undefined ? { finalLive: state.live } : {}),
            manualFix: fix
        };
    }
    /** A live version that neither this run nor the one before it put there: another run's. */
    otherRunsVersion(live) {
        if (!live || live.versionId === this.versionId)
            return undefined;
        return live.versionId === this.previous?.versionId ? undefined : live.versionId;
    }
    /**
     * Publishes this version again in the environment this run's publish took it out of, unless
     * another run has put a version there since (that one is left, and said).
     */
    async putBack(from, until, call) {
        const { id, versionId, promotion } = this;
        const { live } = await this.state.settledState(until, call, from);
        if (live?.versionId === versionId)
            return;
        if (live) {
            throw new errors/* ActionError */.lZ(`${live.versionId} is live in ${from} now (another run's): ${versionId}, which this run moved out of ${from}, was not put back there`);
        }
        const published = await this.state.settle(await this.client.publish(id, versionId, from, promotion.checksum, call), until, call);
        this.state.expectLive(published.status === 'published'
            ? await this.client.getVersion(id, versionId, call)
            : published, promotion.checksum, from);
    }
    /** Best effort, after a failed rollback: what CXone says is live now. */
    async readState(withinMs) {
        try {
            const { signal, clear } = (0,deadline/* deadline */.n)(withinMs);
            const live = await this.client.liveVersion(this.id, this.env, { signal }).finally(clear);
            return {
                live: live?.versionId ?? null,
                said: `CXone now reports ${live ? `${live.versionId} (checksum ${live.checksum})` : 'nothing'} live in ${this.env}`
            };
        }
        catch (error) {
            return { said: `the live state could not be read either (${(0,phases/* describeFailure */.I)(error)})` };
        }
    }
}
/**
 * After the runner's SIGINT: the rollback ends within this, and reading the final state
 * within the next; the result and evidence then fit before the kill 10 s after the SIGINT.
 */
const CANCELLED_ROLLBACK_MS = 5_000;
const CANCELLED_READ_MS = 1_500;
const READ_STATE_MS = 3_000;
/** When the job was cancelled (epoch ms): the CancelledError says, else now. */
function cancelledAt(cancel) {
    const reason = cancel?.reason;
    return reason instanceof cancellation/* CancelledError */.c ? reason.at : Date.now();
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


/***/ })

};

//# sourceMappingURL=560.index.js.map