export const id = 719;
export const ids = [719];
export const modules = {

/***/ 7719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
;// CONCATENATED MODULE: ./src/constants.ts
/** Input names, exactly as action.yml declares them. */
const Input = {
    Mode: 'mode',
    ActionFile: 'action-file',
    DataActionId: 'data-action-id',
    VersionId: 'version-id',
    TargetEnvironment: 'target-environment',
    DependencyManifest: 'dependency-manifest',
    DependencyPolicy: 'dependency-policy',
    SandboxTimeoutMs: 'sandbox-timeout-ms',
    MaxActionFileBytes: 'max-action-file-bytes'
};
/** Output names, exactly as action.yml declares them. */
const Output = {
    Result: 'result',
    Checksum: 'checksum',
    VersionId: 'version-id'
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

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
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
const InputsSchema = schemas/* object */.Ikc({
    [Input.Mode]: schemas/* enum */.k5n(MODES, {
        error: issue => `expected one of ${MODES.join(', ')}, got '${String(issue.input)}'`
    }),
    [Input.ActionFile]: schemas/* string */.YjP().trim().min(1, { error: 'is required' }),
    [Input.DependencyManifest]: optionalPath,
    [Input.DependencyPolicy]: optionalPath,
    [Input.SandboxTimeoutMs]: integer(50, 600_000),
    [Input.MaxActionFileBytes]: integer(1, 64 * 1024 * 1024)
});
const DEFAULTS = {
    [Input.Mode]: 'publish',
    [Input.TargetEnvironment]: 'sandbox',
    [Input.SandboxTimeoutMs]: '3000',
    [Input.MaxActionFileBytes]: String(5 * 1024 * 1024)
};
/**
 * Parses every input at once; all problems are reported together, each naming its input.
 * `env` supplies the runner's context (`GITHUB_WORKSPACE`, `GITHUB_REF`).
 */
function readConfig(read, env) {
    const raw = (name) => read(name).trim() || (DEFAULTS[name] ?? '');
    const names = Object.keys(InputsSchema.shape);
    const parsed = InputsSchema.safeParse(Object.fromEntries(names.map(name => [name, raw(name)])));
    if (!parsed.success) {
        throw new ProblemsError(parsed.error.issues.map(issue => {
            const error = new InputError(String(issue.path[0]), issue.message);
            return { message: error.message };
        }));
    }
    const inputs = parsed.data;
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
        maxActionFileBytes: inputs[Input.MaxActionFileBytes]
    };
}
/** `refs/tags/v2.1.0` → `v2.1.0`; any other ref → ''. */
function tagOf(ref) {
    return ref?.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : '';
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
    let summary;
    try {
        const config = readConfig(name => core/* getInput */.V4(name), env);
        if (config.mode !== 'validate') {
            throw new ActionError(`Input 'mode': '${config.mode}' is not available in this version`);
        }
        const validation = await core/* group */.Os('Validate', async () => {
            const report = await validate(config, sandbox);
            for (const check of report.checks)
                core/* info */.pq(`${check.status.padEnd(7)} ${check.name}: ${check.detail}`);
            return report;
        });
        if (validation.actionFile)
            core/* setOutput */.uH(Output.Checksum, validation.actionFile.sha256);
        core/* setOutput */.uH(Output.VersionId, config.payload.versionId);
        const failed = validation.problems.length > 0;
        core/* setOutput */.uH(Output.Result, failed ? 'failed' : 'validated');
        summary = {
            result: failed ? 'failed' : 'validated',
            headline: failed
                ? `Validation found ${validation.problems.length} problem(s) in ${config.actionFile}.`
                : `${config.actionFile} passed every check.`,
            validation
        };
        if (failed)
            fail(validation.problems);
    }
    catch (error) {
        core/* setOutput */.uH(Output.Result, 'failed');
        fail(problemsOf(error));
    }
    finally {
        sandbox.dispose();
        if (summary && env.GITHUB_STEP_SUMMARY) {
            await core/* summary */.z.addRaw(renderSummary(summary)).write();
        }
    }
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

//# sourceMappingURL=719.index.js.map