export const id = 928;
export const ids = [928];
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

/***/ 8928:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planVersion: () => (/* binding */ planVersion)
});

// EXTERNAL MODULE: ./src/validate/manifest.ts
var manifest = __webpack_require__(913);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/cxone/git-history.ts



const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
async function git(workspace, args) {
    const { stdout } = await run('git', ['-C', workspace, ...args], {
        encoding: 'buffer',
        maxBuffer: 64 * 1024 * 1024
    });
    return stdout;
}
/**
 * Compares `checksum` with the file at tag `tag` in the checkout. A missing tag, or other
 * code at the tag, is drift (someone changed CXone by hand); a checkout without git history
 * or without any tags cannot tell, and says so.
 */
async function checkReleasedAs(workspace, tag, filePath, checksum) {
    try {
        await git(workspace, ['rev-parse', '--is-inside-work-tree']);
    }
    catch {
        return {
            state: 'unknown',
            detail: 'drift could not be checked: the workspace is not a git checkout'
        };
    }
    const tags = (await git(workspace, ['tag', '--list'])).toString('utf8').trim();
    if (tags === '') {
        return {
            state: 'unknown',
            detail: 'drift could not be checked: the checkout has no tags (check out with fetch-depth: 0)'
        };
    }
    // refs/tags/… so that no version id can be read as an option.
    const ref = `refs/tags/${tag}`;
    try {
        await git(workspace, ['rev-parse', '--quiet', '--verify', `${ref}^{commit}`]);
    }
    catch {
        return {
            state: 'drift',
            detail: `the live version ${tag} has no matching git tag here: it was not released from this repository`
        };
    }
    let code;
    try {
        code = await git(workspace, ['show', `${ref}:./${filePath}`]);
    }
    catch {
        return { state: 'drift', detail: `${filePath} did not exist at tag ${tag}` };
    }
    const atTag = (0,external_node_crypto_.createHash)('sha256').update(code).digest('hex');
    if (atTag !== checksum) {
        return {
            state: 'drift',
            detail: `the live ${tag} has checksum ${checksum}, but ${filePath} at tag ${tag} has ${atTag}: production was changed by hand`
        };
    }
    return { state: 'match', detail: `the live ${tag} is ${filePath} at tag ${tag}` };
}

// EXTERNAL MODULE: ./src/cxone/phases.ts
var cxone_phases = __webpack_require__(7489);
;// CONCATENATED MODULE: ./src/cxone/plan.ts



/**
 * Reads what is live (no writes: only GET requests after the token) and says what a
 * publish would change, whether production drifted from the repository, and how the
 * dependencies differ from the live version's.
 */
async function planVersion(client, promotion, checkout, log = () => undefined) {
    const { dataActionId: id, versionId, targetEnvironment: env } = promotion.payload;
    const phases = new cxone_phases/* Phases */.V(log);
    const live = await phases.run('Read live', () => client.liveVersion(id, env), v => (v ? `${v.versionId} is live in ${env}` : `nothing is live in ${env}`));
    const existing = await phases.run('Read version', () => client.findVersion(id, versionId), v => (v ? `${versionId} exists (${v.status})` : `${versionId} does not exist yet`));
    const change = !existing
        ? 'new version'
        : existing.checksum !== promotion.checksum
            ? 'conflict'
            : live?.versionId === versionId
                ? 'unchanged'
                : 'publish uploaded version';
    const drift = live
        ? await phases.run('Drift', () => checkReleasedAs(checkout.workspace, live.versionId, checkout.actionFile, live.checksum), check => check.detail)
        : { state: 'none', detail: `nothing is live in ${env}` };
    return {
        change,
        ...(live ? { live } : {}),
        ...(existing ? { existing } : {}),
        drift,
        dependencyChanges: (0,manifest/* dependencyChanges */.tc)(live?.dependencyMatrix ?? {}, promotion.dependencyMatrix),
        phases: phases.list
    };
}


/***/ })

};

//# sourceMappingURL=928.index.js.map