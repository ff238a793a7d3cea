import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 529:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ZC: () => (/* binding */ abortable),
  zf: () => (/* binding */ isAbortError),
  ml: () => (/* binding */ systemClock)
});

// UNUSED EXPORTS: MAX_TIMER_MS, sleepAnyLength, timeoutSignal

;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ./src/clock.ts

// Node's timers hold at most 2^31-1 ms (about 24.8 days); a longer one fires at once. wait-timeout-minutes
// goes up to 99999 minutes (about 69 days), so a long sleep is a chain of timers that each fit.
const MAX_TIMER_MS = 2 ** 31 - 1;
const nodeDelay = (ms, signal) => (0,promises_namespaceObject.setTimeout)(ms, undefined, { signal });
/** Sleeps `ms` of any length, in timers no longer than Node allows; rejects with an AbortError on abort. */
async function sleepAnyLength(ms, signal, wait = nodeDelay) {
    let left = Math.max(0, ms);
    while (left > MAX_TIMER_MS) {
        await wait(MAX_TIMER_MS, signal);
        left -= MAX_TIMER_MS;
    }
    await wait(left, signal);
}
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => sleepAnyLength(ms, signal)
};
function isAbortError(err) {
    return err instanceof Error && err.name === 'AbortError';
}
/** `work`, or an AbortError as soon as `signal` aborts, whether or not `work` listens to it. */
function abortable(work, signal) {
    if (!signal)
        return work;
    let onAbort = () => undefined;
    const aborted = new Promise((_, reject) => {
        onAbort = () => reject(abortError(signal));
        if (signal.aborted)
            onAbort();
        else
            signal.addEventListener('abort', onAbort, { once: true });
    });
    // The work may still settle (or fail) later: nobody waits for it any more.
    work.catch(() => undefined);
    return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}
function abortError(signal) {
    const message = signal.reason instanceof Error ? signal.reason.message : 'The operation was aborted';
    return Object.assign(new Error(message), { name: 'AbortError' });
}
/** A signal that aborts `ms` from now on `clock` (at once if `ms` <= 0); `clear()` once it is not needed. */
function timeoutSignal(clock, ms) {
    const fired = new AbortController();
    const timer = new AbortController();
    if (ms <= 0)
        fired.abort();
    else
        clock.sleep(ms, timer.signal).then(() => fired.abort(), () => undefined);
    return { signal: fired.signal, clear: () => timer.abort() };
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Pp: () => (/* binding */ describeAwsError),
/* harmony export */   ZH: () => (/* binding */ awsErrorName),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   iQ: () => (/* binding */ AwsCallError),
/* harmony export */   lZ: () => (/* binding */ ActionError)
/* harmony export */ });
// Turns failures into the one sentence the step fails with. Expected failures are ActionErrors:
// main prints their message alone; anything else is a bug and gets its stack in the debug log.
class ActionError extends Error {
    /** The failure annotation's title, when the failure has one (e.g. which action failed). */
    title;
    constructor(message, options) {
        super(message, options);
        this.name = 'ActionError';
        this.title = options?.title;
    }
}
/** An AWS call failed; `message` is the sentence for the user, `awsName` the error's own name. */
class AwsCallError extends ActionError {
    awsName;
    constructor(message, awsName, cause) {
        super(message, { cause });
        this.awsName = awsName;
        this.name = 'AwsCallError';
    }
}
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);
/** The AWS error name (`PipelineNotFoundException`), or the Node error code, or the JS name. */
function awsErrorName(err) {
    if (err instanceof AwsCallError)
        return err.awsName;
    if (typeof err !== 'object' || err === null)
        return 'Error';
    const e = err;
    for (const candidate of [e.code, e.Code, e.name]) {
        if (typeof candidate === 'string' && candidate && candidate !== 'Error')
            return candidate;
    }
    return 'Error';
}
function errorMessage(err) {
    if (err instanceof Error)
        return err.message;
    return String(err);
}
function isNetworkError(err, name) {
    if (NETWORK_CODES.has(name))
        return true;
    const cause = err?.cause;
    return cause !== undefined && cause !== err && NETWORK_CODES.has(awsErrorName(cause));
}
function describeAccessDenied(message, ctx) {
    const action = /perform:\s*(\S+)/.exec(message)?.[1] ?? ctx.iamAction;
    const resource = /on resource:\s*(\S+)/.exec(message)?.[1];
    const where = resource ? ` on ${resource}` : ` on pipeline '${ctx.pipelineName}'`;
    return (`Access denied: the AWS credentials are not allowed ${action}${where}; ` + `add it to the IAM policy of the role the workflow assumes.`);
}
/** One clear sentence for a failed AWS call. */
function describeAwsError(err, ctx) {
    const name = awsErrorName(err);
    const message = errorMessage(err).trim().replace(/\s+/g, ' ');
    switch (name) {
        case 'PipelineNotFoundException':
            return `Pipeline '${ctx.pipelineName}' was not found in region ${ctx.region}; check pipeline-name and aws-region.`;
        case 'PipelineExecutionNotFoundException':
            return `The execution was not found in pipeline '${ctx.pipelineName}' (region ${ctx.region}): ${message}`;
        case 'ValidationException':
        case 'InvalidParameterValueException':
            return `CodePipeline rejected the request (${ctx.iamAction}): ${message}`;
        case 'AccessDeniedException':
        case 'AccessDenied':
        case 'UnauthorizedOperation':
            return describeAccessDenied(message, ctx);
        case 'CredentialsProviderError':
            return ('No AWS credentials were found; configure them before this step, e.g. with ' +
                'aws-actions/configure-aws-credentials and OIDC (this action deliberately has no key inputs).');
        case 'ExpiredTokenException':
        case 'ExpiredToken':
            return 'The AWS credentials have expired; configure longer-lived session credentials (role-duration-seconds of aws-actions/configure-aws-credentials).';
        case 'UnrecognizedClientException':
        case 'InvalidSignatureException':
        case 'InvalidClientTokenId':
            return `AWS rejected the credentials (${name}): ${message}`;
    }
    if (/region is missing/i.test(message)) {
        return 'No AWS region is set; set the aws-region input or use aws-actions/configure-aws-credentials.';
    }
    if (isNetworkError(err, name)) {
        return `Could not reach CodePipeline at ${ctx.endpoint} (${name === 'Error' ? message : name}); check the network and AWS_ENDPOINT_URL_CODEPIPELINE / AWS_ENDPOINT_URL.`;
    }
    return name === 'Error' || message.startsWith(name) ? message : `${name}: ${message}`;
}


/***/ }),

/***/ 4344:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _post_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7713);
// The post step's bundle entry (dist/post/index.js).

await (0,_post_js__WEBPACK_IMPORTED_MODULE_0__/* .runPost */ .a)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7713:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runPost)
});

// UNUSED EXPORTS: run

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var lib_core = __nccwpck_require__(4436);
// EXTERNAL MODULE: ./src/clock.ts + 1 modules
var clock = __nccwpck_require__(529);
;// CONCATENATED MODULE: ./src/report/log-text.ts
// C0 and C1 controls (line breaks, ESC for terminal escapes, NEL) and the Unicode line and paragraph separators.
// Tab stays: it breaks no line, and a line that starts with one is checked below like any other.
// eslint-disable-next-line no-control-regex -- matching controls is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED = { '\n': '\\n', '\r': '\\r' };
// What the runner trims before looking for a command (.NET's Trim: Unicode white space), then the two prefixes.
const COMMAND_START = /^[\s\u180e\u200b\ufeff]*(::|##\[)/;
// Long enough for any message worth reading; a megabyte of build log is not one.
const MAX_LOG_CHARACTERS = 4000;
/** Shows a control character as its escape (\n, \r, \u001b) instead of acting on it. */
function visible(c) {
    return NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
/** At most `max` characters (code points, so an emoji is never cut in two), with an ellipsis saying how much went. */
function cutCharacters(text, max) {
    const chars = Array.from(text);
    if (chars.length <= max)
        return text;
    const note = `\u2026 (${chars.length - max} more characters)`;
    return chars.slice(0, max).join('') + note;
}
/** One inert line: line breaks and controls shown as escapes, and never the start of a workflow command. */
function logLine(text) {
    // The runner also reads a legacy `##[command]` anywhere in a line, not only at its start.
    const line = cutCharacters(text, MAX_LOG_CHARACTERS).replace(CONTROL, visible).replaceAll('##[', '##\\[');
    return COMMAND_START.test(line) ? `\\${line}` : line;
}
/**
 * An annotation's (or a debug line's) text. @actions/core escapes CR, LF and % in a command's data, so a
 * line break stays inside the annotation and can start no command; other controls are shown as escapes.
 */
function annotationText(text) {
    // eslint-disable-next-line no-control-regex -- matching controls is the point
    return cutCharacters(text, MAX_LOG_CHARACTERS).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/g, visible);
}
/** The Log every part of the action writes to: each message neutralised, whatever it contains. */
function safeLog(log) {
    return {
        info: (message) => log.info(logLine(message)),
        warning: (message) => log.warning(annotationText(message)),
        error: (message, annotation) => log.error(annotationText(message), annotation),
        notice: (message, annotation) => log.notice(annotationText(message), annotation),
        debug: (message) => log.debug(annotationText(message)),
        // Group titles are the action's own words with AWS names in them: one safe line each. Untrusted build logs
        // keep their own channel (stop-commands blocks), which must not be rewritten.
        startGroup: log.startGroup && ((title) => log.startGroup?.(logLine(title))),
        endGroup: log.endGroup && (() => log.endGroup?.()),
        printUntrusted: log.printUntrusted && ((lines) => log.printUntrusted?.(lines))
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./src/github/context.ts
// The workflow run as the runner describes it in the environment. Read here rather than through
// @actions/github's `context`, whose module loads octokit: a run without a GitHub token should not pay for it.

function readPayload(path) {
    if (!path || !(0,external_node_fs_.existsSync)(path))
        return {};
    return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
}
function repoOf(env, payload) {
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (owner && repo)
        return { owner, repo };
    const repository = payload.repository;
    return { owner: repository?.owner?.login ?? '', repo: repository?.name ?? '' };
}
// GITHUB_WORKFLOW_REF is owner/repo/.github/workflows/deploy.yml@refs/heads/main.
function workflowPath(ref) {
    return /^[^/]+\/[^/]+\/(.+?)@[^@]*$/.exec(ref ?? '')?.[1];
}
function readGitHubContext(env = process.env) {
    const payload = readPayload(env.GITHUB_EVENT_PATH);
    return {
        eventName: env.GITHUB_EVENT_NAME ?? '',
        sha: env.GITHUB_SHA ?? '',
        ref: env.GITHUB_REF,
        payload,
        repo: repoOf(env, payload),
        serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
        apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        runId: Number.parseInt(env.GITHUB_RUN_ID ?? '', 10),
        runAttempt: Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10),
        workflowPath: workflowPath(env.GITHUB_WORKFLOW_REF),
        actor: env.GITHUB_ACTOR || undefined
    };
}
/** The run's page, e.g. https://github.com/octo/app/actions/runs/42 (attempt 2). */
function describeRun(ctx) {
    const repo = `${ctx.repo.owner}/${ctx.repo.repo}`;
    if (!Number.isFinite(ctx.runId))
        return `a workflow run of ${repo}`;
    const url = `${ctx.serverUrl}/${repo}/actions/runs/${ctx.runId}`;
    return Number.isFinite(ctx.runAttempt) && ctx.runAttempt > 1 ? `${url} (attempt ${ctx.runAttempt})` : url;
}

;// CONCATENATED MODULE: ./src/inputs/defaults.ts
const INPUT_DEFAULTS = {
    variables: '',
    'commit-id': '',
    'source-action': '',
    'source-revisions': '',
    'pin-commit': 'true',
    wait: 'true',
    'stop-on-cancel': 'true',
    'abandon-on-cancel': 'false',
    'allow-superseded': 'false',
    'aws-region': '',
    'mask-variables': 'false',
    'check-run': 'false',
    'poll-interval-min-seconds': '1',
    // Empty: 60 s, or the minimum when that is larger (a 90 s minimum means "never more often than 90 s").
    'poll-interval-max-seconds': '',
    'wait-timeout-minutes': '',
    'stop-on-timeout': 'false',
    'outage-tolerance-minutes': '5',
    'start-retry-minutes': '5',
    'client-request-token': '',
    'wait-for-rollback': 'false',
    'execution-id': '',
    'follow-trigger': 'false',
    'trigger-timeout-minutes': '10',
    logs: 'failed',
    artifact: '',
    'artifact-key': '',
    'image-digest': '',
    approve: '',
    'on-rerun': 'retry'
};
/** The longest pause between polls when poll-interval-max-seconds is empty (unless the minimum is larger). */
const DEFAULT_POLL_MAX_SECONDS = 60;
/** Reads an input, or its default when the workflow left it out (as the runner does with action.yml). */
function withDefaults(read) {
    return (name) => {
        const value = read(name);
        return value === '' ? (INPUT_DEFAULTS[name] ?? '') : value;
    };
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/inputs/readers.ts
// The primitive input readers: each reads one input, checks it and names it in a one-line error.

/** A bad input: the message names the input and the fix, in one line. */
class InputError extends errors/* ActionError */.lZ {
    constructor(message) {
        super(message);
        this.name = 'InputError';
    }
}
const DECIMAL = /^\d+(\.\d+)?$|^\.\d+$/;
// About 69 days: beyond any runner's job limit.
const MAX_MINUTES = 99_999;
/** Booleans exactly as `core.getBooleanInput` reads them (YAML 1.2 core schema). */
function readBoolean(read, name) {
    const value = read(name);
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new InputError(`Input ${name} is '${value}'; it must be true or false.`);
}
/** A plain decimal input (no sign, no exponent): undefined when empty, NaN when not a decimal. */
function readDecimal(read, name) {
    const value = read(name);
    if (value === '')
        return undefined;
    return { value, number: DECIMAL.test(value) ? Number(value) : Number.NaN };
}
/** Decimal minutes as ms; undefined when empty. `positive` rejects 0. */
function readMinutes(read, name, positive = true) {
    const input = readDecimal(read, name);
    if (!input)
        return undefined;
    const { value, number: minutes } = input;
    if (!Number.isFinite(minutes) || minutes > MAX_MINUTES || (positive && minutes === 0)) {
        throw new InputError(`Input ${name} is '${value}'; use a number of minutes${positive ? ' greater than 0' : ''} such as 30 or 2.5 (at most ${MAX_MINUTES}).`);
    }
    return Math.round(minutes * 60_000);
}
/** Decimal seconds from `low` to `high`; undefined when empty. */
function readSeconds(read, name, low, high) {
    const input = readDecimal(read, name);
    if (!input)
        return undefined;
    if (!(input.number >= low && input.number <= high)) {
        throw new InputError(`Input ${name} is '${input.value}'; it must be a number of seconds from ${low} to ${high}.`);
    }
    return input.number;
}

;// CONCATENATED MODULE: ./src/step-io.ts
// What both entries (main and post) take from @actions/core: the inputs, and how a failure is reported.



const readInput = (name) => lib_core.getInput(name);
/** As the workflow wrote it, spaces at both ends included (for `variables`). */
const readInputUntrimmed = (name) => core.getInput(name, { trimWhitespace: false });
const coreFailureLog = {
    setFailed: lib_core.setFailed,
    error: lib_core.error,
    debug: lib_core.debug,
    // 1, not core.ExitCode.Failure: @github/local-action's stand-in for @actions/core has no ExitCode.
    markFailed: () => void (process.exitCode = 1)
};
/**
 * Fails the step with one sentence, the step's one error annotation (titled when the failure has a title);
 * the stack goes to the debug log only.
 */
function reportFailure(err, log = coreFailureLog) {
    if (err instanceof Error && err.stack)
        log.debug(annotationText(err.stack));
    // Failure sentences quote AWS (error messages, stop reasons): neutralised like every other log line.
    const message = annotationText(err instanceof errors/* ActionError */.lZ ? err.message : `Unexpected error: ${(0,errors/* errorMessage */.gJ)(err)}`);
    if (err instanceof errors/* ActionError */.lZ && err.title) {
        log.error(message, { title: err.title });
        log.markFailed();
        return;
    }
    log.setFailed(message);
}

;// CONCATENATED MODULE: ./src/execution/execution.ts
// The one execution a run is about: built once, when the start answers (or, for an execution the step
// follows without having started it, when it is named), then passed everywhere: wait, cancel, timeout,
// stop, the ending, the summary, the commit status and the outputs.
// The AWS console of each partition, by the region patterns of the SDK's partition table (@aws-sdk/core, which
// names partitions but not their consoles; a unit test checks these patterns against it). The aws partition has a
// console per region. China and GovCloud each have one console, the region in the query, as AWS documents. The
// European Sovereign Cloud and the isolated partitions: `console.` on the domain of the SDK's own sign-in
// endpoints for them, the reading that links to that partition's console and never to another partition's.
const CONSOLES = [
    ['aws-cn', /^cn-/, 'console.amazonaws.cn'],
    ['aws-us-gov', /^us-gov-/, 'console.amazonaws-us-gov.com'],
    ['aws-eusc', /^eusc-/, 'console.amazonaws-eusc.eu'],
    ['aws-iso', /^us-iso-/, 'console.c2shome.ic.gov'],
    ['aws-iso-b', /^us-isob-/, 'console.sc2shome.sgov.gov'],
    ['aws-iso-f', /^us-isof-/, 'console.csphome.hci.ic.gov'],
    ['aws-iso-e', /^eu-isoe-/, 'console.csphome.adc-e.uk']
];
/** The region's partition, as the SDK's partition table places it ('aws' for every other region). */
function partitionOf(region) {
    return CONSOLES.find(([, pattern]) => pattern.test(region))?.[0] ?? 'aws';
}
/** https://<the console of the region's partition>, e.g. https://us-east-1.console.aws.amazon.com. */
function consoleOrigin(region) {
    const host = CONSOLES.find(([, pattern]) => pattern.test(region))?.[2];
    return `https://${host ?? `${region}.console.aws.amazon.com`}`;
}
// Pipeline names are [A-Za-z0-9.@\-_]+ (checked as an input), safe in a URL path as they are.
function pipelineUrl({ region, pipelineName }) {
    return `${consoleOrigin(region)}/codesuite/codepipeline/pipelines/${pipelineName}/view?region=${region}`;
}
function executionUrl(region, pipelineName, executionId) {
    return (`${consoleOrigin(region)}/codesuite/codepipeline/pipelines/${pipelineName}` + `/executions/${executionId}/timeline?region=${region}`);
}
function describeExecution(pipeline, executionId, origin) {
    const { pipelineName, region } = pipeline;
    return { pipelineName, region, executionId, consoleUrl: executionUrl(region, pipelineName, executionId), origin };
}
/** Whether this step may stop it: never one it did not start. */
function mayStop(execution) {
    return execution.origin === 'started';
}

;// CONCATENATED MODULE: ./src/execution/stop.ts



const MAX_REASON = 200;
/** A stop reason within the API's 200 characters, e.g. "Cancelled by https://github.com/o/r/actions/runs/1". */
function stopReason(why, run) {
    const full = `${why} ${run}`;
    if (full.length <= MAX_REASON)
        return full;
    // The run link is what a reader needs; shorten the explanation first.
    const room = MAX_REASON - run.length - 2;
    if (room > 10)
        return `${why.slice(0, room)}\u2026 ${run}`;
    return run.slice(0, MAX_REASON);
}
/**
 * Stops the execution, giving up after `timeoutMs`. Returns whether nothing is left running for this
 * run to stop: true when stopped, already stopping, or already finished.
 */
async function stopExecution(deps, execution, order, timeoutMs) {
    const { pipelineName, executionId, consoleUrl: url } = execution;
    const { abandon, reason } = order;
    if (!mayStop(execution)) {
        deps.log.info(`Execution ${executionId} was not started by this step, so it is not stopped: ${url}`);
        return false;
    }
    const timeout = new AbortController();
    const giveUp = new AbortController();
    deps.clock.sleep(timeoutMs, giveUp.signal).then(() => timeout.abort(), () => undefined);
    try {
        await deps.port.stopExecution({ pipelineName, executionId, abandon, reason }, timeout.signal);
        deps.log.info(`Stopped execution ${executionId}${abandon ? ' (abandoning in-progress actions)' : ''}: ${url}`);
        return true;
    }
    catch (err) {
        const name = (0,errors/* awsErrorName */.ZH)(err);
        if (name === 'PipelineExecutionNotStoppableException') {
            deps.log.info(`Execution ${executionId} had already finished; nothing to stop.`);
            return true;
        }
        if (name === 'DuplicatedStopRequestException') {
            deps.log.info(`Execution ${executionId} is already stopping.`);
            return true;
        }
        const why = timeout.signal.aborted && (0,clock/* isAbortError */.zf)(err) ? `no answer within ${timeoutMs / 1000} s` : (0,errors/* errorMessage */.gJ)(err);
        deps.log.error(`Could not stop execution ${executionId} (${why}); stop it in the console: ${url}`);
        return false;
    }
    finally {
        giveUp.abort();
    }
}

;// CONCATENATED MODULE: ./src/post-step.ts


const POST_STOP_TIMEOUT_MS = 10000;
/** Why the post step leaves the execution alone, or undefined when main was killed before it could decide. */
function reasonToLeaveAlone(saved) {
    if (!saved.executionId)
        return 'no execution was started';
    if (saved.origin !== 'started')
        return 'the step did not start it';
    if (!saved.wait)
        return 'wait was false, so the execution runs on by design';
    if (saved.finished)
        return 'the main step saw it finish';
    if (saved.stopped)
        return 'the main step already stopped it';
    if (saved.leftRunning)
        return 'wait-timeout-minutes was reached and stop-on-timeout is false, so it runs on by choice';
    if (saved.gaveUp)
        return 'the main step gave up following it and said so, so it runs on';
    return undefined;
}
/** Main was killed between sending the start and learning its answer: say so, with where to look. */
function warnStartUnknown(deps) {
    const { saved } = deps;
    deps.log.warning(`The main step ended while starting pipeline ${saved.pipelineName}, before it learned whether an execution was started; ` +
        `if one was, it is still running: ${pipelineUrl(saved)}`);
}
async function runPostStep(deps) {
    const { saved, log } = deps;
    if (!saved.executionId && saved.startSent)
        return warnStartUnknown(deps);
    const leave = reasonToLeaveAlone(saved);
    if (leave || !saved.executionId) {
        log.debug(`Post step: nothing to do (${leave}).`);
        return;
    }
    const { stopOnCancel, abandonOnCancel } = deps.readStopSettings();
    const execution = describeExecution(saved, saved.executionId, saved.origin);
    const { executionId } = execution;
    const why = saved.cancelled
        ? 'the workflow run was cancelled and the main step ended before it could stop it'
        : 'the main step ended before it saw it finish';
    if (!stopOnCancel) {
        log.warning(`Execution ${executionId} is left running (${why}; stop-on-cancel is false): ${execution.consoleUrl}`);
        return;
    }
    log.info(`Stopping execution ${executionId}: ${why}.`);
    const reason = saved.cancelled
        ? stopReason('Workflow run cancelled; the step ended before it could stop this execution:', deps.workflowRun)
        : stopReason('The step ended before it saw this execution finish:', deps.workflowRun);
    const port = await deps.createPort(execution.region);
    await stopExecution({ port, log, clock: deps.clock }, execution, { abandon: abandonOnCancel, reason }, POST_STOP_TIMEOUT_MS);
}

;// CONCATENATED MODULE: ./src/state.ts
const STATE_KEYS = {
    pipelineName: 'pipelineName',
    region: 'region',
    startSent: 'startSent',
    executionId: 'executionId',
    origin: 'origin',
    wait: 'wait',
    finished: 'finished',
    stopped: 'stopped',
    leftRunning: 'leftRunning',
    gaveUp: 'gaveUp',
    cancelled: 'cancelled'
};
class ActionState {
    store;
    constructor(store) {
        this.store = store;
    }
    /** Before StartPipelineExecution is sent. */
    saveStartSent(pipeline) {
        this.store.saveState(STATE_KEYS.pipelineName, pipeline.pipelineName);
        this.store.saveState(STATE_KEYS.region, pipeline.region);
        this.store.saveState(STATE_KEYS.startSent, 'true');
    }
    /** Every answer proved that nothing was started. */
    saveNothingStarted() {
        this.store.saveState(STATE_KEYS.startSent, 'false');
    }
    /** The execution exists: from now on the post step can stop it if main is killed before it decides. */
    saveStarted(execution, wait) {
        this.store.saveState(STATE_KEYS.pipelineName, execution.pipelineName);
        this.store.saveState(STATE_KEYS.region, execution.region);
        this.store.saveState(STATE_KEYS.wait, String(wait));
        if (execution.origin !== 'started')
            this.store.saveState(STATE_KEYS.origin, execution.origin);
        this.store.saveState(STATE_KEYS.executionId, execution.executionId);
    }
    markFinished() {
        this.store.saveState(STATE_KEYS.finished, 'true');
    }
    markStopped() {
        this.store.saveState(STATE_KEYS.stopped, 'true');
    }
    markLeftRunning() {
        this.store.saveState(STATE_KEYS.leftRunning, 'true');
    }
    markGaveUp() {
        this.store.saveState(STATE_KEYS.gaveUp, 'true');
    }
    markCancelled() {
        this.store.saveState(STATE_KEYS.cancelled, 'true');
    }
    read() {
        const flag = (key) => this.store.getState(key) === 'true';
        return {
            pipelineName: this.store.getState(STATE_KEYS.pipelineName),
            region: this.store.getState(STATE_KEYS.region),
            startSent: flag(STATE_KEYS.startSent),
            executionId: this.store.getState(STATE_KEYS.executionId) || undefined,
            origin: this.store.getState(STATE_KEYS.origin) === 'followed' ? 'followed' : 'started',
            wait: flag(STATE_KEYS.wait),
            finished: flag(STATE_KEYS.finished),
            stopped: flag(STATE_KEYS.stopped),
            leftRunning: flag(STATE_KEYS.leftRunning),
            gaveUp: flag(STATE_KEYS.gaveUp),
            cancelled: flag(STATE_KEYS.cancelled)
        };
    }
}

;// CONCATENATED MODULE: ./src/post.ts
// The post step's entry, a bundle of its own (dist/post/index.js): it can only stop what main saved it
// had started, never start anything. With nothing saved, it does nothing. The AWS SDK is a chunk of its own
// (dist/post/NNN.index.js), imported only to stop an execution: the usual post step, after a main step that
// saw its execution end, reads its state and exits without evaluating any of it.









async function runPost() {
    try {
        const read = withDefaults(readInput);
        await runPostStep({
            saved: new ActionState(lib_core).read(),
            readStopSettings: () => ({
                stopOnCancel: readBoolean(read, 'stop-on-cancel'),
                abandonOnCancel: readBoolean(read, 'abandon-on-cancel')
            }),
            createPort: async (region) => (await Promise.all(/* import() */[__nccwpck_require__.e(232), __nccwpck_require__.e(356)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8356))).createCodePipelinePort({ region }),
            log: safeLog(lib_core),
            clock: clock/* systemClock */.ml,
            workflowRun: describeRun(readGitHubContext())
        });
    }
    catch (err) {
        reportFailure(err);
    }
}
/** The post step as @github/local-action runs it (`--post src/post.ts`): the convention's `run()`. */
const run = (/* unused pure expression or super */ null && (runPost));


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 4436:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ExitCode: () => (/* binding */ ExitCode),
  addPath: () => (/* binding */ addPath),
  debug: () => (/* binding */ debug),
  endGroup: () => (/* binding */ endGroup),
  error: () => (/* binding */ error),
  exportVariable: () => (/* binding */ exportVariable),
  getBooleanInput: () => (/* binding */ getBooleanInput),
  getIDToken: () => (/* binding */ getIDToken),
  getInput: () => (/* binding */ getInput),
  getMultilineInput: () => (/* binding */ getMultilineInput),
  getState: () => (/* binding */ getState),
  group: () => (/* binding */ group),
  info: () => (/* binding */ info),
  isDebug: () => (/* binding */ isDebug),
  markdownSummary: () => (/* reexport */ markdownSummary),
  notice: () => (/* binding */ notice),
  platform: () => (/* reexport */ platform_namespaceObject),
  saveState: () => (/* binding */ saveState),
  setCommandEcho: () => (/* binding */ setCommandEcho),
  setFailed: () => (/* binding */ setFailed),
  setOutput: () => (/* binding */ setOutput),
  setSecret: () => (/* binding */ setSecret),
  startGroup: () => (/* binding */ startGroup),
  summary: () => (/* reexport */ summary),
  toPlatformPath: () => (/* reexport */ toPlatformPath),
  toPosixPath: () => (/* reexport */ toPosixPath),
  toWin32Path: () => (/* reexport */ toWin32Path),
  warning: () => (/* binding */ warning)
});

// NAMESPACE OBJECT: ./node_modules/@actions/core/lib/platform.js
var platform_namespaceObject = {};
__nccwpck_require__.r(platform_namespaceObject);
__nccwpck_require__.d(platform_namespaceObject, {
  arch: () => (arch),
  getDetails: () => (getDetails),
  isLinux: () => (isLinux),
  isMacOS: () => (isMacOS),
  isWindows: () => (isWindows),
  platform: () => (platform)
});

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = _summary;
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, external_path_.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

// codepipeline-run-action: @actions/exec (and child_process, @actions/io) is imported by the functions that run
// commands, so that loading @actions/core does not evaluate it.
const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const exec = yield __nccwpck_require__.e(/* import() */ 260).then(__nccwpck_require__.bind(__nccwpck_require__, 1260));
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const exec = yield __nccwpck_require__.e(/* import() */ 260).then(__nccwpck_require__.bind(__nccwpck_require__, 1260));
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const exec = yield __nccwpck_require__.e(/* import() */ 260).then(__nccwpck_require__.bind(__nccwpck_require__, 1260));
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





// codepipeline-run-action: oidc-utils is imported where it is used (getIDToken), so that loading
// @actions/core does not evaluate @actions/http-client and undici (~1 MB) for OIDC it never asks for.
/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${external_path_.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        const { OidcClient } = yield __nccwpck_require__.e(/* import() */ 936).then(__nccwpck_require__.bind(__nccwpck_require__, 3936));
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(4344);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map