import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3087:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FS: () => (/* binding */ customS3Endpoint),
/* harmony export */   GZ: () => (/* binding */ isDenied),
/* harmony export */   no: () => (/* binding */ isTransientS3),
/* harmony export */   rW: () => (/* binding */ describeS3Endpoint),
/* harmony export */   ye: () => (/* binding */ describeS3Error)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
// S3's failures as one sentence each, at the SDK boundary (tools.ts), naming the bucket, the key and the
// permission; and which of them are worth a whole new upload.

const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'Forbidden', 'AllAccessDisabled']);
// Asking again won't help: the request or the bucket is wrong, or the credentials are.
const PERMANENT = new Set([
    ...DENIED,
    'NoSuchBucket',
    'InvalidBucketName',
    'InvalidArgument',
    'InvalidRequest',
    'EntityTooLarge',
    'KeyTooLongError',
    'MetadataTooLarge',
    'InvalidAccessKeyId',
    'SignatureDoesNotMatch',
    'ExpiredToken',
    'ExpiredTokenException',
    'TokenRefreshRequired',
    'CredentialsProviderError',
    'PermanentRedirect',
    'AuthorizationHeaderMalformed',
    'AbortError'
]);
/** Where the SDK sends S3 requests, for error messages; the SDK itself resolves it the same way. */
function describeS3Endpoint(region, env = process.env) {
    return env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || `https://s3.${region}.amazonaws.com`;
}
/** Whether a custom endpoint is set: LocalStack, MinIO and our local service want path-style requests. */
function customS3Endpoint(env = process.env) {
    return Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL);
}
function isDenied(err) {
    return DENIED.has((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err)) || httpStatus(err) === 403;
}
function httpStatus(err) {
    const metadata = (e) => e?.$metadata?.httpStatusCode;
    return metadata(err) ?? (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ ? metadata(err.cause) : undefined);
}
/** SlowDown, 5xx, resets and timeouts (after the SDK's own retries): a fresh upload may well succeed. */
function isTransientS3(err) {
    // The action's own sentences (no versioning...) are verdicts, not faults.
    if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ && !(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ))
        return false;
    return !PERMANENT.has((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err)) && httpStatus(err) !== 403 && httpStatus(err) !== 404;
}
function where(ctx) {
    return ctx.key === undefined ? `bucket ${ctx.bucket}` : `s3://${ctx.bucket}/${ctx.key}`;
}
function describeS3Error(err, ctx) {
    const name = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err);
    if (isDenied(err)) {
        return (`Access denied: the AWS credentials are not allowed ${ctx.iamAction} on ${where(ctx)} (${name}); ` +
            `add it to the IAM policy of the role the workflow assumes, for that bucket and key.`);
    }
    if (name === 'NoSuchBucket') {
        return `Bucket ${ctx.bucket} does not exist in ${ctx.region} (NoSuchBucket); check the S3 source action's S3Bucket and aws-region.`;
    }
    const sentence = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeAwsError */ .Pp)(err, { iamAction: ctx.iamAction, pipelineName: '', region: ctx.region, endpoint: ctx.endpoint });
    if (sentence.startsWith('Could not reach CodePipeline')) {
        return `Could not reach S3 at ${ctx.endpoint} for ${where(ctx)} (${name === 'Error' ? (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err) : name}); check the network and AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL.`;
    }
    return `S3 refused ${ctx.iamAction} on ${where(ctx)}: ${sentence}`;
}


/***/ }),

/***/ 529:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ZC: () => (/* binding */ abortable),
  zf: () => (/* binding */ isAbortError),
  ml: () => (/* binding */ systemClock),
  _: () => (/* binding */ timeoutSignal)
});

// UNUSED EXPORTS: MAX_TIMER_MS, sleepAnyLength

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

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

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

/***/ 8877:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");

/***/ }),

/***/ 714:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:vm");

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

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

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

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

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
        const { OidcClient } = yield Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(936)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3936));
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
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run),
  V: () => (/* binding */ runMain)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __nccwpck_require__(4436);
// EXTERNAL MODULE: ./src/clock.ts + 1 modules
var src_clock = __nccwpck_require__(529);
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

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/step-io.ts
// What both entries (main and post) take from @actions/core: the inputs, and how a failure is reported.



const readInput = (name) => core.getInput(name);
/** As the workflow wrote it, spaces at both ends included (for `variables`). */
const readInputUntrimmed = (name) => core.getInput(name, { trimWhitespace: false });
const coreFailureLog = {
    setFailed: core.setFailed,
    error: core.error,
    debug: core.debug,
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

;// CONCATENATED MODULE: ./src/inputs/artifact.ts
// The artifact inputs (issue 21): `artifact` (a file or directory of the workspace, uploaded to the pipeline's
// S3 source), `artifact-key` (another key than the source action's) and `image-digest` (an ECR image). Each
// pins the start, or the followed execution, to exactly that artifact instead of "whatever is in the bucket".

// What docker/build-push-action's `digest` output gives: the manifest's sha256, lower-case hex.
const IMAGE_DIGEST = /^sha256:[0-9a-f]{64}$/;
// S3 keys are 1-1024 bytes of UTF-8; control characters make keys that no tool shows or types back.
const MAX_KEY_BYTES = 1024;
// eslint-disable-next-line no-control-regex -- the point is to find them
const artifact_CONTROL = /[\u0000-\u001f\u007f]/;
function readKey(read) {
    const key = read('artifact-key');
    if (key === '')
        return undefined;
    if (Buffer.byteLength(key) > MAX_KEY_BYTES || artifact_CONTROL.test(key) || key.startsWith('/')) {
        throw new InputError(`Input artifact-key '${key}' is not an S3 object key; use at most ${MAX_KEY_BYTES} bytes, no leading / and no control characters (e.g. builds/app.zip).`);
    }
    return key;
}
function readDigest(read) {
    const digest = read('image-digest');
    if (digest === '')
        return undefined;
    if (!IMAGE_DIGEST.test(digest)) {
        throw new InputError(`Input image-digest '${digest}' is not an image digest; pass sha256: and 64 lower-case hex digits, such as docker/build-push-action's digest output.`);
    }
    return digest;
}
function readArtifact(read) {
    const path = read('artifact');
    const key = readKey(read);
    const digest = readDigest(read);
    if (path !== '' && digest) {
        throw new InputError('Inputs artifact and image-digest are both set; use one (artifact for an S3 source, image-digest for ECR).');
    }
    if (key !== undefined && path === '') {
        throw new InputError('Input artifact-key is set but artifact is not; set artifact to the file or directory to upload.');
    }
    if (digest)
        return { kind: 'ecr', digest };
    if (path === '')
        return undefined;
    return { kind: 's3', path, key };
}
/** The input that names the artifact, for sentences. */
function artifactInput(artifact) {
    return artifact.kind === 's3' ? 'artifact' : 'image-digest';
}
/** Refuses the inputs that contradict an artifact: it alone decides the artifact's source revision. */
function checkArtifactCombinations(artifact, given) {
    if (!artifact)
        return;
    const input = artifactInput(artifact);
    if (given.sourceRevisionsGiven) {
        throw new InputError(`Inputs ${input} and source-revisions are both set; use one (${input} sends its own source revision, with COMMIT_ID for this repository's source actions).`);
    }
    if (given.followsExecutionId) {
        throw new InputError(`Inputs ${input} and execution-id are both set; use one (execution-id follows an execution that already runs its own artifact).`);
    }
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

;// CONCATENATED MODULE: ./src/inputs/follow.ts
// The follow inputs: execution-id (follow that execution) and follow-trigger (wait for the execution the
// pipeline's own trigger starts for this commit). Both mean the step starts nothing, so the inputs that
// only shape a start, or a stop, make no sense with them and are refused before any AWS call.

// The model's PipelineExecutionId pattern.
const EXECUTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
function readFollow(read) {
    const executionId = read('execution-id');
    const followTrigger = readBoolean(read, 'follow-trigger');
    const timeoutMs = readMinutes(read, 'trigger-timeout-minutes');
    if (executionId !== '' && followTrigger) {
        throw new InputError('Inputs execution-id and follow-trigger are both set; use one (execution-id follows that execution, follow-trigger waits for the one the trigger starts).');
    }
    if (executionId !== '') {
        if (!EXECUTION_ID.test(executionId)) {
            throw new InputError(`Input execution-id '${executionId}' is not an execution id; pass one such as 3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f.`);
        }
        return { kind: 'execution', executionId };
    }
    if (!followTrigger)
        return undefined;
    if (timeoutMs === undefined)
        throw new InputError('Input trigger-timeout-minutes is empty; set it to how long to wait for the trigger, e.g. 10.');
    return { kind: 'trigger', timeoutMs };
}
/** The first input that makes no sense while following, with why; undefined when they all do. */
function conflict(given, kind) {
    if (given.variablesGiven)
        return ['variables', 'they are passed to a start only'];
    if (given.sourceRevisionsGiven)
        return ['source-revisions', 'they are passed to a start only'];
    if (given.clientRequestTokenGiven)
        return ['client-request-token', 'it is passed to a start only'];
    if (!given.wait)
        return ['wait: false', 'following is waiting'];
    if (given.stopOnTimeout)
        return ['stop-on-timeout', 'the action never stops an execution it did not start'];
    if (given.abandonOnCancel)
        return ['abandon-on-cancel', 'the action never stops an execution it did not start'];
    if (kind === 'trigger' && !given.pinCommit && !given.artifactGiven)
        return ['pin-commit: false', 'follow-trigger matches the execution by its commit'];
    return undefined;
}
/** Refuses the inputs that only shape a start (or a stop) when the step follows instead. */
function checkFollowCombinations(follow, given) {
    if (!follow)
        return;
    const found = conflict(given, follow.kind);
    if (!found)
        return;
    const [input, why] = found;
    const mode = follow.kind === 'execution' ? 'execution-id' : 'follow-trigger';
    throw new InputError(`Input ${input} makes no sense with ${mode}, which follows an execution this step does not start (${why}); remove one.`);
}

;// CONCATENATED MODULE: ./src/inputs/limits.ts
// The start's idempotency token and the poll intervals.


const REQUEST_TOKEN = /^[a-zA-Z0-9-]+$/;
/** The clientRequestToken override, checked as the API model checks it; undefined to derive one. */
function readClientRequestToken(read) {
    const token = read('client-request-token');
    if (token === '')
        return undefined;
    if (token.length > 128 || !REQUEST_TOKEN.test(token)) {
        throw new InputError(`Input client-request-token must be 1-128 letters, digits and - ([a-zA-Z0-9-]+); leave it empty to derive one from the run.`);
    }
    return token;
}
/** The shortest and longest pause between two polls. */
function readPollLimits(read) {
    const min = readSeconds(read, 'poll-interval-min-seconds', 0.5, 3600) ?? 1;
    const max = readSeconds(read, 'poll-interval-max-seconds', 0.5, 3600) ?? Math.max(min, DEFAULT_POLL_MAX_SECONDS);
    if (min > max) {
        throw new InputError(`Input poll-interval-min-seconds (${min}) is more than poll-interval-max-seconds (${max}); lower it or raise the maximum.`);
    }
    return { minMs: min * 1000, maxMs: max * 1000 };
}

;// CONCATENATED MODULE: ./src/inputs/lists.ts

const MAX_ENTRIES = 50;
const VARIABLE_NAME = /^[A-Za-z0-9@\-_]+$/;
const ACTION_NAME_PATTERN = /^[A-Za-z0-9.@\-_]+$/;
const REVISION_TYPES = ['COMMIT_ID', 'IMAGE_DIGEST', 'S3_OBJECT_VERSION_ID', 'S3_OBJECT_KEY'];
// LF, CRLF and a lone CR alike: a CR alone would otherwise hide inside a value.
const LINE_BREAK = /\r\n|\r|\n/;
// Line terminators the API's `.*` pattern does not match inside a value (Java regex: NEL, LS, PS).
const NOT_IN_VALUE = /[\u0085\u2028\u2029]/;
/** Non-blank, non-comment lines with their 1-based line numbers; `trim` decides what is cut from each. */
function contentLines(raw, trim = (line) => line.trim()) {
    return raw
        .split(LINE_BREAK)
        .map((text, i) => ({ number: i + 1, text: trim(text) }))
        .filter((line) => line.text.trim() !== '' && !line.text.startsWith('#'));
}
/** Length as the API model counts it (Smithy's length trait: Unicode code points, not UTF-16 units). */
function characters(text) {
    return Array.from(text).length;
}
function checkCount(input, lines) {
    if (lines.length > MAX_ENTRIES) {
        throw new InputError(`${input} has ${lines.length} entries; CodePipeline accepts at most ${MAX_ENTRIES}.`);
    }
}
/**
 * `NAME=value` per line; the value is everything after the first `=`, spaces included at both ends (the
 * line's indentation and the spaces around the name are not part of it). `secret` (mask-variables): no error
 * quotes the line, since it may hold a value that is not masked yet.
 */
function parseVariables(raw, { secret = false } = {}) {
    const lines = contentLines(raw, (line) => line.trimStart());
    checkCount('variables', lines);
    const seen = new Map();
    return lines.map(({ number, text }) => {
        const at = `variables line ${number}`;
        const eq = text.indexOf('=');
        if (eq < 0) {
            const quoted = secret ? 'the line (not shown: mask-variables)' : `'${text.trim()}'`;
            throw new InputError(`${at}: ${quoted} is not NAME=value; write one NAME=value per line.`);
        }
        const name = text.slice(0, eq).trim();
        const value = text.slice(eq + 1);
        if (name.length === 0 || name.length > 128 || !VARIABLE_NAME.test(name)) {
            const quoted = secret ? 'the variable name (not shown: mask-variables)' : `variable name '${name}'`;
            throw new InputError(`${at}: ${quoted} must be 1-128 characters of letters, digits, @, - and _ ([A-Za-z0-9@\\-_]+).`);
        }
        const length = characters(value);
        if (length === 0 || length > 1000) {
            throw new InputError(`${at}: the value of ${name} must be 1-1000 characters (it has ${length}).`);
        }
        if (NOT_IN_VALUE.test(value)) {
            throw new InputError(`${at}: the value of ${name} contains a line separator (U+0085, U+2028 or U+2029), which CodePipeline refuses.`);
        }
        const earlier = seen.get(name);
        if (earlier !== undefined)
            throw new InputError(`${at}: variable ${name} is already set on line ${earlier}; set each variable once.`);
        seen.set(name, number);
        return { name, value };
    });
}
/** `ACTION_NAME:REVISION_TYPE:VALUE` per line; the value is everything after the second `:`. */
function parseSourceRevisions(raw) {
    const lines = contentLines(raw);
    checkCount('source-revisions', lines);
    const seen = new Map();
    return lines.map(({ number, text }) => {
        const at = `source-revisions line ${number}`;
        const [actionName = '', revisionType = '', ...rest] = text.split(':');
        const revisionValue = rest.join(':');
        if (rest.length === 0) {
            throw new InputError(`${at}: '${text}' is not ACTION_NAME:REVISION_TYPE:VALUE; write one override per line.`);
        }
        if (actionName.length === 0 || actionName.length > 100 || !ACTION_NAME_PATTERN.test(actionName)) {
            throw new InputError(`${at}: action name '${actionName}' must be 1-100 characters of letters, digits, ., @, - and _.`);
        }
        if (!REVISION_TYPES.includes(revisionType)) {
            throw new InputError(`${at}: revision type '${revisionType}' must be one of ${REVISION_TYPES.join(', ')}.`);
        }
        const length = characters(revisionValue);
        if (length === 0 || length > 1500) {
            throw new InputError(`${at}: the revision value must be 1-1500 characters (it has ${length}).`);
        }
        const earlier = seen.get(actionName);
        if (earlier !== undefined && !isS3Pair(earlier.type, revisionType)) {
            throw new InputError(`${at}: action ${actionName} is already overridden on line ${earlier.line}; give each action one revision ` +
                `(only S3_OBJECT_KEY and S3_OBJECT_VERSION_ID may be combined).`);
        }
        seen.set(actionName, { line: number, type: revisionType });
        return { actionName, revisionType: revisionType, revisionValue };
    });
}
// The model lets one S3 source action take both an object key and a version id.
function isS3Pair(a, b) {
    const pair = ['S3_OBJECT_KEY', 'S3_OBJECT_VERSION_ID'];
    return a !== b && pair.includes(a) && pair.includes(b);
}

;// CONCATENATED MODULE: ./src/inputs/steps.ts
// The inputs about what the step does beyond starting and following: approve (which manual approvals it
// answers) and on-rerun (what a re-run of the job does with the earlier attempt's execution).

const ON_RERUN = ['retry', 'start'];
// Stage and action names are [A-Za-z0-9.@\-_]{1,100}; `Stage.Action` joins two.
const APPROVAL_ENTRY = /^[A-Za-z0-9.@\-_]{1,201}$/;
function readOnRerun(read) {
    const value = read('on-rerun');
    const mode = ON_RERUN.find((m) => m === value.toLowerCase());
    if (!mode)
        throw new InputError(`Input on-rerun is '${value}'; use retry (the default) or start.`);
    return mode;
}
/** One `Stage.Action` or `Action` per line; empty: approve nothing. */
function readApprove(read, wait) {
    const entries = read('approve')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
    const bad = entries.find((e) => !APPROVAL_ENTRY.test(e));
    if (bad !== undefined)
        throw new InputError(`Input approve has '${bad}', which is not an approval action; write one Stage.Action (or Action) per line, with letters, digits, ., @, - and _.`);
    if (entries.length > 0 && !wait)
        throw new InputError('Input approve is set but wait is false; the step approves only while it follows the execution, so remove one of them.');
    return entries;
}

;// CONCATENATED MODULE: ./src/inputs/region.ts
// Which regions the action accepts: every region code of the AWS SDK's partition table (@aws-sdk/core: aws,
// aws-cn, aws-us-gov, aws-eusc and the isolated aws-iso* partitions) has this shape, a 2-4 letter prefix, words
// and a number (us-east-1, cn-north-1, us-gov-west-1, eusc-de-east-1, us-isob-east-1), and so has any region AWS
// opens in them. Checked without the SDK, which is loaded later (a chunk, once the inputs are good); a unit test
// holds the shape against the SDK's table. A typo (us-east1) or the SDK's pseudo-regions of global services
// (aws-global) are refused before any AWS call instead of failing on a host that does not exist.
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d+$/;
function isKnownRegion(region) {
    return REGION.test(region);
}

;// CONCATENATED MODULE: ./src/inputs/settings.ts








const LOGS_MODES = ['failed', 'all', 'none'];
function readLogsMode(read) {
    const value = read('logs');
    const mode = LOGS_MODES.find((m) => m === value.toLowerCase());
    if (!mode)
        throw new InputError(`Input logs is '${value}'; use failed (the default), all or none.`);
    return mode;
}
const PIPELINE_NAME = /^[A-Za-z0-9.@\-_]+$/;
// Standard, China, GovCloud and ISO partitions: us-east-1, cn-north-1, us-gov-west-1, us-isob-east-1.
const FULL_SHA = /^([0-9a-f]{40}|[0-9a-f]{64})$/i;
const SHORT_SHA = /^[0-9a-f]{4,39}$/i;
function readPipelineName(read) {
    const name = read('pipeline-name');
    if (name === '')
        throw new InputError('Input pipeline-name is required; set it to the name of the pipeline to run.');
    if (name.length > 100 || !PIPELINE_NAME.test(name)) {
        throw new InputError(`Input pipeline-name '${name}' is not a pipeline name; use 1-100 letters, digits, ., @, - and _ (the name, not the ARN).`);
    }
    return name;
}
function readCommitId(read) {
    const sha = read('commit-id');
    if (sha === '')
        return undefined;
    if (/^0+$/.test(sha)) {
        throw new InputError(`Input commit-id is all zeros, which names no commit (it is what a push that deletes a branch carries); pass a real commit sha.`);
    }
    if (FULL_SHA.test(sha))
        return sha.toLowerCase();
    if (SHORT_SHA.test(sha)) {
        throw new InputError(`Input commit-id '${sha}' is a short sha; pass the full 40-character commit sha (e.g. \${{ github.sha }}).`);
    }
    throw new InputError(`Input commit-id '${sha}' is not a commit sha; pass the full 40-character (or 64 for SHA-256) hex sha.`);
}
function readSourceAction(read) {
    const name = read('source-action');
    if (name === '')
        return undefined;
    if (name.length > 100 || !ACTION_NAME_PATTERN.test(name)) {
        throw new InputError(`Input source-action '${name}' is not an action name; use 1-100 letters, digits, ., @, - and _.`);
    }
    return name;
}
/** aws-region, else the SDK's own AWS_REGION / AWS_DEFAULT_REGION. */
function resolveRegion(read, env) {
    const sources = [
        ['Input aws-region', read('aws-region')],
        ['AWS_REGION', env.AWS_REGION?.trim()],
        ['AWS_DEFAULT_REGION', env.AWS_DEFAULT_REGION?.trim()]
    ];
    const found = sources.find(([, value]) => value);
    if (!found) {
        throw new InputError('No AWS region is set; set the aws-region input, or use aws-actions/configure-aws-credentials, which sets AWS_REGION.');
    }
    const [source, region] = found;
    if (!isKnownRegion(region)) {
        throw new InputError(`${source} is '${region}', which is not an AWS region; use a region code such as us-east-1.`);
    }
    return region;
}
function checkCombinations(s, sourceRevisionsGiven) {
    if (!s.pinCommit && s.commitId) {
        throw new InputError('Input commit-id is set but pin-commit is false; remove one of them (pin-commit: false starts the latest revision).');
    }
    if (!s.pinCommit && sourceRevisionsGiven) {
        throw new InputError('Input source-revisions is set but pin-commit is false; remove one of them.');
    }
    // With an artifact, source-action names the S3 or ECR action that receives it, not a commit's.
    if (!s.pinCommit && s.sourceAction && !s.artifact) {
        throw new InputError('Input source-action is set but pin-commit is false; remove one of them (pin-commit: false pins no source action).');
    }
    if (s.stopOnTimeout && s.waitTimeoutMs === undefined) {
        throw new InputError('Input stop-on-timeout is true but wait-timeout-minutes is not set; set wait-timeout-minutes too.');
    }
    if (s.checkRun && !s.githubToken) {
        throw new InputError('Input check-run is true but github-token is not set; set github-token: ${{ secrets.GITHUB_TOKEN }} (with permissions: checks: write).');
    }
    if (s.sourceAction && sourceRevisionsGiven) {
        throw new InputError('Inputs source-action and source-revisions are both set; name the action in source-revisions instead.');
    }
}
function nonEmpty(list) {
    return list.length > 0 ? list : undefined;
}
/**
 * `readUntrimmed` reads `variables` as the workflow wrote it: core.getInput trims the whole input, which would
 * cut the last value's trailing spaces (the value is everything after the first `=`).
 */
function readSettings(readRaw, env, readUntrimmed = readRaw) {
    const read = withDefaults(readRaw);
    const maskVariables = readBoolean(read, 'mask-variables');
    const settings = {
        pipelineName: readPipelineName(read),
        variables: parseVariables(readUntrimmed('variables'), { secret: maskVariables }),
        commitId: readCommitId(read),
        sourceAction: readSourceAction(read),
        sourceRevisions: nonEmpty(parseSourceRevisions(read('source-revisions'))),
        pinCommit: readBoolean(read, 'pin-commit'),
        wait: readBoolean(read, 'wait'),
        stopOnCancel: readBoolean(read, 'stop-on-cancel'),
        abandonOnCancel: readBoolean(read, 'abandon-on-cancel'),
        allowSuperseded: readBoolean(read, 'allow-superseded'),
        region: resolveRegion(read, env),
        githubToken: read('github-token') || undefined,
        checkRun: readBoolean(read, 'check-run'),
        maskVariables,
        pollLimits: readPollLimits(read),
        clientRequestToken: readClientRequestToken(read),
        waitTimeoutMs: readMinutes(read, 'wait-timeout-minutes'),
        stopOnTimeout: readBoolean(read, 'stop-on-timeout'),
        outageToleranceMs: readMinutes(read, 'outage-tolerance-minutes', false),
        startRetryMs: readMinutes(read, 'start-retry-minutes', false),
        waitForRollback: readBoolean(read, 'wait-for-rollback'),
        follow: readFollow(read),
        logs: readLogsMode(read),
        artifact: readArtifact(read),
        approve: readApprove(read, readBoolean(read, 'wait')),
        onRerun: readOnRerun(read)
    };
    checkCombinations(settings, settings.sourceRevisions !== undefined);
    checkArtifactCombinations(settings.artifact, {
        sourceRevisionsGiven: settings.sourceRevisions !== undefined,
        followsExecutionId: settings.follow?.kind === 'execution'
    });
    checkFollowCombinations(settings.follow, {
        artifactGiven: settings.artifact !== undefined,
        variablesGiven: settings.variables.length > 0,
        sourceRevisionsGiven: settings.sourceRevisions !== undefined,
        wait: settings.wait,
        pinCommit: settings.pinCommit,
        stopOnTimeout: settings.stopOnTimeout,
        abandonOnCancel: settings.abandonOnCancel,
        clientRequestTokenGiven: settings.clientRequestToken !== undefined
    });
    return settings;
}

;// CONCATENATED MODULE: ./src/codepipeline/source.ts

// Providers whose revisions are commits, and where each keeps its repository.
const REPOSITORY_OF = {
    CodeStarSourceConnection: (c) => c.FullRepositoryId ?? '',
    GitHub: (c) => (c.Owner && c.Repo ? `${c.Owner}/${c.Repo}` : ''),
    CodeCommit: (c) => c.RepositoryName ?? ''
};
function otherRepository(provider, c) {
    if (provider === 'S3' && c.S3Bucket)
        return `s3://${c.S3Bucket}/${c.S3ObjectKey ?? ''}`;
    if (provider === 'ECR' && c.RepositoryName)
        return `${c.RepositoryName}:${c.ImageTag ?? 'latest'}`;
    return '';
}
function listSourceActions(pipeline) {
    const actions = (pipeline.stages ?? []).flatMap((stage) => stage.actions ?? []);
    return actions
        .filter((action) => action.actionTypeId?.category === 'Source')
        .map((action) => {
        const provider = action.actionTypeId?.provider ?? 'unknown';
        const config = action.configuration ?? {};
        const repository = REPOSITORY_OF[provider]?.(config) ?? otherRepository(provider, config);
        return { name: action.name ?? '', provider, repository };
    });
}
function isThisRepo(action, repo) {
    if (!REPOSITORY_OF[action.provider])
        return false;
    const wanted = action.provider === 'CodeCommit' ? repo.repo : `${repo.owner}/${repo.repo}`;
    return action.repository !== '' && action.repository.toLowerCase() === wanted.toLowerCase();
}
function describe(actions) {
    if (actions.length === 0)
        return 'none';
    return actions.map((a) => `${a.name} (${a.provider}${a.repository ? `, ${a.repository}` : ''})`).join(', ');
}
/** The source action for this repository, else the only one; fails listing them otherwise. */
function pickSourceAction(actions, repo, pipelineName) {
    const matching = actions.filter((a) => isThisRepo(a, repo));
    const [onlyMatch] = matching;
    if (matching.length === 1 && onlyMatch)
        return onlyMatch;
    const [onlyAction] = actions;
    if (matching.length === 0 && actions.length === 1 && onlyAction && REPOSITORY_OF[onlyAction.provider])
        return onlyAction;
    const why = matching.length > 1
        ? `${matching.length} source actions are for ${repo.owner}/${repo.repo}`
        : `no source action is for ${repo.owner}/${repo.repo}` + (actions.length === 1 ? ' and its only one does not take commits' : '');
    throw new errors/* ActionError */.lZ(`Could not tell which source action of pipeline '${pipelineName}' should run the commit: ${why}. ` +
        `Source actions: ${describe(actions)}. Set source-action to the one to pin (or source-revisions, or pin-commit: false).`);
}
/** "Img: IMAGE_DIGEST sha256:3da1996a8115d76\u2026", for the summary and the failure sentence. */
function describeOverrides(revisions) {
    const short = (value = '') => (value.length > 40 ? `${value.slice(0, 40)}\u2026` : value);
    return revisions.map((r) => `${r.actionName}: ${r.revisionType} ${short(r.revisionValue)}`).join(', ');
}
/**
 * source-revisions: the commit to report (output, summary link, commit status) is the COMMIT_ID of this
 * repository's source action, which only the declaration tells; another repository's commit is not ours to
 * report. Without a COMMIT_ID line there is nothing to read, so no GetPipeline.
 */
async function planOverrides(deps, revisions) {
    const { settings, log } = deps;
    if (settings.commitId)
        log.warning('commit-id is ignored because source-revisions is set.');
    log.info(`Source revisions: from the source-revisions input (${revisions.length}).`);
    const plan = { sourceRevisions: revisions, commitId: '', pinned: describeOverrides(revisions) };
    const commits = revisions.filter((r) => r.revisionType === 'COMMIT_ID');
    if (commits.length === 0)
        return plan;
    let pipeline;
    try {
        pipeline = await deps.getPipeline(settings.pipelineName);
    }
    catch (err) {
        log.warning(`Could not read the pipeline to tell which source-revisions line is this repository's commit: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return plan;
    }
    const ours = listSourceActions(pipeline).filter((a) => isThisRepo(a, deps.repo));
    const commit = commits.find((r) => ours.some((a) => a.name === r.actionName));
    if (!commit?.revisionValue) {
        log.info(`Commit: none of this repository (no COMMIT_ID line is for a source action of ${deps.repo.owner}/${deps.repo.repo}).`);
        return { ...plan, pipeline };
    }
    log.info(`Commit: ${commit.revisionValue} (source-revisions line for ${commit.actionName}, this repository's source action)`);
    return { sourceRevisions: revisions, commitId: commit.revisionValue, pipeline };
}
async function planSource(deps) {
    const { settings, log } = deps;
    if (settings.sourceRevisions)
        return planOverrides(deps, settings.sourceRevisions);
    if (!settings.pinCommit) {
        log.info("Source revisions: none (pin-commit is false); the pipeline runs its sources' latest revisions.");
        return { sourceRevisions: [], commitId: '' };
    }
    const commit = await deps.chooseCommit();
    log.info(`Commit: ${commit.sha} (${commit.reason})`);
    let actionName = settings.sourceAction;
    let pipeline;
    if (!actionName) {
        pipeline = await deps.getPipeline(settings.pipelineName);
        const actions = listSourceActions(pipeline);
        const picked = pickSourceAction(actions, deps.repo, settings.pipelineName);
        log.info(`Source action: ${describe([picked])}`);
        actionName = picked.name;
    }
    else {
        log.info(`Source action: ${actionName} (the source-action input)`);
    }
    return { sourceRevisions: [{ actionName, revisionType: 'COMMIT_ID', revisionValue: commit.sha }], commitId: commit.sha, pipeline };
}
/**
 * StartPipelineExecution rejected a request that named `source-action` (no discovery ran, to spare a
 * GetPipeline call): if the pipeline has no such source action, say that, listing the ones it has.
 */
async function explainSourceActionRejection(err, settings, getPipeline) {
    if (!settings.sourceAction || (0,errors/* awsErrorName */.ZH)(err) !== 'ValidationException')
        return err;
    const actions = listSourceActions(await getPipeline(settings.pipelineName).catch(() => ({})));
    if (actions.length === 0 || actions.some((a) => a.name === settings.sourceAction))
        return err;
    return new errors/* ActionError */.lZ(`Input source-action '${settings.sourceAction}' is not a source action of pipeline '${settings.pipelineName}'; ` +
        `set it to one of: ${describe(actions)}.`, { cause: err });
}

;// CONCATENATED MODULE: ./src/codepipeline/artifact-source.ts


function providerOf(artifact) {
    return artifact.kind === 's3' ? 'S3' : 'ECR';
}
function configurationOf(pipeline, name) {
    const action = (pipeline.stages ?? []).flatMap((s) => s.actions ?? []).find((a) => a.name === name);
    return action?.configuration ?? {};
}
function choose(actions, provider, settings) {
    const { pipelineName, sourceAction } = settings;
    const candidates = actions.filter((a) => a.provider === provider);
    const input = provider === 'S3' ? 'artifact' : 'image-digest';
    if (sourceAction) {
        const named = candidates.find((a) => a.name === sourceAction);
        if (named)
            return named;
        throw new errors/* ActionError */.lZ(`Input source-action '${sourceAction}' is not an ${provider} source action of pipeline '${pipelineName}', which ${input} needs; ` +
            `set it to one of: ${describe(candidates)}.`);
    }
    const [only] = candidates;
    if (candidates.length === 1 && only)
        return only;
    if (candidates.length === 0) {
        throw new errors/* ActionError */.lZ(`Pipeline '${pipelineName}' has no ${provider} source action for ${input} (its source actions: ${describe(actions)}); ` +
            `add one, or check pipeline-name.`);
    }
    throw new errors/* ActionError */.lZ(`Pipeline '${pipelineName}' has ${candidates.length} ${provider} source actions (${describe(candidates)}); ` +
        `set source-action to the one that receives ${input}.`);
}
/** The S3 or ECR source action for the artifact; one sentence when there is none, or several and no source-action. */
function pickArtifactAction(pipeline, artifact, settings) {
    const provider = providerOf(artifact);
    const picked = choose(listSourceActions(pipeline), provider, settings);
    const config = configurationOf(pipeline, picked.name);
    if (provider === 'ECR')
        return { name: picked.name, provider, bucket: '', key: config.RepositoryName ?? '' };
    const key = (artifact.kind === 's3' ? artifact.key : undefined) ?? config.S3ObjectKey ?? '';
    if (!config.S3Bucket || !key) {
        throw new errors/* ActionError */.lZ(`S3 source action ${picked.name} of pipeline '${settings.pipelineName}' names no S3Bucket or S3ObjectKey; fix its configuration, or set artifact-key.`);
    }
    return { name: picked.name, provider, bucket: config.S3Bucket, key };
}
/** COMMIT_ID for each source action of this repository: the artifact was built from that commit. */
function commitRevisions(pipeline, repo, sha) {
    return listSourceActions(pipeline)
        .filter((a) => isThisRepo(a, repo))
        .map((a) => ({ actionName: a.name, revisionType: 'COMMIT_ID', revisionValue: sha }));
}
/** The artifact's own revisions on its action: first, so that follow-trigger matches on it. */
function artifactRevisions(action, revision, artifact) {
    if (artifact.kind === 'ecr')
        return [{ actionName: action.name, revisionType: 'IMAGE_DIGEST', revisionValue: revision }];
    const version = { actionName: action.name, revisionType: 'S3_OBJECT_VERSION_ID', revisionValue: revision };
    if (!artifact.key)
        return [version];
    return [version, { actionName: action.name, revisionType: 'S3_OBJECT_KEY', revisionValue: artifact.key }];
}

;// CONCATENATED MODULE: ./src/artifact/progress.ts
const STEP = 0.1;
const EVERY_MS = 10_000;
// A body under one part goes in a single request: "Uploaded" says all there is to say.
const QUIET_BELOW = 5 * 1024 * 1024;
function mib(bytes) {
    return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
class UploadProgress {
    log;
    clock;
    total;
    where;
    read = 0;
    nextShare = STEP;
    lastAt;
    startedAt;
    constructor(log, clock, total, where) {
        this.log = log;
        this.clock = clock;
        this.total = total;
        this.where = where;
        this.startedAt = this.lastAt = clock.now();
    }
    /** Counts bytes read from the artifact (before compression, for a directory). */
    add(bytes) {
        this.read += bytes;
        if (this.total < QUIET_BELOW)
            return;
        const now = this.clock.now();
        const share = this.total > 0 ? this.read / this.total : 1;
        if (share < this.nextShare && now - this.lastAt < EVERY_MS)
            return;
        if (share >= 1 && this.nextShare > 1)
            return;
        while (this.nextShare <= share)
            this.nextShare += STEP;
        this.lastAt = now;
        const seconds = Math.round((now - this.startedAt) / 1000);
        this.log.info(`Uploading ${this.where}: ${Math.min(100, Math.floor(share * 100))} % (${mib(this.read)} of ${mib(this.total)} read, ${seconds} s).`);
    }
    /** A restarted upload reads everything again. */
    restart() {
        this.read = 0;
        this.nextShare = STEP;
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/artifact/tree.ts
// What `artifact` names, read before any AWS call: a file (uploaded as it is) or a directory (zipped), every
// entry listed in a fixed order with its mode and size. A symlink is archived as what it points to, and only
// when that is inside the workspace: a link to ~/.aws or /etc must never end up in a bucket.



const inside = (root, path) => {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel));
};
function refuse(sentence) {
    throw new errors/* ActionError */.lZ(sentence);
}
/** Where a link leads, refused when that is outside the workspace or nothing. */
async function followLink(walk, link, shown) {
    const target = await (0,promises_.realpath)(link).catch(() => refuse(`Input artifact '${walk.input}' holds a symlink, ${shown}, that points to nothing; remove it or build what it names.`));
    if (!inside(walk.workspace, target)) {
        refuse(`Input artifact '${walk.input}' holds a symlink, ${shown}, that points outside the workspace (${target}); ` +
            `the action uploads nothing from outside it: copy the file into the workspace instead of linking to it.`);
    }
    return target;
}
/** Lists `dir` depth-first, names sorted at each level; `ancestors` (real paths) stops a link loop. */
async function walkDir(walk, dir, prefix, ancestors) {
    const names = (await (0,promises_.readdir)(dir)).sort();
    for (const name of names) {
        const path = (0,external_node_path_.join)(dir, name);
        const zipName = prefix + name;
        const shown = `${walk.input.replace(/\/+$/, '')}/${zipName}`;
        let source = path;
        let info = await (0,promises_.lstat)(path);
        if (info.isSymbolicLink()) {
            source = await followLink(walk, path, shown);
            info = await (0,promises_.stat)(source);
        }
        if (info.isDirectory()) {
            const real = await (0,promises_.realpath)(source);
            if (ancestors.includes(real))
                refuse(`Input artifact '${walk.input}' holds a symlink loop at ${shown}; remove the link.`);
            walk.entries.push({ name: `${zipName}/`, source, kind: 'dir', mode: info.mode & 0o777, size: 0 });
            await walkDir(walk, source, `${zipName}/`, [...ancestors, real]);
        }
        else if (info.isFile()) {
            walk.entries.push({ name: zipName, source, kind: 'file', mode: info.mode & 0o777, size: info.size });
        }
        else {
            refuse(`Input artifact '${walk.input}' holds ${shown}, which is neither a file nor a directory (a socket or device); remove it.`);
        }
    }
}
/** Reads the artifact input against the workspace (GITHUB_WORKSPACE, the step's working directory). */
async function readArtifactSource(input, workspaceDir) {
    const workspace = await (0,promises_.realpath)(workspaceDir);
    const given = (0,external_node_path_.resolve)(workspace, input);
    if (!inside(workspace, given)) {
        refuse(`Input artifact '${input}' is outside the workspace (${workspace}); build the artifact inside it and pass its path.`);
    }
    await (0,promises_.lstat)(given).catch(() => refuse(`Input artifact '${input}' does not exist in the workspace (${workspace}); build it before this step, or fix the path.`));
    // realpath: a link anywhere on the way (the path itself or a directory in it) counts as where it leads.
    const path = await (0,promises_.realpath)(given).catch(() => refuse(`Input artifact '${input}' is a symlink that points to nothing; pass the file or directory itself.`));
    if (!inside(workspace, path)) {
        refuse(`Input artifact '${input}' leads outside the workspace (${path}) through a symlink; the action uploads nothing from outside it.`);
    }
    const walk = { input, workspace, entries: [] };
    const target = await (0,promises_.stat)(path);
    if (target.isFile())
        return { kind: 'file', path, size: target.size };
    if (!target.isDirectory())
        refuse(`Input artifact '${input}' is neither a file nor a directory; pass a file or a directory.`);
    await walkDir(walk, path, '', [path]);
    const files = walk.entries.filter((e) => e.kind === 'file');
    if (files.length === 0) {
        refuse(`Input artifact '${input}' is an empty directory (no files in it); build the artifact into it before this step.`);
    }
    return { kind: 'dir', path, entries: walk.entries, size: files.reduce((sum, e) => sum + e.size, 0) };
}
/** "a file" / "a directory of 12 files, zipped", for the log. */
function describeSource(source) {
    if (source.kind === 'file')
        return 'a file, uploaded as it is';
    const files = source.entries.filter((e) => e.kind === 'file').length;
    return `a directory of ${files} file${files === 1 ? '' : 's'}, zipped`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
// EXTERNAL MODULE: ./src/artifact/errors.ts
var artifact_errors = __nccwpck_require__(3087);
;// CONCATENATED MODULE: ./src/artifact/upload.ts
// The upload: the bucket must keep versions (a VersionId is what the start pins), then the bytes stream to
// S3, hashed on the way (artifact-sha256). A transient failure the SDK's own retries did not absorb (a
// SlowDown storm, a reset) restarts the whole upload from fresh bytes, a few times. Only the version the
// final, successful upload returns is the run's artifact: nothing else is ever started or followed.







const UPLOAD_TRIES = 3;
const REVISION_SUMMARY_KEY = 'codepipeline-artifact-revision-summary';
function noVersioning(bucket, why) {
    return new errors/* ActionError */.lZ(`Bucket ${bucket} ${why}, so there is no object version to start the pipeline on; enable versioning on it ` +
        `(aws s3api put-bucket-versioning --bucket ${bucket} --versioning-configuration Status=Enabled), as CodePipeline's S3 source requires.`);
}
/** Refuses an unversioned bucket before anything is written; without s3:GetBucketVersioning, PutObject's answer tells. */
async function checkVersioning(deps, bucket, signal) {
    try {
        const status = await deps.tools.store.versioning(bucket, signal);
        if (status !== 'Enabled')
            throw noVersioning(bucket, status === 'Suspended' ? 'has versioning suspended' : 'does not have versioning enabled');
    }
    catch (err) {
        if (!(0,artifact_errors/* isDenied */.GZ)(err))
            throw err;
        deps.log.info(`Could not read the versioning of bucket ${bucket} (no s3:GetBucketVersioning); the upload's answer will tell.`);
    }
}
/** The body to send, read afresh for each try, hashed and counted on the way. */
function body(deps, source, progress) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    const hasher = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            hash.update(chunk);
            size += chunk.length;
            if (source.kind === 'file')
                progress.add(chunk.length);
            done(null, chunk);
        }
    });
    const raw = source.kind === 'file' ? (0,external_node_fs_.createReadStream)(source.path) : deps.tools.zip(source.entries, (n) => progress.add(n));
    const stream = (0,external_node_stream_.pipeline)(raw, hasher, () => undefined);
    return { stream, digest: () => ({ sha256: hash.digest('hex'), size }) };
}
async function tryOnce(deps, source, target, progress, signal) {
    const { stream, digest } = body(deps, source, progress);
    const contentType = source.kind === 'dir' || source.path.endsWith('.zip') ? 'application/zip' : 'application/octet-stream';
    const metadata = { [REVISION_SUMMARY_KEY]: target.revisionSummary };
    const { versionId } = await deps.tools.store.upload({ bucket: target.bucket, key: target.key, body: stream, metadata, contentType }, signal);
    // Suspended versioning answers "null": a version no start can pin apart from the next upload's.
    if (!versionId || versionId === 'null')
        throw noVersioning(target.bucket, 'gave the upload no VersionId (versioning is not enabled)');
    return { versionId, ...digest() };
}
async function uploadArtifact(deps, source, target, signal) {
    const where = `s3://${target.bucket}/${target.key}`;
    await checkVersioning(deps, target.bucket, signal);
    const progress = new UploadProgress(deps.log, deps.clock, source.size, where);
    deps.log.info(`Uploading ${where} (${mib(source.size)} to read).`);
    for (let attempt = 1;; attempt++) {
        try {
            return await tryOnce(deps, source, target, progress, signal);
        }
        catch (err) {
            if (signal?.aborted || (0,src_clock/* isAbortError */.zf)(err) || attempt >= UPLOAD_TRIES || !(0,artifact_errors/* isTransientS3 */.no)(err))
                throw err;
            const waitMs = deps.backoff(attempt);
            deps.log.warning(`The upload to ${where} failed (${(0,errors/* errorMessage */.gJ)(err)}); uploading it again in ${Math.round(waitMs / 1000)} s (try ${attempt + 1} of ${UPLOAD_TRIES}).`);
            await deps.clock.sleep(waitMs, signal);
            progress.restart();
        }
    }
}

;// CONCATENATED MODULE: ./src/artifact/pin.ts




function field(obj, ...path) {
    let value = obj;
    for (const key of path)
        value = value?.[key];
    return typeof value === 'string' ? value : '';
}
/** The commit's title when the event says it (a push's head commit, a pull request's title for its head). */
function titleOf(payload, sha) {
    if (field(payload, 'head_commit', 'id') === sha)
        return field(payload, 'head_commit', 'message').split('\n')[0] ?? '';
    if (field(payload, 'pull_request', 'head', 'sha') === sha)
        return field(payload, 'pull_request', 'title');
    return '';
}
/** `<owner/repo>@<short sha>: <title>`, printable ASCII (S3 metadata travels in a header), at most 256 characters. */
function revisionSummary(repo, sha, title) {
    const text = `${repo.owner}/${repo.repo}@${sha.slice(0, 7)}${title ? `: ${title}` : ''}`;
    const ascii = text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^\x20-\x7e]/g, '?');
    return ascii.length > 256 ? `${ascii.slice(0, 253)}...` : ascii;
}
function pinImage(deps, action, digest) {
    const where = action.key ? ` (${action.key})` : '';
    deps.log.info(`Image: ${digest} on ECR source action ${action.name}${where} (the image-digest input).`);
    return { actionName: action.name, revision: digest, description: `image ${digest}${where}`, label: `image ${digest.slice(0, 19)}` };
}
async function pinUpload(deps, action, source, commit) {
    const { log, settings } = deps;
    const tools = await deps.loadTools(settings.region);
    const summary = revisionSummary(deps.repo, commit.sha, titleOf(deps.payload, commit.sha));
    const target = { bucket: action.bucket, key: action.key, revisionSummary: summary };
    const uploaded = await uploadArtifact({ ...deps, tools }, source, target, deps.signal);
    deps.outputs.setOutput('artifact-version-id', uploaded.versionId);
    deps.outputs.setOutput('artifact-sha256', uploaded.sha256);
    const where = `s3://${action.bucket}/${action.key}`;
    const description = `${where} version ${uploaded.versionId} (sha256 ${uploaded.sha256}, ${mib(uploaded.size)})`;
    log.info(`Uploaded ${description}.`);
    return { actionName: action.name, revision: uploaded.versionId, description, label: `${where} ${uploaded.versionId.slice(0, 12)}` };
}
async function planArtifactSource(deps) {
    const { artifact, settings, log } = deps;
    // Before any AWS call: a missing path, an empty directory or a link out of the workspace is the input's fault.
    const source = artifact.kind === 's3' ? await readArtifactSource(artifact.path, deps.workspace) : undefined;
    const commit = await deps.chooseCommit();
    log.info(`Commit: ${commit.sha} (${commit.reason})`);
    const pipeline = await deps.getPipeline(settings.pipelineName);
    const action = pickArtifactAction(pipeline, artifact, settings);
    if (source)
        log.info(`Artifact: '${artifact.kind === 's3' ? artifact.path : ''}', ${describeSource(source)}, for S3 source action ${action.name}.`);
    const pinned = artifact.kind === 'ecr' ? pinImage(deps, action, artifact.digest) : await pinUpload(deps, action, source, commit);
    const commits = settings.pinCommit ? commitRevisions(pipeline, deps.repo, commit.sha) : [];
    if (commits.length > 0)
        log.info(`Commit ${commit.sha.slice(0, 7)} also on: ${commits.map((c) => c.actionName).join(', ')}.`);
    return {
        sourceRevisions: [...artifactRevisions(action, pinned.revision, artifact), ...commits],
        commitId: commit.sha,
        pipeline,
        artifact: pinned
    };
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

;// CONCATENATED MODULE: ./src/report/progress.ts
function formatDuration(ms) {
    const s = Math.max(0, ms) / 1000;
    if (s < 60)
        return `${s.toFixed(1)}s`;
    const whole = Math.round(s);
    if (whole < 3600)
        return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
    return `${Math.floor(whole / 3600)}h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`;
}
function isApproval(run) {
    return run.category === 'Approval';
}
/** The newest run of each stage/action: a retried action has several. */
function latestRuns(runs) {
    const latest = new Map();
    for (const run of [...runs].sort((a, b) => (a.startTime ?? 0) - (b.startTime ?? 0))) {
        latest.set(`${run.stageName}\u0000${run.actionName}`, run);
    }
    return latest;
}
const retryKey = (stageName, attempt) => `${stageName}\u0000${attempt}`;
/** " (attempt 2, retried manually)" for a run of a retried stage; "" for a first attempt. */
function attemptLabel(stageName, attempt = 1, triggers) {
    if (attempt <= 1)
        return '';
    const trigger = triggers?.get(retryKey(stageName, attempt));
    const by = trigger === 'ManualStageRetry' ? ', retried manually' : trigger === 'AutomatedStageRetry' ? ', retried automatically' : '';
    return ` (attempt ${attempt}${by})`;
}
/** The log line for a run that has just reached `run.status`; `startedAt` is the execution's start on AWS's clock. */
function describeTransition(run, startedAt, approvalUrl, attempt = 1, triggers) {
    const at = (run.status === 'InProgress' ? run.startTime : run.lastUpdateTime) ?? startedAt;
    const when = `[+${formatDuration(at - startedAt)}]`;
    // A stage retry (automatic or manual) runs actions again under the same execution: say which attempt, and who.
    const name = `${run.stageName} / ${run.actionName}${attemptLabel(run.stageName, attempt, triggers)}`;
    const took = run.startTime !== undefined && run.lastUpdateTime !== undefined ? ` after ${formatDuration(run.lastUpdateTime - run.startTime)}` : '';
    const url = run.externalUrl ? `: ${run.externalUrl}` : '';
    switch (run.status) {
        case 'InProgress':
            if (isApproval(run))
                return `${when} ${name} is waiting for a manual approval: ${run.externalUrl ?? approvalUrl}`;
            return `${when} ${name} started${url}`;
        case 'Succeeded':
            return `${when} ${name} succeeded${took}${url}`;
        case 'Failed': {
            const why = run.errorMessage ?? run.summary;
            return `${when} ${name} failed${took}${why ? `: ${why}` : ''}${run.externalUrl ? ` (${run.externalUrl})` : ''}`;
        }
        case 'Abandoned':
            return `${when} ${name} abandoned${took}`;
        default:
            return `${when} ${name} is ${run.status}${url}`;
    }
}
/** Which attempt of its stage/action each run is (1 for the first), in start order. */
function attemptNumbers(runs) {
    const seen = new Map();
    const attempt = new Map();
    for (const run of [...runs].sort((a, b) => (a.startTime ?? 0) - (b.startTime ?? 0))) {
        const key = `${run.stageName}\u0000${run.actionName}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        attempt.set(run.actionExecutionId, seen.get(key) ?? 1);
    }
    return attempt;
}
// When the run reached its status; at the same instant, an end is told before the start it led to.
function transitionTime(run) {
    return run.status === 'InProgress' ? (run.startTime ?? 0) + 0.5 : (run.lastUpdateTime ?? 0);
}
/**
 * Remembers what was said about each action run, so that each transition is said once. AWS's times and the
 * runner's clock are never compared: the log's offsets count from the first action's start on AWS's clock, and
 * an AWS time reaches the planner translated by that same anchor (the first action started when Start answered),
 * so a runner whose clock is minutes off neither prints +10m offsets nor polls as if the stage had run for ten minutes.
 */
class ProgressTracker {
    log;
    startedAt;
    approvalUrl;
    structure;
    said = new Map();
    told = [];
    runs = [];
    /** Called after an update that had something new to say (the live check run listens). */
    onChange;
    /** Who retried which stage (waits.ts learns it before the update that shows the retry). */
    retryTriggers;
    unreadWhy;
    /** The earliest action start seen, on AWS's clock. */
    awsStart;
    constructor(log, startedAt, approvalUrl, structure) {
        this.log = log;
        this.startedAt = startedAt;
        this.approvalUrl = approvalUrl;
        this.structure = structure;
    }
    setStructure(structure) {
        this.structure = structure;
    }
    /** The stages and actions in order, when known. */
    get stages() {
        return this.structure;
    }
    get latest() {
        return this.runs;
    }
    /** Every transition line said so far, oldest first. */
    get lines() {
        return this.told;
    }
    /** Why the final read failed, when it did: the actions are as last seen, not as they ended. */
    get unread() {
        return this.unreadWhy;
    }
    /** The read after the verdict, so the table shows how each action ended; remembers why when it fails. */
    async finalUpdate(read) {
        try {
            this.update(await read());
        }
        catch (err) {
            this.unreadWhy = err instanceof Error ? err.message : String(err);
        }
    }
    /** Logs the transitions since the last update, oldest first. */
    update(runs) {
        this.runs = runs;
        for (const run of runs)
            if (run.startTime !== undefined && !(run.startTime >= (this.awsStart ?? Infinity)))
                this.awsStart = run.startTime;
        const byTime = [...runs].sort((a, b) => transitionTime(a) - transitionTime(b));
        const before = this.told.length;
        const attempts = attemptNumbers(runs);
        for (const run of byTime) {
            if (this.said.get(run.actionExecutionId) === run.status)
                continue;
            this.said.set(run.actionExecutionId, run.status);
            const attempt = attempts.get(run.actionExecutionId);
            const line = describeTransition(run, this.awsStart ?? transitionTime(run), this.approvalUrl, attempt, this.retryTriggers);
            this.told.push(line);
            this.log.info(line);
        }
        if (this.told.length > before)
            this.onChange?.();
    }
    /** An AWS time as the runner's clock would have read it. */
    onRunnerClock(awsTime) {
        return this.startedAt + (awsTime - (this.awsStart ?? awsTime));
    }
    view() {
        const runs = [...latestRuns(this.runs).values()];
        const running = runs.filter((r) => r.status === 'InProgress');
        const lastStage = this.structure?.at(-1);
        const inLast = (r) => r.stageName === lastStage?.name;
        const lastStageDone = lastStage !== undefined &&
            lastStage.actions.every((name) => runs.some((r) => inLast(r) && r.actionName === name && r.status === 'Succeeded'));
        const broken = runs.some((r) => r.status === 'Failed' || r.status === 'Abandoned');
        return {
            approvalWaiting: running.some(isApproval),
            suggestsEnd: broken || lastStageDone || (runs.length > 0 && running.length === 0),
            lastStageStartedAt: running.some(inLast)
                ? this.onRunnerClock(Math.min(...runs.filter(inLast).map((r) => r.startTime ?? Infinity)))
                : undefined
        };
    }
}

;// CONCATENATED MODULE: ./src/execution/remainders.ts

// As for the whole run's duration (history.ts): recent enough to reflect today's pipeline.
const MEDIAN_OF = 5;
/** NaN for no values. */
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (i) => sorted[i] ?? Number.NaN;
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}
const keyOf = (run) => `${run.stageName}\u0000${run.actionName}`;
function medians(samples) {
    return new Map([...samples].map(([key, values]) => [key, median(values.slice(0, MEDIAN_OF))]));
}
/** From past executions (newest first) and their action runs; undefined when no successful one has runs. */
function learnRemainders(past, runs, excludeId) {
    const ends = new Map(past
        .filter((e) => e.status === 'Succeeded' && e.id !== excludeId && e.lastUpdateTime !== undefined)
        .map((e) => [e.id, e.lastUpdateTime]));
    const afterStart = new Map();
    const afterEnd = new Map();
    const add = (to, key, ms) => {
        if (ms >= 0)
            to.set(key, [...(to.get(key) ?? []), ms]);
    };
    // Newest execution first, so each action's first samples are its newest.
    for (const [id, end] of ends) {
        const own = runs.filter((r) => r.executionId === id);
        for (const run of latestRuns(own).values()) {
            if (run.status !== 'Succeeded')
                continue;
            if (run.startTime !== undefined)
                add(afterStart, keyOf(run), end - run.startTime);
            if (run.lastUpdateTime !== undefined)
                add(afterEnd, keyOf(run), end - run.lastUpdateTime);
        }
    }
    if (afterStart.size === 0 && afterEnd.size === 0)
        return undefined;
    return { afterStart: medians(afterStart), afterEnd: medians(afterEnd) };
}
/**
 * When this execution should end, on AWS's clock, from its newest known moment: the latest action start or
 * end that history knows the remainder of. Undefined while a manual approval waits (nobody knows when it is
 * answered) or when history knows none of the actions seen.
 */
function predictEnd(remainders, runs) {
    const latest = [...latestRuns(runs).values()];
    if (latest.some((r) => r.category === 'Approval' && r.status === 'InProgress'))
        return undefined;
    let best;
    const consider = (at, remainder) => {
        if (at === undefined || remainder === undefined)
            return;
        const end = at + remainder;
        // The newest moment knows the most; at the same moment (parallel actions), the later end is the truth.
        if (best === undefined || at > best.at || (at === best.at && end > best.end))
            best = { at, end };
    };
    for (const run of latest) {
        if (run.status === 'Succeeded')
            consider(run.lastUpdateTime, remainders.afterEnd.get(keyOf(run)));
        else if (run.status === 'InProgress')
            consider(run.startTime, remainders.afterStart.get(keyOf(run)));
    }
    return best?.end;
}

;// CONCATENATED MODULE: ./src/execution/history.ts


// One call, small: enough successes for a median, recent enough to reflect today's pipeline.
const HISTORY_SIZE = 10;
// One page of past action runs: a few executions' worth for most pipelines.
const ACTION_HISTORY_SIZE = 100;
const history_MEDIAN_OF = 5;

/** The median duration of the latest successful executions other than this one; undefined without any. */
function expectedDuration(past, excludeId) {
    const durations = past
        .filter((e) => e.status === 'Succeeded' && e.id !== excludeId && e.startTime !== undefined && e.lastUpdateTime !== undefined)
        .map((e) => e.lastUpdateTime - e.startTime)
        .filter((ms) => ms > 0)
        .slice(0, history_MEDIAN_OF);
    return durations.length > 0 ? median(durations) : undefined;
}
function structureOf(pipeline) {
    return (pipeline.stages ?? []).map((stage) => ({ name: stage.name ?? '', actions: (stage.actions ?? []).map((a) => a.name ?? '') }));
}
/** The usual duration, then (only when there are past successes to learn from) what remains after each action. */
async function learnPast(port, log, pipelineName, executionId, signal) {
    const past = await port.listRecentExecutions(pipelineName, HISTORY_SIZE, signal);
    const expectedMs = expectedDuration(past, executionId);
    if (expectedMs === undefined || !port.listPastActionRuns)
        return { expectedMs };
    const runs = await port.listPastActionRuns(pipelineName, ACTION_HISTORY_SIZE, signal).catch((err) => {
        log.debug(`No past action runs of ${pipelineName}: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return [];
    });
    return { expectedMs, remainders: learnRemainders(past, runs, executionId) };
}
/** Both in parallel; the order is fetched only when discovery did not already read the declaration. */
async function learnExpectations(port, log, pipelineName, executionId, declaration, signal) {
    const history = learnPast(port, log, pipelineName, executionId, signal).catch((err) => {
        log.debug(`No history of ${pipelineName}: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return {};
    });
    const order = declaration
        ? Promise.resolve(structureOf(declaration))
        : port
            .getStructure(pipelineName, signal)
            .catch((err) => void log.debug(`No stage names of ${pipelineName}: ${(0,errors/* errorMessage */.gJ)(err)}`));
    const [{ expectedMs, remainders }, structure] = await Promise.all([history, order]);
    if (expectedMs !== undefined)
        log.info(`Recent successful executions took about ${Math.round(expectedMs / 1000)} s.`);
    return { expectedMs, remainders, structure: structure ?? undefined };
}

;// CONCATENATED MODULE: ./src/github/event-time.ts
function at(payload, path) {
    let value = payload;
    for (const key of path)
        value = value?.[key];
    return value;
}
/** A payload timestamp: ISO text, or epoch seconds (push events' repository.pushed_at). */
function parse(value) {
    if (typeof value === 'number' && Number.isFinite(value))
        return value * 1000;
    if (typeof value !== 'string' || value === '')
        return undefined;
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : undefined;
}
const path = (dotted) => dotted.split('.');
// Per event, the fields that say when it happened, best first. An event that follows from another (a workflow
// run, a check suite, a deployment's status) takes the time its chain began, which is when the push that also
// fired the pipeline's trigger happened: workflow_run.created_at, not updated_at (the other run's end, minutes
// later); a check suite's created_at, not its completion. release: published_at (its created_at is the date of
// the release's commit, which can be months old). create: the ref's creation is a push (repository.pushed_at).
const EVENT_TIME_FIELDS = {
    push: ['repository.pushed_at', 'head_commit.timestamp'],
    create: ['repository.pushed_at'],
    pull_request: ['pull_request.updated_at'],
    pull_request_target: ['pull_request.updated_at'],
    pull_request_review: ['review.submitted_at', 'pull_request.updated_at'],
    pull_request_review_comment: ['comment.created_at', 'pull_request.updated_at'],
    merge_group: ['merge_group.head_commit.timestamp'],
    workflow_run: ['workflow_run.created_at', 'workflow_run.run_started_at'],
    check_suite: ['check_suite.created_at'],
    check_run: ['check_run.check_suite.created_at', 'check_run.started_at'],
    deployment: ['deployment.created_at'],
    deployment_status: ['deployment.created_at', 'deployment_status.created_at'],
    status: ['created_at'],
    release: ['release.published_at'],
    registry_package: ['registry_package.package_version.created_at', 'registry_package.updated_at'],
    package: ['package.package_version.created_at', 'package.updated_at'],
    issue_comment: ['comment.created_at'],
    issues: ['issue.updated_at'],
    discussion: ['discussion.updated_at'],
    discussion_comment: ['comment.updated_at'],
    milestone: ['milestone.updated_at'],
    branch_protection_rule: ['rule.updated_at'],
    page_build: ['build.updated_at'],
    project: ['project.updated_at'],
    project_card: ['project_card.updated_at'],
    project_column: ['project_column.updated_at'],
    fork: ['forkee.created_at']
};
/**
 * Events whose payload carries no time of the event (repository.pushed_at there is the repository's last
 * push, whenever that was): the window is widened instead (see locate.ts).
 */
const EVENTS_WITHOUT_TIME = (/* unused pure expression or super */ null && ([
    'workflow_dispatch',
    'repository_dispatch',
    'schedule',
    'delete',
    'gollum',
    'label',
    'public',
    'watch'
]));
/** The event's time, or undefined when its payload does not say (workflow_dispatch, schedule, ...). */
function eventTime(ctx) {
    const fields = Object.hasOwn(EVENT_TIME_FIELDS, ctx.eventName) ? (EVENT_TIME_FIELDS[ctx.eventName] ?? []) : [];
    for (const field of fields) {
        const ms = parse(at(ctx.payload, path(field)));
        if (ms !== undefined)
            return { ms, source: `${ctx.eventName} ${field}` };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/execution/follow.ts
/** What the execution must run on the source action, as sentences name it. */
function wanted(target) {
    return target.artifact ? `artifact ${target.artifact.label} (revision ${target.artifact.revision})` : `commit ${target.commitId}`;
}
// Change detection: these start executions by themselves (webhooks, EventBridge, polling, PutActionRevision).
const TRIGGERS = new Set(['WebhookV2', 'Webhook', 'CloudWatchEvent', 'PutActionRevision', 'PollForSourceChanges']);
// Someone (or something, such as a Lambda behind an EventBridge rule) called the API: taken only without a trigger's.
const API_START = 'StartPipelineExecution';
/** The revision the execution ran on the source action, if it says. */
function revisionOn(execution, sourceAction) {
    return execution.sourceRevisions.find((r) => r.actionName === sourceAction)?.revisionId;
}
function isForTarget(execution, target) {
    const revision = revisionOn(execution, target.sourceAction);
    if (revision === undefined)
        return false;
    // An S3 VersionId is case-sensitive; shas are hex, whose case CodePipeline may report unlike the event's.
    const same = target.artifact ? revision === target.artifact.revision : revision.toLowerCase() === target.commitId.toLowerCase();
    if (!same)
        return false;
    // Without a start time it cannot be told from a past run of the same commit: not taken.
    return execution.startTime !== undefined && execution.startTime >= target.notBeforeMs;
}
/** The executions for the target, trigger-started ones first: StartPipelineExecution ones only when there is none. */
function matchTriggered(listed, target) {
    const forTarget = listed.filter((e) => isForTarget(e, target));
    const byTrigger = forTarget.filter((e) => TRIGGERS.has(e.triggerType ?? ''));
    const candidates = byTrigger.length > 0 ? byTrigger : forTarget.filter((e) => e.triggerType === API_START);
    const [first] = candidates;
    if (!first)
        return { kind: 'none' };
    if (candidates.length === 1)
        return { kind: 'one', execution: first, byTrigger: byTrigger.length > 0 };
    return { kind: 'several', executions: candidates };
}
/** Whether a listing reaches back far enough: its oldest execution started before the window. */
function coversWindow(page, notBeforeMs) {
    const oldest = page.at(-1);
    return oldest?.startTime !== undefined && oldest.startTime < notBeforeMs;
}
/** An id, a sha or a trigger type from AWS, reduced to characters that cannot form markup or a workflow command. */
function plain(text, max = 64) {
    const safe = (text ?? '').replace(/[^A-Za-z0-9._-]/g, '');
    return safe.length > max ? `${safe.slice(0, max - 1)}\u2026` : safe || '?';
}
function iso(ms) {
    return ms === undefined ? 'at an unknown time' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** "ID (commit abc1234def56 on Source, WebhookV2, started 2026-01-01T12:00:00Z)" */
function describeListed(execution, sourceAction) {
    const revision = revisionOn(execution, sourceAction);
    const commit = revision === undefined ? `no revision on ${sourceAction}` : `commit ${plain(revision, 200).slice(0, 12)} on ${sourceAction}`;
    return `${plain(execution.id)} (${commit}, ${plain(execution.triggerType)}, started ${iso(execution.startTime)})`;
}
/** The one sentence when nothing matched in time; `cutShort`: the listing the last look stopped before the window's start. */
function notFoundSentence(target, minutes, latest, cutShort) {
    const found = latest.length === 0
        ? 'the pipeline has no executions at all'
        : `the latest are ${latest.map((e) => describeListed(e, target.sourceAction)).join(', ')}`;
    const check = cutShort
        ? `the listing was cut short at the ${cutShort.length} newest executions (back to ${iso(cutShort.at(-1)?.startTime)}), so an ` +
            `older one in the window was not seen: set execution-id to follow it`
        : `check that the pipeline's trigger filters (push branches or tags, pull request events and branches, file paths) match this event`;
    return (`No execution of pipeline ${target.pipelineName} for ${wanted(target)} on source action ${target.sourceAction}, ` +
        `started by its trigger since ${iso(target.notBeforeMs)}, appeared within ${minutes} min (trigger-timeout-minutes); ${found}; ${check}.`);
}
/** Said once when a look stopped paging before the window's start: what it did not see. */
function cutShortSentence(target, listed) {
    return (`Listed only the ${listed.length} newest executions of pipeline ${target.pipelineName} (back to ${iso(listed.at(-1)?.startTime)}), ` +
        `not back to the window's start ${iso(target.notBeforeMs)}: an execution started in between is not seen.`);
}
/** The one sentence when two or more match: the action does not pick one. */
function severalSentence(target, executions) {
    const names = executions.map((e) => describeListed(e, target.sourceAction));
    return (`${executions.length} executions of pipeline ${target.pipelineName} were started for ${wanted(target)} on source action ` +
        `${target.sourceAction}: ${names.join(' and ')}; the action does not pick one: set execution-id to the one to follow, ` +
        `or narrow the trigger filters so that one execution runs per commit.`);
}

;// CONCATENATED MODULE: ./src/execution/retry.ts
// What to do when a CodePipeline call fails after the SDK's own retries: give up at once, or wait
// (capped, jittered backoff) and try again until a sustained outage has lasted too long.


const PERMANENT = new Set([
    'PipelineNotFoundException',
    'PipelineExecutionNotFoundException',
    'PipelineVersionNotFoundException',
    'ValidationException',
    'InvalidParameterValueException',
    'AccessDeniedException',
    'AccessDenied',
    'UnrecognizedClientException',
    'InvalidClientTokenId',
    'InvalidSignatureException',
    'MissingAuthenticationTokenException',
    'CredentialsProviderError',
    'PipelineExecutionNotStoppableException',
    'DuplicatedStopRequestException'
]);
// Names AWS and the SDK use for a session whose temporary credentials have run out.
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired']);
const BUSY = new Set(['ConflictException', 'ConcurrentPipelineExecutionsLimitExceededException']);
function classifyFailure(err) {
    const name = (0,errors/* awsErrorName */.ZH)(err);
    if (EXPIRED.has(name))
        return 'expired';
    if (BUSY.has(name))
        return 'busy';
    if (PERMANENT.has(name))
        return 'permanent';
    // Throttling, 5xx, timeouts, dropped connections, and anything unknown: worth another try.
    return 'transient';
}
/** Exponential, capped, with "equal jitter" so that many runners throttled together spread out. */
function jitteredBackoff({ baseMs = 2000, maxMs = 30000, random = Math.random } = {}) {
    return (failure) => {
        const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failure - 1));
        return Math.round(ceiling / 2 + random() * (ceiling / 2));
    };
}
function defaultRetryPolicy(outageToleranceMs) {
    return { outageToleranceMs, backoff: jitteredBackoff() };
}
function expiredCredentialsError(err, ref) {
    return new errors/* ActionError */.lZ(`The AWS credentials expired while following execution ${ref.executionId} (${(0,errors/* awsErrorName */.ZH)(err)}): the session ` +
        `outlived its duration, so set role-duration-seconds of aws-actions/configure-aws-credentials longer than the ` +
        `pipeline takes (and the role's maximum session duration with it); the execution may still be running: ${ref.url}`, { cause: err });
}
/** Tracks one run of failures in a row; a success ends it. */
class OutageWatch {
    clock;
    policy;
    failingSince;
    failures = 0;
    constructor(clock, policy) {
        this.clock = clock;
        this.policy = policy;
    }
    succeeded() {
        this.failingSince = undefined;
        this.failures = 0;
    }
    /** How long the current run of failures has lasted (0 when none). */
    failingForMs() {
        return this.failingSince === undefined ? 0 : this.clock.now() - this.failingSince;
    }
    /**
     * After a failed call: throws `giveUp(err)` when it is not worth retrying or the outage has lasted
     * `limitMs` (default: the outage tolerance); otherwise returns how long to wait before the next try.
     */
    failed(err, giveUp, limitMs = this.policy.outageToleranceMs) {
        const kind = classifyFailure(err);
        if (kind === 'permanent' || kind === 'expired')
            throw giveUp(err, kind);
        this.failingSince ??= this.clock.now();
        this.failures += 1;
        if (this.failingForMs() >= limitMs)
            throw giveUp(err, kind);
        return this.policy.backoff(this.failures);
    }
}
/** The step's failure after a sustained outage while following an execution. */
function outageError(err, failingForMs, ref) {
    const message = (0,errors/* errorMessage */.gJ)(err).replace(/\.$/, '');
    return new errors/* ActionError */.lZ(`Could not get the status of execution ${ref.executionId} for ${Math.round(failingForMs / 1000)} s ` +
        `(outage-tolerance-minutes): ${message}; the step fails, though the execution may still be running: ${ref.url}`, { cause: err });
}
/** What a poll that will not be retried fails the step with. */
function pollFailure(err, kind, failingForMs, ref) {
    if (kind === 'expired')
        return expiredCredentialsError(err, ref);
    if (kind === 'permanent')
        return err;
    return outageError(err, failingForMs, ref);
}
/** Sends `send` until it answers, backing off between tries, or throws once it is not worth another try. */
async function withRetries(deps, call) {
    const outage = new OutageWatch(deps.clock, deps.retry);
    for (;;) {
        try {
            return await call.send(call.signal);
        }
        catch (err) {
            if ((0,src_clock/* isAbortError */.zf)(err) || call.signal?.aborted)
                throw err;
            const kind = classifyFailure(err);
            const giveUp = (e, k) => (call.giveUp ? call.giveUp(e, k, outage.failingForMs()) : e);
            const delayMs = outage.failed(err, giveUp, call.limitMs?.(kind));
            deps.log.warning(`${call.what} (${(0,errors/* errorMessage */.gJ)(err)}); trying again in ${Math.round(delayMs / 1000)} s.`);
            await deps.clock.sleep(delayMs, call.signal);
        }
    }
}

;// CONCATENATED MODULE: ./src/execution/listing.ts

/** Pages of `pageSize` until the pipeline has no more, `enough(page, listedSoFar)` holds, or maxPages were read. */
async function listPages(deps, pipelineName, paging, signal) {
    const listed = [];
    let nextToken;
    for (let page = 0; page < paging.maxPages; page++) {
        const answer = await withRetries(deps, {
            what: `Could not list the executions of pipeline ${pipelineName}`,
            send: (s) => deps.port.listExecutionPage(pipelineName, paging.pageSize, nextToken, s),
            signal
        });
        listed.push(...answer.executions);
        nextToken = answer.nextToken;
        if (!nextToken || paging.enough(answer.executions, listed))
            return { listed, cutShort: false };
    }
    return { listed, cutShort: true };
}

;// CONCATENATED MODULE: ./src/execution/find-trigger.ts



const FIRST_PAUSE_MS = 5000;
const MAX_PAUSE_MS = 30_000;
const PAUSE_GROWTH = 1.5;
// Twin triggers (a push filter and a pull-request filter on the same commit) start within seconds of each
// other: after the first match, one more look this much later, so that the action never picks one silently.
const TWIN_CHECK_MS = 10_000;
// A look pages back until it is past the window's start (ListPipelineExecutions is newest first), 100 at a time
// (the API's most: the quota counts calls, not executions). Not the SDK's paginator: each page is retried on
// its own (a retry of the paginator would start again from the first page). Past MAX_PAGES a look stops and
// says so: a pipeline that ran more than 2,000 executions since the event is beyond what a look should cost.
const PAGE_SIZE = 100;
const MAX_PAGES = 20;
const SHOWN_WHEN_MISSING = 5;
function look(deps, target, signal) {
    const enough = (page) => coversWindow(page, target.notBeforeMs);
    return listPages(deps, target.pipelineName, { pageSize: PAGE_SIZE, maxPages: MAX_PAGES, enough }, signal);
}
/** After a first match, one more look: a second execution for the commit fails the step naming both. */
async function find_trigger_confirm(deps, target, found, signal) {
    deps.log.info(`Found ${describeListed(found, target.sourceAction)}; making sure no second execution follows it.`);
    await deps.clock.sleep(TWIN_CHECK_MS, signal);
    const again = matchTriggered((await look(deps, target, signal)).listed, target);
    if (again.kind === 'several')
        throw new errors/* ActionError */.lZ(severalSentence(target, again.executions));
    return again.kind === 'one' ? again.execution : found;
}
/** The trigger's execution for the target, or a one-sentence failure after timeoutMs (or at once for two). */
async function findTriggered(deps, target, timeoutMs, signal) {
    const { clock, log } = deps;
    const deadline = clock.now() + timeoutMs;
    let pauseMs = FIRST_PAUSE_MS;
    let warned = false;
    log.info(`Waiting up to ${timeoutMs / 60_000} min for the execution the trigger of pipeline ${target.pipelineName} starts for ` +
        `${target.artifact ? `artifact ${target.artifact.label}` : `commit ${target.commitId}`} on source action ${target.sourceAction} (started since ${new Date(target.notBeforeMs).toISOString()}).`);
    for (;;) {
        const { listed, cutShort } = await look(deps, target, signal);
        if (cutShort && !warned)
            log.warning(cutShortSentence(target, listed));
        warned ||= cutShort;
        const match = matchTriggered(listed, target);
        if (match.kind === 'several')
            throw new errors/* ActionError */.lZ(severalSentence(target, match.executions));
        if (match.kind === 'one') {
            if (!match.byTrigger)
                log.warning(`No trigger started an execution for the commit; following one started by StartPipelineExecution.`);
            return find_trigger_confirm(deps, target, match.execution, signal);
        }
        const leftMs = deadline - clock.now();
        if (leftMs <= 0)
            throw new errors/* ActionError */.lZ(notFoundSentence(target, timeoutMs / 60_000, listed.slice(0, SHOWN_WHEN_MISSING), cutShort ? listed : undefined));
        log.debug(`No matching execution yet (${listed.length} listed); looking again in ${Math.round(Math.min(pauseMs, leftMs) / 1000)} s.`);
        await clock.sleep(Math.min(pauseMs, leftMs), signal);
        pauseMs = Math.min(pauseMs * PAUSE_GROWTH, MAX_PAUSE_MS);
    }
}

;// CONCATENATED MODULE: ./src/execution/locate.ts





// "A little before the event": clocks differ, and a push trigger may react before GitHub stamps a pull
// request's update. Short enough that an earlier run of the same commit (the branch before its pull request,
// a previous push of it) is not taken for this event's.
const EVENT_MARGIN_MS = 2 * 60_000;
// Without the event's time, the step's start is all there is, and a runner queue or a `needs:` chain can put it
// long after the event: the window reaches back a day, the longest GitHub keeps a job queued for a runner. A
// wider window only risks an older run of the same commit, which is never taken silently: with two matching
// executions the step fails naming both (set execution-id), and the log says the window was widened.
const NO_EVENT_TIME_WINDOW_MS = 24 * 60 * 60_000;
const locate_FULL_SHA = /^([0-9a-f]{40}|[0-9a-f]{64})$/i;
/** Since when the trigger's execution may have started: the event's time less a margin, else a day before the step. */
function windowStart(deps) {
    const event = eventTime(deps.github);
    if (event) {
        deps.log.debug(`The event happened at ${new Date(event.ms).toISOString()} (${event.source}).`);
        return event.ms - EVENT_MARGIN_MS;
    }
    deps.log.info(`The ${deps.github.eventName || 'unknown'} event's payload has no time of the event; looking for executions started up to ` +
        `${NO_EVENT_TIME_WINDOW_MS / 3_600_000} h before this step began, as a runner queue or earlier jobs may have held it.`);
    return deps.clock.now() - NO_EVENT_TIME_WINDOW_MS;
}
async function byTrigger(deps, settings, timeoutMs, plan, signal) {
    const sourceAction = plan.sourceRevisions[0]?.actionName;
    if (!sourceAction || !plan.commitId)
        throw new errors/* ActionError */.lZ('follow-trigger needs a commit and a source action to match; none was chosen.');
    const target = {
        pipelineName: settings.pipelineName,
        sourceAction,
        commitId: plan.commitId,
        notBeforeMs: windowStart(deps),
        artifact: plan.artifact && { revision: plan.artifact.revision, label: plan.artifact.label }
    };
    const found = await findTriggered(deps, target, timeoutMs, signal);
    return { executionId: found.id, commitId: plan.commitId, startTime: found.startTime, pipeline: plan.pipeline, artifact: plan.artifact };
}
/** The commit an execution named by id ran on this repository's source action, from its source artifact's revision. */
async function commitOf(deps, settings, state, signal) {
    try {
        const { pipelineName } = settings;
        const pipeline = await withRetries(deps, {
            what: `Could not read pipeline ${pipelineName}`,
            send: (s) => deps.port.getPipeline(pipelineName, s),
            signal
        });
        const name = settings.sourceAction ?? pickSourceAction(listSourceActions(pipeline), deps.github.repo, pipelineName).name;
        const action = (pipeline.stages ?? []).flatMap((stage) => stage.actions ?? []).find((a) => a.name === name);
        const artifact = action?.outputArtifacts?.[0]?.name;
        const revision = state.artifactRevisions?.find((r) => r.name === artifact)?.revisionId ?? '';
        if (locate_FULL_SHA.test(revision))
            return { commitId: revision.toLowerCase(), pipeline };
        deps.log.info(`No commit status: execution's revision on source action ${name} is not a commit.`);
        return { pipeline };
    }
    catch (err) {
        if (signal.aborted)
            throw err;
        deps.log.info(`No commit status: could not tell which commit the execution runs (${(0,errors/* errorMessage */.gJ)(err)}).`);
        return {};
    }
}
async function byId(deps, settings, executionId, signal) {
    const { pipelineName, region } = settings;
    let state;
    try {
        state = await withRetries(deps, {
            what: `Could not read execution ${executionId}`,
            send: (s) => deps.port.getExecution(pipelineName, executionId, s),
            signal
        });
    }
    catch (err) {
        if ((0,errors/* awsErrorName */.ZH)(err) !== 'PipelineExecutionNotFoundException')
            throw err;
        throw new errors/* ActionError */.lZ(`Input execution-id '${executionId}' is not an execution of pipeline ${pipelineName} in ${region} ` +
            `(PipelineExecutionNotFoundException); pass the id of one of its executions.`, { cause: err });
    }
    return { executionId, ...(await commitOf(deps, settings, state, signal)) };
}
/** The execution named, or the trigger's for the commit (`plan()` chooses the commit and source action). */
async function locateExecution(deps, settings, follow, plan, signal) {
    if (follow.kind === 'execution')
        return byId(deps, settings, follow.executionId, signal);
    return byTrigger(deps, settings, follow.timeoutMs, await plan(), signal);
}

;// CONCATENATED MODULE: ./src/execution/request-token.ts
// StartPipelineExecution's clientRequestToken: the same for every try of one step in one run attempt,
// so a retried or relaunched process gets its execution back instead of starting a second one.

function stepIdentity(env) {
    return { runId: env.GITHUB_RUN_ID, runAttempt: env.GITHUB_RUN_ATTEMPT, job: env.GITHUB_JOB, action: env.GITHUB_ACTION };
}
/**
 * A token matching the model's `^[a-zA-Z0-9-]+$`, at most 128 characters. The variables and source
 * revisions are part of it: matrix legs share run, job and step, and differ only in what they send.
 * Outside a workflow run (no GITHUB_RUN_ID) there is nothing stable to derive it from: a random one.
 */
function deriveRequestToken(step, request) {
    if (!step.runId)
        return (0,external_node_crypto_.randomUUID)();
    const identity = JSON.stringify([
        step.runId,
        step.runAttempt ?? '1',
        step.job ?? '',
        step.action ?? '',
        request.pipelineName,
        request.variables.map((v) => [v.name, v.value]),
        request.sourceRevisions.map((r) => [r.actionName, r.revisionType, r.revisionValue])
    ]);
    const digest = (0,external_node_crypto_.createHash)('sha256').update(identity).digest('hex');
    return `gha-${step.runId}-${step.runAttempt ?? '1'}-${digest}`.replace(/[^a-zA-Z0-9-]/g, '-').slice(0, 128);
}

;// CONCATENATED MODULE: ./src/execution/start.ts





function startRequest(settings, plan, clientRequestToken) {
    return { pipelineName: settings.pipelineName, variables: settings.variables, sourceRevisions: plan.sourceRevisions, clientRequestToken };
}
/** The start for these settings and sources; the token is client-request-token, else derived from the step. */
function planStart(settings, step, source) {
    const token = settings.clientRequestToken ?? deriveRequestToken(step, startRequest(settings, source, ''));
    return {
        pipeline: { pipelineName: settings.pipelineName, region: settings.region },
        request: startRequest(settings, source, token),
        commitId: source.commitId || undefined,
        wait: settings.wait,
        startRetryMs: settings.startRetryMs
    };
}
function startFailure(err, kind, failingForMs, pipelineName) {
    const seconds = Math.round(failingForMs / 1000);
    if (kind === 'busy') {
        return new errors/* ActionError */.lZ(`Pipeline ${pipelineName} did not accept a new execution for ${seconds} s (${(0,errors/* awsErrorName */.ZH)(err)}: ${(0,errors/* errorMessage */.gJ)(err)}); ` +
            `nothing was started. Raise start-retry-minutes, or let the running executions finish.`, { cause: err });
    }
    if (kind === 'transient') {
        return new errors/* ActionError */.lZ(`Could not start pipeline ${pipelineName}: CodePipeline kept failing for ${seconds} s (outage-tolerance-minutes): ${(0,errors/* errorMessage */.gJ)(err)}`, { cause: err });
    }
    return err;
}
// Refused before anything was done: throttled as well as busy, invalid, denied or expired. A 5xx, a timeout, a
// dropped connection or a request we abandoned may have started an execution all the same.
const THROTTLED = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown']);
function provesNothingStarted(err) {
    return !(0,src_clock/* isAbortError */.zf)(err) && (classifyFailure(err) !== 'transient' || THROTTLED.has((0,errors/* awsErrorName */.ZH)(err)));
}
/** One start: its tries (the same token each time), and what a cancel needs to know about them. */
class StartAttempt {
    deps;
    plan;
    /** The execution, once the start answers; rejects when it gives up or is abandoned. */
    answer;
    pipeline;
    abandoned = new AbortController();
    requestsOnWire = 0;
    /** Some answer could not prove that nothing was started; sticky: a later refusal does not undo it. */
    unclear = false;
    constructor(deps, plan) {
        this.deps = deps;
        this.plan = plan;
        this.pipeline = plan.pipeline;
        const { pipelineName, variables } = plan.request;
        const names = variables.map((v) => v.name).join(', ');
        deps.log.info(`Starting pipeline ${pipelineName}${names ? ` with variables ${names}` : ''}`);
        deps.state.saveStartSent(plan.pipeline);
        this.answer = this.sendWithRetries().then((id) => this.announce(id), (err) => {
            if (!this.mayHaveStarted())
                deps.state.saveNothingStarted();
            throw err;
        });
    }
    /** A request is on the wire, or some answer could not prove that nothing was started. */
    mayHaveStarted() {
        return this.requestsOnWire > 0 || this.unclear;
    }
    /** Whether a request is on the wire whose answer has not come (false during a backoff between tries). */
    onWire() {
        return this.requestsOnWire > 0;
    }
    /** Abandons the request in flight and any further tries. */
    abort() {
        this.abandoned.abort();
    }
    /** The same request once more, no retries: the execution the first tries made, if they made one. */
    async again(signal) {
        return this.announce(await this.send(signal));
    }
    async send(signal) {
        this.requestsOnWire++;
        try {
            return await this.deps.port.startExecution(this.plan.request, signal);
        }
        catch (err) {
            if (!provesNothingStarted(err))
                this.unclear = true;
            throw err;
        }
        finally {
            this.requestsOnWire--;
        }
    }
    // Transient faults are retried for outage-tolerance-minutes whatever startRetryMs says: each try is one request.
    sendWithRetries() {
        const { pipelineName } = this.plan.request;
        return withRetries(this.deps, {
            what: `Pipeline ${pipelineName} did not start`,
            send: (signal) => this.send(signal),
            signal: this.abandoned.signal,
            limitMs: (kind) => (kind === 'busy' ? this.plan.startRetryMs : undefined),
            giveUp: (err, kind, failingForMs) => startFailure(err, kind, failingForMs, pipelineName)
        });
    }
    /** Saves the id for the post step first, then the outputs and the log line. */
    announce(executionId) {
        const execution = describeExecution(this.plan.pipeline, executionId, 'started');
        this.deps.state.saveStarted(execution, this.plan.wait);
        this.deps.outputs.setOutput('pipeline-execution-id', executionId);
        this.deps.outputs.setOutput('execution-url', execution.consoleUrl);
        this.deps.outputs.setOutput('commit-id', this.plan.commitId ?? '');
        this.deps.log.info(`Started execution ${executionId}: ${execution.consoleUrl}`);
        return execution;
    }
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
        const why = timeout.signal.aborted && (0,src_clock/* isAbortError */.zf)(err) ? `no answer within ${timeoutMs / 1000} s` : (0,errors/* errorMessage */.gJ)(err);
        deps.log.error(`Could not stop execution ${executionId} (${why}); stop it in the console: ${url}`);
        return false;
    }
    finally {
        giveUp.abort();
    }
}

;// CONCATENATED MODULE: ./src/execution/cancel.ts



const STOP_TIMEOUT_MS = 4000;
// A start in flight gets this long to answer; then it is abandoned and asked again with the same token.
const START_ANSWER_GRACE_MS = 800;
const START_AGAIN_TIMEOUT_MS = 2500;
// Whatever happens (a start that never answers, an API that is slow or throttling), exit before the runner's
// SIGTERM, 7.5 s after its SIGINT; a second of margin for a busy machine.
const EXIT_DEADLINE_MS = 6500;
// When there is a cancel report to make (the final commit status, the check run, the summary), the stop leaves
// it this much of the deadline: a stop given up on is said in the report, a report never made is a check
// stuck in progress (and the post step stops the execution still).
const REPORT_RESERVE_MS = 2500;
const MIN_STOP_MS = 500;
const SIGNALS = ['SIGINT', 'SIGTERM'];
class CancelGuard {
    deps;
    controller = new AbortController();
    start;
    execution;
    handling;
    report;
    awaiting;
    /** Set once the outcome is decided: the exit code a late signal exits with, if main takes too long. */
    decidedExitCode;
    lateDeadline = new AbortController();
    lateSignalSeen = false;
    listeners = SIGNALS.map((name) => [name, () => this.onSignal(name)]);
    constructor(deps) {
        this.deps = deps;
    }
    /** Aborted on the first signal before the outcome is decided: the start and the wait stop. */
    get signal() {
        return this.controller.signal;
    }
    /** Settles once a cancel has been handled (and exit called); undefined while no cancel came. */
    get cancelling() {
        return this.handling;
    }
    install() {
        for (const [name, fn] of this.listeners)
            this.deps.process.on(name, fn);
    }
    uninstall() {
        for (const [name, fn] of this.listeners)
            this.deps.process.removeListener(name, fn);
        this.lateDeadline.abort();
    }
    /** The StartPipelineExecution call in flight; a signal waits briefly for its answer, or asks again. */
    trackStart(start) {
        this.start = start;
    }
    /**
     * The execution the step follows (started by it or not), and how to report a cancel (the summary, the commit
     * status, the check run) within the same exit deadline. One the step did not start is never stopped.
     */
    following(execution, report) {
        this.execution = execution;
        this.report = report;
    }
    /** The step waits for an execution it will follow but did not start (follow-trigger): how to report a cancel meanwhile. */
    awaitingFollow(report) {
        this.awaiting = report;
    }
    /**
     * The outcome is decided (a verdict, or a timeout or outage that main handles): a signal from now on
     * neither stops nor reports; main finishes, and exits with `exitCode` if it is not done by the deadline.
     */
    decided(exitCode = 1) {
        this.decidedExitCode = exitCode;
    }
    onSignal(signal) {
        const { log } = this.deps;
        if (this.handling)
            return log.info(`Received ${signal} again; already cancelling.`);
        if (this.decidedExitCode !== undefined)
            return this.finishDecided(signal);
        log.info(`Received ${signal}: the workflow was cancelled or the step timed out.`);
        this.deps.state.markCancelled();
        this.controller.abort();
        const deadline = new AbortController();
        const exitAt = this.deps.clock.now() + EXIT_DEADLINE_MS;
        const timedOut = this.deps.clock.sleep(EXIT_DEADLINE_MS, deadline.signal).then(() => log.error(`Gave up cancelling after ${EXIT_DEADLINE_MS / 1000} s.`), () => undefined);
        const handled = this.stopStarted(exitAt)
            .catch((err) => (log.error(`Cancelling failed: ${(0,errors/* errorMessage */.gJ)(err)}`), 'not stopped'))
            .then((outcome) => (outcome ? this.report?.(outcome, exitAt) : this.awaiting?.()))
            .catch((err) => log.warning(`Could not report the cancelled run: ${(0,errors/* errorMessage */.gJ)(err)}`));
        this.handling = Promise.race([handled, timedOut]).then(() => {
            deadline.abort();
            this.deps.process.exit(1);
        });
    }
    /** After the verdict: main is writing the report; it must not be overwritten, only bounded in time. */
    finishDecided(signal) {
        if (this.lateSignalSeen)
            return this.deps.log.info(`Received ${signal} again; finishing the report.`);
        this.lateSignalSeen = true;
        this.deps.log.info(`Received ${signal} after the outcome was decided; finishing the report.`);
        const code = this.decidedExitCode ?? 1;
        this.deps.clock.sleep(EXIT_DEADLINE_MS, this.lateDeadline.signal).then(() => this.deps.process.exit(code), () => undefined);
    }
    /** What the start made, within about 1 s even when it hangs in retries, plus one more ask when in doubt. */
    async startedExecution(start) {
        const answered = start.answer.then((execution) => ({ execution }), () => undefined);
        const { clock, log } = this.deps;
        // Between tries, stop trying at once; the answers so far tell whether one may have started.
        if (!start.onWire())
            start.abort();
        const waited = await raceSleep(clock, START_ANSWER_GRACE_MS, answered);
        if (waited)
            return waited;
        start.abort();
        if (!start.mayHaveStarted())
            return { nothing: true };
        log.info('The start got no clear answer; asking again with the same client request token to learn its execution.');
        return raceSleep(clock, START_AGAIN_TIMEOUT_MS, (signal) => start.again(signal)).then((execution) => (execution ? { execution } : { unknown: `no answer within ${START_AGAIN_TIMEOUT_MS / 1000} s` }), (err) => ({ unknown: (0,errors/* errorMessage */.gJ)(err) }));
    }
    /** How long the stop may take: what the deadline leaves after the report's share, within STOP_TIMEOUT_MS. */
    stopBudget(exitAt) {
        const reserve = this.report ? REPORT_RESERVE_MS : MIN_STOP_MS;
        return Math.max(MIN_STOP_MS, Math.min(STOP_TIMEOUT_MS, exitAt - reserve - this.deps.clock.now()));
    }
    /** Finds what the start made and stops it; says what became of it, or undefined when there is nothing to report. */
    async stopStarted(exitAt) {
        const { log, settings } = this.deps;
        const { start, execution } = this;
        const learned = execution ? { execution } : start ? await this.startedExecution(start) : { nothing: true };
        if ('nothing' in learned) {
            if (start)
                this.deps.state.saveNothingStarted();
            log.info(this.awaiting ? 'Stopped waiting for the execution to follow; this step started nothing.' : 'No execution was started.');
            return undefined;
        }
        if ('unknown' in learned) {
            log.warning(`Could not learn whether an execution of pipeline ${start.pipeline.pipelineName} was started (${learned.unknown}); ` +
                `if one was, it is still running: ${pipelineUrl(start.pipeline)}`);
            return undefined;
        }
        const { executionId, consoleUrl } = learned.execution;
        if (!mayStop(learned.execution)) {
            log.info(`Stopped following execution ${executionId}; it was not started by this step and keeps running: ${consoleUrl}`);
            return 'not ours';
        }
        if (!settings.stopOnCancel) {
            log.warning(`stop-on-cancel is false: execution ${executionId} is left running: ${consoleUrl}`);
            return 'left running';
        }
        const reason = stopReason('Workflow run cancelled:', this.deps.workflowRun);
        const stopped = await stopExecution(this.deps, learned.execution, { abandon: settings.abandonOnCancel, reason }, this.stopBudget(exitAt));
        if (stopped)
            this.deps.state.markStopped();
        return stopped ? 'stopped' : 'not stopped';
    }
}
/** `work` (a promise, or a call taking an abort signal) or undefined after `ms`, whichever comes first. */
async function raceSleep(clock, ms, work) {
    const timer = new AbortController();
    const cut = new AbortController();
    const timedOut = clock.sleep(ms, timer.signal).then(() => cut.abort(), () => undefined);
    try {
        return await Promise.race([typeof work === 'function' ? work(cut.signal) : work, timedOut.then(() => undefined)]);
    }
    finally {
        timer.abort();
    }
}

;// CONCATENATED MODULE: ./src/execution/timeout.ts
// wait-timeout-minutes: stop waiting after a set time; stop-on-timeout decides whether the execution stops too.



/** Aborts its signal when the time is up; nothing at all without a limit. */
class WaitTimeout {
    controller = new AbortController();
    timer = new AbortController();
    hit = false;
    constructor(clock, limitMs) {
        if (limitMs === undefined)
            return;
        clock.sleep(limitMs, this.timer.signal).then(() => {
            this.hit = true;
            this.controller.abort();
        }, () => undefined);
    }
    get signal() {
        return this.controller.signal;
    }
    get reached() {
        return this.hit;
    }
    dispose() {
        this.timer.abort();
    }
}
/** Stops the execution if stop-on-timeout says so, and returns the step's failure. */
async function handleTimeout(deps, execution) {
    const { waitTimeoutMs = 0, stopOnTimeout, abandonOnCancel } = deps.settings;
    const { pipelineName, executionId, consoleUrl: url } = execution;
    const what = `Execution ${executionId} of pipeline ${pipelineName} did not finish within ${waitTimeoutMs / 60000} minutes (wait-timeout-minutes)`;
    if (!stopOnTimeout) {
        deps.state.markLeftRunning();
        return new errors/* ActionError */.lZ(`${what}; it is left running (set stop-on-timeout: true to stop it): ${url}`);
    }
    const reason = stopReason('wait-timeout-minutes reached in', deps.workflowRun);
    const stopped = await stopExecution(deps, execution, { abandon: abandonOnCancel, reason }, STOP_TIMEOUT_MS);
    if (stopped)
        deps.state.markStopped();
    return new errors/* ActionError */.lZ(`${what}; ${stopped ? 'it was stopped' : 'stopping it failed'} (stop-on-timeout): ${url}`);
}

;// CONCATENATED MODULE: ./src/execution/stale.ts
/** How long a retried execution may keep showing only its old ending before the step gives up on it. */
const STALE_LIMIT_MS = 120_000;
/** Whether the listed execution shows this ending, newer than the retry. Unknown times are never newer. */
function isFreshEnding(marker, status, listed) {
    if (listed === undefined || listed.status !== status)
        return false;
    if (marker.lastUpdateTime === undefined || listed.lastUpdateTime === undefined)
        return false;
    return listed.lastUpdateTime > marker.lastUpdateTime;
}
/** Tells a retried execution's real ending from a stale read of its old one; without a marker every ending counts. */
class RetriedEnding {
    marker;
    retriedAt;
    listed;
    seenRunning = false;
    staleSeen = false;
    constructor(marker, retriedAt, listed) {
        this.marker = marker;
        this.retriedAt = retriedAt;
        this.listed = listed;
    }
    /** Whether this status is the verdict: an ending, and not a stale read of the one before the retry. */
    async isVerdict(status, terminal) {
        if (!terminal) {
            // Not an ending: the reads show the retry, so later endings are the retry's.
            this.seenRunning = true;
            this.staleSeen = false;
            return false;
        }
        if (this.marker === undefined || this.seenRunning)
            return true;
        this.staleSeen = !isFreshEnding(this.marker, status, await this.listed());
        return !this.staleSeen;
    }
    /** Throws when only the old ending has shown for STALE_LIMIT_MS since the retry (runner clock: a duration only). */
    checkOverdue(now, executionId, consoleUrl) {
        if (!this.staleSeen || now - this.retriedAt < STALE_LIMIT_MS)
            return;
        const minutes = Math.round(STALE_LIMIT_MS / 60_000);
        throw new Error(`CodePipeline accepted the retry of execution ${executionId}, but for ${minutes} minutes it never showed the retried execution running, only its earlier ending (${this.marker?.status ?? 'unknown'}), so the retry has no verdict yet: ${consoleUrl}`);
    }
}
/** The followed execution's RetriedEnding: its ListPipelineExecutions entry is looked for on the newest page. */
function retriedEnding(port, followed, signal) {
    const { pipelineName, executionId } = followed.execution;
    const listed = async () => (await port.listExecutionPage(pipelineName, 50, undefined, signal)).executions.find((e) => e.id === executionId);
    return new RetriedEnding(followed.staleBefore, followed.startedAt, listed);
}

;// CONCATENATED MODULE: ./src/execution/wait.ts





// Stopping and InProgress are not here: a Stopping execution may still finish its actions.
const TERMINAL = new Set(['Succeeded', 'Failed', 'Stopped', 'Cancelled', 'Superseded']);
/** One progress poll; a retried stage's lines say who retried it, so that is learnt first. */
async function pollProgress(port, followed, signal) {
    const { pipelineName, executionId } = followed.execution;
    const runs = await port.listActionRuns(pipelineName, executionId, signal);
    await followed.waits?.learnRetries(runs, signal);
    followed.progress.update(runs);
}
/** After a progress poll: a queue before the first stage explained, and the running actions' new log lines. */
async function afterProgressPoll(followed, signal) {
    // No action at all yet: it may be queued before the first stage.
    if (followed.progress.latest.length === 0)
        await followed.waits?.afterStatus([], signal);
    await followed.approver?.afterProgress(followed.progress.latest, signal);
    await followed.afterProgress?.(followed.progress.latest, signal);
}
function isTerminal(status) {
    return TERMINAL.has(status);
}
function finished(deps, state) {
    deps.state.markFinished();
    deps.outputs.setOutput('status', state.status);
    deps.outputs.setOutput('status-summary', state.statusSummary ?? '');
    return state;
}
/** Says a status worth a line (Stopping, or a new summary); returns what was shown. The final status is the
 * verdict's to say, after the last progress is shown. */
function sayStatus(log, executionId, state, last) {
    const shown = `${state.status}${state.statusSummary ? `: ${state.statusSummary}` : ''}`;
    if (shown !== last && shown !== 'InProgress')
        log.info(`Execution ${executionId} is ${shown}`);
    return shown;
}
/** What the planner knows of the execution: when it started, how long it usually takes, what it is doing. */
function known({ startedAt, expectedMs, remainders, progress, waits, approver }) {
    const endAt = remainders && predictEnd(remainders, progress.latest);
    const predictedEndAt = endAt === undefined ? undefined : progress.onRunnerClock(endAt);
    const view = progress.view();
    // An approval the step has just approved waits no more: the next poll comes at the usual pace, not the slow one.
    const approvalWaiting = view.approvalWaiting && !(approver?.approvedAll(progress.latest) ?? false);
    return {
        startedAt,
        expectedMs,
        predictedEndAt,
        progress: { ...view, approvalWaiting, longWait: waits?.longWait(progress.latest) ?? false }
    };
}
async function waitForExecution(deps, followed, signal) {
    const { port, clock, log } = deps;
    const outage = new OutageWatch(clock, deps.retry);
    const { pipelineName, executionId, consoleUrl } = followed.execution;
    const ref = { executionId, url: consoleUrl };
    const retried = retriedEnding(port, followed, signal);
    let last = '';
    let lastCall = 'progress';
    let lastStatusAt = followed.startedAt;
    let lastProgressAt = followed.startedAt;
    let progressAllowed = true;
    // After a failed poll, the retry policy's jittered backoff replaces the planner's delay.
    let backoffMs;
    // A followed execution may have run for minutes, or ended, before the step found it: its status is asked at once.
    let first = followed.execution.origin === 'followed' ? { call: 'status', delayMs: 0 } : undefined;
    for (;;) {
        retried.checkOverdue(clock.now(), executionId, consoleUrl);
        const asked = { lastCall, lastStatusAt, lastProgressAt, limits: deps.limits };
        const plan = first ?? deps.planner({ now: clock.now(), ...known(followed), ...asked });
        first = undefined;
        await clock.sleep(backoffMs ?? plan.delayMs, signal);
        backoffMs = undefined;
        lastCall = progressAllowed ? plan.call : 'status';
        try {
            if (lastCall === 'progress') {
                lastProgressAt = clock.now();
                await pollProgress(port, followed, signal);
                outage.succeeded();
                await afterProgressPoll(followed, signal);
                continue;
            }
            lastStatusAt = clock.now();
            const state = await port.getExecution(pipelineName, executionId, signal);
            outage.succeeded();
            if (await retried.isVerdict(state.status, isTerminal(state.status)))
                return finished(deps, state);
            if (isTerminal(state.status))
                continue; // a stale read of the ending before the retry: poll on
            last = sayStatus(log, executionId, state, last);
            await followed.waits?.afterStatus(followed.progress.latest, signal);
        }
        catch (err) {
            if ((0,src_clock/* isAbortError */.zf)(err) || signal?.aborted)
                throw err;
            // Progress is a nicety: without the permission, the verdict still comes from the status.
            if (lastCall === 'progress' && (0,errors/* awsErrorName */.ZH)(err) === 'AccessDeniedException') {
                progressAllowed = false;
                log.warning(`No progress will be shown: ${(0,errors/* errorMessage */.gJ)(err)}`);
                continue;
            }
            backoffMs = outage.failed(err, (e, kind) => pollFailure(e, kind, outage.failingForMs(), ref));
            const what = lastCall === 'progress' ? "the execution's progress" : "the execution's status";
            log.warning(`Could not get ${what} (${(0,errors/* errorMessage */.gJ)(err)}); trying again in ${Math.round(backoffMs / 1000)} s.`);
        }
    }
}

;// CONCATENATED MODULE: ./src/codepipeline/variables.ts

function checkVariables(variables, pipeline) {
    if (pipeline === undefined || variables.length === 0)
        return;
    const name = pipeline.name ?? 'the pipeline';
    if (pipeline.pipelineType !== 'V2')
        throw new errors/* ActionError */.lZ(`variables: pipeline ${name} is a ${pipeline.pipelineType ?? 'V1'} pipeline, and pipeline variables need a V2 pipeline; ` +
            'upgrade it to V2 (and declare the variables) or remove the variables input.');
    const declared = (pipeline.variables ?? []).map((v) => v.name ?? '');
    const unknown = variables.find((v) => !declared.includes(v.name ?? ''));
    if (unknown === undefined)
        return;
    const list = declared.length > 0 ? `it declares ${declared.join(', ')}` : 'it declares none';
    throw new errors/* ActionError */.lZ(`variables: ${unknown.name} is not declared in pipeline ${name} (${list}); declare it in the pipeline (variables section) or remove it from the variables input.`);
}

;// CONCATENATED MODULE: ./src/github/pulls.ts
// A pull request's head, read through the GitHub API: issue_comment payloads name the pull request but not
// its commit. @actions/github (and octokit with it) is loaded only then, as a chunk of its own (as for statuses).

// A GitHub that does not answer must not hold the step for long.
const REQUEST_TIMEOUT_MS = 10_000;
const loadPullRequestReader = async (token, baseUrl) => {
    const { getOctokit } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(413)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2413));
    const octokit = getOctokit(token, { baseUrl });
    return async ({ owner, repo, number }) => {
        try {
            const { data } = await octokit.rest.pulls.get({
                owner,
                repo,
                pull_number: number,
                request: { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }
            });
            return { sha: data.head.sha, headRepo: data.head.repo?.full_name ?? '' };
        }
        catch (err) {
            throw new errors/* ActionError */.lZ(`Could not read pull request #${number} of ${owner}/${repo} to learn its head (${(0,errors/* errorMessage */.gJ)(err)}); give github-token pull-requests: read, or set commit-id.`, { cause: err });
        }
    };
};

;// CONCATENATED MODULE: ./src/github/commit.ts
// Which commit the pipeline runs: the one the event is about, never a merge commit GitHub made up, never the
// default branch's tip standing in for an event that names its own commit. Each event's rule is in README's
// "Which commit runs" table.


const ALL_ZEROS = /^0+$/;
function commit_field(obj, ...path) {
    let value = obj;
    for (const key of path)
        value = value?.[key];
    return value;
}
function commit_text(obj, ...path) {
    const value = commit_field(obj, ...path);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
function missing(event, path) {
    throw new errors/* ActionError */.lZ(`The ${event} event's payload has no ${path}; set commit-id to the commit to run.`);
}
/** The event's own commit at `path` in its payload. */
function own(path, describe) {
    return (ctx) => {
        const sha = commit_text(ctx.payload, ...path) || missing(ctx.eventName, path.join('.'));
        return { sha, reason: `${ctx.eventName}: ${describe(ctx)}` };
    };
}
function isFork(payload) {
    const head = commit_text(payload, 'pull_request', 'head', 'repo', 'full_name');
    const base = commit_text(payload, 'pull_request', 'base', 'repo', 'full_name') || commit_text(payload, 'repository', 'full_name');
    return head && base && head.toLowerCase() !== base.toLowerCase() ? head : undefined;
}
/** The sentence for running a fork's code where the base repository's secrets are. */
function forkRefusal(event, fork) {
    return new errors/* ActionError */.lZ(`Refusing to run ${fork}'s pull request head on ${event}: ${event} runs with this repository's secrets and AWS role, ` +
        `so the pipeline would build code nobody has reviewed with them; set commit-id to a commit you have reviewed to run it anyway.`);
}
const pullRequest = (ctx) => {
    const pr = (ctx.payload.pull_request ?? {});
    const number = commit_text(pr, 'number') || commit_text(ctx.payload, 'number');
    if (ctx.payload.action === 'closed') {
        if (pr.merged !== true) {
            throw new errors/* ActionError */.lZ(`Pull request #${number} was closed without being merged, so no commit of it landed; there is nothing to run.`);
        }
        const sha = commit_text(pr, 'merge_commit_sha') || missing(ctx.eventName, 'pull_request.merge_commit_sha');
        return { sha, reason: `${ctx.eventName} #${number} merged: the commit that landed (merge_commit_sha)` };
    }
    const fork = isFork(ctx.payload);
    if (fork && ctx.eventName === 'pull_request_target')
        throw forkRefusal(ctx.eventName, fork);
    const sha = commit_text(pr, 'head', 'sha') || missing(ctx.eventName, 'pull_request.head.sha');
    const label = commit_text(pr, 'head', 'label') || commit_text(pr, 'head', 'ref');
    const notMerge = ctx.sha && ctx.sha !== sha ? ` (not the merge commit GITHUB_SHA ${ctx.sha})` : '';
    return { sha, reason: `${ctx.eventName} #${number}: head of ${label}${notMerge}` };
};
const push = (ctx) => {
    const after = commit_text(ctx.payload, 'after');
    if (ctx.payload.deleted === true || (after && ALL_ZEROS.test(after))) {
        throw new errors/* ActionError */.lZ(`This push deleted ${commit_text(ctx.payload, 'ref') || 'a ref'}, so it has no commit to run.`);
    }
    // GITHUB_SHA is `after` for a push; the payload is the fallback.
    const sha = ctx.sha || after || missing('push', 'after');
    return { sha, reason: `push: GITHUB_SHA of ${ctx.ref || commit_text(ctx.payload, 'ref') || 'the pushed ref'}` };
};
const issueComment = async (ctx, deps) => {
    const number = Number(commit_field(ctx.payload, 'issue', 'number'));
    if (!commit_field(ctx.payload, 'issue', 'pull_request')) {
        throw new errors/* ActionError */.lZ(`issue_comment on issue #${number}, which is not a pull request, names no commit; set commit-id (e.g. \${{ github.sha }} for the default branch's tip).`);
    }
    if (!deps.githubToken) {
        throw new errors/* ActionError */.lZ(`issue_comment on pull request #${number}: its payload has no commit, and without github-token the pull request's head cannot be read; set github-token (pull-requests: read) or commit-id.`);
    }
    const load = deps.loadPullRequests ?? loadPullRequestReader;
    const read = await load(deps.githubToken, ctx.apiUrl);
    const pr = await read({ ...ctx.repo, number });
    const base = `${ctx.repo.owner}/${ctx.repo.repo}`;
    if (pr.headRepo && pr.headRepo.toLowerCase() !== base.toLowerCase())
        throw forkRefusal('issue_comment', pr.headRepo);
    return { sha: pr.sha, reason: `issue_comment on pull request #${number}: its head, read through the GitHub API` };
};
/** The commit the other workflow ran on; a fork's (its pull request's CI) would run unreviewed code with our secrets. */
const workflowRun = (ctx, deps) => {
    // The repository the other workflow ran in (this one) against the one its head commit lives in.
    const head = commit_text(ctx.payload, 'workflow_run', 'head_repository', 'full_name');
    const base = commit_text(ctx.payload, 'workflow_run', 'repository', 'full_name') || commit_text(ctx.payload, 'repository', 'full_name');
    if (head && base && head.toLowerCase() !== base.toLowerCase())
        throw forkRefusal('workflow_run', head);
    return own(['workflow_run', 'head_sha'], (c) => `the commit workflow "${commit_text(c.payload, 'workflow_run', 'name')}" ran on`)(ctx, deps);
};
const noCommit = (why) => (ctx) => {
    throw new errors/* ActionError */.lZ(`The ${ctx.eventName} event ${why}, so it has no commit to run; set commit-id to the commit to run.`);
};
const BY_EVENT = {
    pull_request: pullRequest,
    pull_request_target: pullRequest,
    pull_request_review: pullRequest,
    pull_request_review_comment: pullRequest,
    merge_group: own(['merge_group', 'head_sha'], (c) => `head of the merge queue group for ${commit_text(c.payload, 'merge_group', 'base_ref')}`),
    workflow_run: workflowRun,
    check_suite: own(['check_suite', 'head_sha'], () => "the check suite's head commit"),
    check_run: own(['check_run', 'head_sha'], () => "the check run's head commit"),
    deployment: own(['deployment', 'sha'], (c) => `the commit deployed to ${commit_text(c.payload, 'deployment', 'environment')}`),
    deployment_status: own(['deployment', 'sha'], (c) => `the commit deployed to ${commit_text(c.payload, 'deployment', 'environment')}`),
    status: own(['sha'], () => 'the commit whose status changed'),
    registry_package: own(['registry_package', 'package_version', 'target_oid'], () => "the package version's commit"),
    package: own(['package', 'package_version', 'target_oid'], () => "the package version's commit"),
    push,
    issue_comment: issueComment,
    delete: noCommit('deleted a branch or tag')
};
/** The commit to run: `commit-id` if given, else the one the event is about. */
async function chooseCommit(ctx, commitId, deps = {}) {
    if (commitId)
        return { sha: commitId, reason: 'the commit-id input' };
    const choose = BY_EVENT[ctx.eventName];
    if (choose)
        return checked(await choose(ctx, deps));
    // release, create, workflow_dispatch, schedule, repository_dispatch...: GITHUB_SHA is the event's commit
    // (the tag's, the ref's tip); see README's table.
    if (!ctx.sha)
        throw new errors/* ActionError */.lZ('GITHUB_SHA is not set; set commit-id to the commit to run.');
    const ref = ctx.ref ? ` of ${ctx.ref}` : '';
    return checked({ sha: ctx.sha, reason: `${ctx.eventName || 'unknown event'}: GITHUB_SHA${ref}` });
}
function checked(choice) {
    if (ALL_ZEROS.test(choice.sha))
        throw new errors/* ActionError */.lZ(`The event names no commit (${choice.reason} is all zeros); set commit-id.`);
    return choice;
}

;// CONCATENATED MODULE: ./src/github/fork.ts
// Pull requests from forks run without the repository's secrets and without an OIDC token, so the
// AWS credentials are simply absent. Say that, rather than the generic "no credentials".

function fullName(payload, side) {
    const pr = payload.pull_request;
    const name = pr?.[side]?.repo?.full_name;
    return typeof name === 'string' ? name : '';
}
/** The fork's owner/repo when this run is for a pull_request from a fork; undefined otherwise. */
function forkOf(ctx) {
    if (ctx.eventName !== 'pull_request')
        return undefined;
    const head = fullName(ctx.payload, 'head');
    const base = fullName(ctx.payload, 'base');
    return head && base && head.toLowerCase() !== base.toLowerCase() ? head : undefined;
}
/** Replaces a missing-credentials error on a fork's pull request by one that says why they are missing. */
function explainForkCredentials(err, ctx) {
    const fork = forkOf(ctx);
    if (!fork || (0,errors/* awsErrorName */.ZH)(err) !== 'CredentialsProviderError')
        return err;
    return new errors/* ActionError */.lZ(`No AWS credentials: this pull request comes from the fork ${fork}, and GitHub gives workflows of pull requests ` +
        `from forks no secrets and no OIDC token, so the pipeline cannot run for it here (run it after review, e.g. on merge_group or push).`, { cause: err });
}

;// CONCATENATED MODULE: ./src/artifact/load.ts
async function loadArtifactTools(region) {
    const { createArtifactTools } = await Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(683), __nccwpck_require__.e(639)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6639));
    return createArtifactTools(region);
}

;// CONCATENATED MODULE: ./src/execution/poll-plan.ts
// Aim just after the expected end: our start time is when Start answered, a little after AWS's.
const END_MARGIN_MS = 250;
// Stopped, Superseded and Cancelled show in no action, so the status is asked at least this often.
const STATUS_AT_LEAST_EVERY_MS = 60_000;
// Without history: never sooner than this (nothing ends in its first seconds worth a call each)...
const NO_HISTORY_FLOOR_MS = 2000;
// ...and no sparser than this while the run is young, so the end is seen within a few seconds.
const NO_HISTORY_CAP_MS = 10_000;
// Without history, once the last stage runs its end may come at any moment: no sparser than this.
const LAST_STAGE_CAP_MS = 15_000;
const clamp = (value, low, high) => Math.min(high, Math.max(low, value));
/** Aims just after `endAt`; `spanMs` (the run's usual length) sets the cadence until then. Undefined once
 * the end is later than history can explain. */
function towardEnd(input, endAt, spanMs) {
    const { now, limits } = input;
    const target = endAt + END_MARGIN_MS;
    const cadence = clamp(spanMs / 4, limits.minMs, limits.maxMs);
    const remaining = target - now;
    // Land exactly on the expected end rather than just before it.
    if (remaining > 0)
        return remaining <= cadence + limits.minMs ? { call: 'status', delayMs: remaining } : { call: 'progress', delayMs: cadence };
    const late = -remaining;
    if (late > spanMs)
        return undefined; // history was wrong about this run: back off as if there were none
    // Late: the further past the expected end, the less the next second matters (latency stays under the lateness).
    const delayMs = clamp(late, limits.minMs, limits.maxMs);
    return { call: now - input.lastProgressAt >= cadence ? 'progress' : 'status', delayMs };
}
/** Toward the predicted end (each action's own history), else the usual duration's end. */
function withHistory(input, expectedMs) {
    const endAt = input.predictedEndAt ?? input.startedAt + expectedMs;
    return towardEnd(input, endAt, Math.max(expectedMs, endAt - input.startedAt));
}
function withoutHistory(input) {
    const { now, startedAt, limits } = input;
    const elapsed = now - startedAt;
    const floor = Math.max(limits.minMs, Math.min(NO_HISTORY_FLOOR_MS, limits.maxMs));
    // Long runs may be polled more sparsely; young ones must not be, or their end is seen late.
    const cap = clamp(elapsed / 6, Math.min(NO_HISTORY_CAP_MS, limits.maxMs), limits.maxMs);
    return { call: 'progress', delayMs: clamp(elapsed / 2, floor, cap) };
}
function inLastStage(input, startedMs) {
    const { now, limits } = input;
    const floor = Math.max(limits.minMs, Math.min(NO_HISTORY_FLOOR_MS, limits.maxMs));
    return { call: 'progress', delayMs: clamp((now - startedMs) / 4, floor, Math.min(LAST_STAGE_CAP_MS, limits.maxMs)) };
}
const planNextPoll = (input) => {
    const { progress, limits, now } = input;
    if (input.lastCall === 'progress' && progress.suggestsEnd)
        return { call: 'status', delayMs: 0 };
    let plan;
    // Nothing will happen soon: an approval, a queue, a disabled transition, a stage condition (waits.ts).
    if (progress.approvalWaiting || progress.longWait)
        plan = { call: 'progress', delayMs: limits.maxMs };
    else if (input.expectedMs !== undefined)
        plan = withHistory(input, input.expectedMs) ?? withoutHistory(input);
    else if (progress.lastStageStartedAt !== undefined)
        plan = inLastStage(input, progress.lastStageStartedAt);
    else
        plan = withoutHistory(input);
    // Alternating with progress, so slow regimes (an approval) still see their actions move.
    const statusDue = now + plan.delayMs - input.lastStatusAt >= STATUS_AT_LEAST_EVERY_MS;
    if (statusDue && input.lastCall === 'progress')
        return { ...plan, call: 'status' };
    return plan;
};

;// CONCATENATED MODULE: ./src/github/client.ts
// The few GitHub REST calls the action makes (commit statuses, check runs), as one small port. Octokit is
// loaded only when there is a token: runs without one never evaluate it.
/**
 * Loads @actions/github (and octokit with it) only now: it is a chunk of its own (dist/NNN.index.js), which runs
 * without a token never load.
 */
const loadGitHubClient = async (token, baseUrl) => {
    const { getOctokit } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(413)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2413));
    const { rest } = getOctokit(token, { baseUrl });
    return {
        createCommitStatus: (request) => rest.repos.createCommitStatus({ ...request }),
        createCheckRun: async (request) => (await rest.checks.create({ ...request })).data.id,
        updateCheckRun: (request) => rest.checks.update({ ...request }),
        findCheckRun: async ({ external_id, ...query }) => {
            // filter: all, or GitHub lists only the newest check run of each name; 100 per page is GitHub's most.
            const { data } = await rest.checks.listForRef({ ...query, filter: 'all', per_page: 100 });
            const ours = data.check_runs.filter((run) => run.external_id === external_id).sort((a, b) => b.id - a.id);
            return (ours.find((run) => run.status !== 'completed') ?? ours[0])?.id;
        }
    };
};

;// CONCATENATED MODULE: ./src/report/markup.ts
// Text from AWS and the pipeline (error messages, build summaries, commit messages) goes into the job
// summary, which GitHub renders as Markdown with HTML. Escaped here, it shows as the literal text it is.
// HTML's own specials, plus the characters that start Markdown emphasis, code, links, tables, headings,
// strikethrough and @mentions/e-mail autolinks. Numeric references render as the character itself in both
// Markdown and HTML, so one escaping fits a table cell and a Markdown line alike.
const SPECIAL = /[&<>"'`\\*_[\]#|~@]/g;
/** Each special character as its numeric reference (the escaping of escapeText, without its cut). */
function escapeSpecials(text) {
    return text.replace(SPECIAL, (c) => `&#${c.charCodeAt(0)};`);
}
/** Literal text for the summary: no markup, no autolinks, on one line. */
function escapeText(text, maxLength = 1000) {
    // Characters (code points), not UTF-16 units: a cut never leaves half an emoji.
    const chars = Array.from(text.replace(/\s+/g, ' ').trim());
    const cut = chars.length > maxLength ? `${chars.slice(0, maxLength - 1).join('')}\u2026` : chars.join('');
    return escapeSpecials(cut);
}
/** The URL if it is http(s), normalized; undefined for anything else (javascript:, data:, junk). */
function safeUrl(url) {
    if (!url)
        return undefined;
    try {
        const parsed = new URL(url);
        return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
    }
    catch {
        return undefined;
    }
}
/** An HTML link with escaped text; plain escaped text when the URL is not a safe one. */
function markup_link(text, url) {
    const href = safeUrl(url);
    const label = escapeText(text);
    if (!href)
        return label;
    return `<a href="${href.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}">${label}</a>`;
}

;// CONCATENATED MODULE: ./src/github/redact.ts
// The runner masks what a step prints (the log, the job summary), never what a step sends GitHub itself: a
// masked value in an AWS error message, a build log tail or an output variable would reach the check run and
// the commit status in clear. So every request the GitHub client sends passes through here first (client.ts),
// and each masked value becomes *** as the runner would show it.

const MASK = '***';
/** Every cut the action makes ends with an ellipsis; a masked value cut there still shows its start. */
const CUT = '\u2026';
// A cut that leaves one character of a value tells nothing worth hiding, and one common letter would hide the
// end of too many cut texts.
const MIN_CUT_PREFIX = 2;
/** The value, its white space collapsed (as escapeText shows it) and each of its lines (as a log shows them). */
function shapesOf(value) {
    const lines = value.split(/\r\n|\r|\n/).map((line) => line.trim());
    return [value, value.replace(/\s+/g, ' ').trim(), ...(lines.length > 1 ? lines : [])];
}
function xml(text) {
    const named = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
    return text.replace(/[&<>"']/g, (c) => named[c] ?? c);
}
/**
 * How a shape may appear in text sent to GitHub: as is; in the encodings the runner's masker also knows (JSON
 * string, URL, XML, base64 without its padding); and as this action escapes text for check-run markup and links.
 */
function encodingsOf(shape) {
    return [
        shape,
        JSON.stringify(shape).slice(1, -1),
        encodeURIComponent(shape),
        xml(shape),
        escapeSpecials(shape),
        shape.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`),
        Buffer.from(shape, 'utf8').toString('base64').replace(/=+$/, '')
    ];
}
/** Where `form` occurs in `text`. */
function occurrences(text, form) {
    const found = [];
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1))
        found.push([at, at + form.length]);
    return found;
}
/** The start of `form` that ends right before a cut, if there is one. */
function cutStart(text, cutAt, form) {
    for (let length = Math.min(form.length - 1, cutAt); length >= MIN_CUT_PREFIX; length--) {
        if (text.startsWith(form.slice(0, length), cutAt - length))
            return [cutAt - length, cutAt];
    }
    return undefined;
}
/** Overlapping or touching ranges as one (as the runner's masker joins them): one *** each. */
function merge(ranges) {
    const merged = [];
    for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
        const last = merged.at(-1);
        if (last && start <= last[1])
            last[1] = Math.max(last[1], end);
        else
            merged.push([start, end]);
    }
    return merged;
}
/** The values masked in this run (the github token, mask-variables' values), and how they are redacted. */
class Secrets {
    forms = [];
    /** Masked from now on; empty and blank values are not (the runner refuses them too). */
    add(value) {
        if (value.trim() === '')
            return;
        const forms = shapesOf(value)
            .filter((shape) => shape !== '')
            .flatMap(encodingsOf);
        this.forms = [...new Set([...this.forms, ...forms.filter((f) => f !== '')])];
    }
    redact(text) {
        if (this.forms.length === 0 || text === '')
            return text;
        const ranges = this.forms.flatMap((form) => occurrences(text, form));
        for (const cutAt of occurrences(text, CUT).map(([at]) => at)) {
            for (const form of this.forms) {
                const start = cutStart(text, cutAt, form);
                if (start)
                    ranges.push(start);
            }
        }
        if (ranges.length === 0)
            return text;
        let out = '';
        let from = 0;
        for (const [start, end] of merge(ranges)) {
            out += text.slice(from, start) + MASK;
            from = end;
        }
        return out + text.slice(from);
    }
}

;// CONCATENATED MODULE: ./src/logs/clients.ts
async function loadLogReader(region) {
    const { createSdkLogReader } = await Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(756), __nccwpck_require__.e(859)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6859));
    return createSdkLogReader(region);
}

;// CONCATENATED MODULE: ./src/main-wiring.ts
// The main step's dependencies, and everything derived from them once: the cancel guard, the retry policy
// (from the settings), and what the wait and the ending take.








/** The inputs masked before anything is logged: the github token, and the variables with mask-variables. */
function secretInputs(settings) {
    const variables = settings.maskVariables ? settings.variables.map((v) => v.value ?? '') : [];
    return [settings.githubToken ?? '', ...variables].filter((value) => value !== '');
}
/** The outputs, and every value masked through them (mask-variables' resolved values) kept for redaction too. */
function recordingSecrets(outputs, secrets) {
    return {
        setOutput: (name, value) => outputs.setOutput(name, value),
        setSecret: (value) => {
            secrets.add(value);
            outputs.setSecret?.(value);
        }
    };
}
function prepare(deps) {
    const { settings, port, clock, state } = deps;
    const secrets = new Secrets();
    for (const value of secretInputs(settings))
        secrets.add(value);
    const io = { ...deps.io, outputs: recordingSecrets(deps.io.outputs, secrets) };
    const tools = {
        planner: planNextPoll,
        backoff: jitteredBackoff(),
        loadGitHubClient: loadGitHubClient,
        loadLogReader: loadLogReader,
        loadArtifactTools: loadArtifactTools,
        ...deps.tuning
    };
    const workflowRun = describeRun(deps.github);
    const guard = new CancelGuard({ process: deps.process, port, log: io.log, clock, settings, workflowRun, state });
    const retry = { outageToleranceMs: settings.outageToleranceMs, backoff: tools.backoff };
    const ending = { port, log: io.log, clock, summary: io.summary, outputs: io.outputs, retry };
    const waiting = { port, clock, log: io.log, outputs: io.outputs, planner: tools.planner, limits: settings.pollLimits, retry, state };
    return { ...deps, io, log: io.log, workflowRun, retry, guard, tools, secrets, waiting, ending };
}

;// CONCATENATED MODULE: ./src/github/retrying.ts
// GitHub answers a 502 now and then, and a request can outlast the client's patience. Each call is tried again on
// a 5xx, a timeout or a dropped connection, a few times with backoff, within the caller's own deadline (its
// signal). A check-run create is not idempotent: one whose answer was lost may have been made, so before another
// try the check run is looked for on its commit (by name, then external_id), and found, it is the one.


/** Tries of one call, the first included. */
const GITHUB_TRIES = 4;
/** How long one try may go unanswered; the caller's signal bounds all the tries together. */
const GITHUB_TRY_TIMEOUT_MS = 10_000;
/** How long a call may take, its tries together, unless its caller has a deadline of its own. */
const GITHUB_CALL_BUDGET_MS = 30_000;
/** The last failure of a call that was tried more than once: says so, and keeps GitHub's status. */
class GitHubGaveUp extends Error {
    status;
    constructor(err, tries) {
        super(`${(0,errors/* errorMessage */.gJ)(err)} (still failing after ${tries} tries)`, { cause: err });
        this.status = err?.status;
    }
}
/** A 5xx, or no answer (octokit reports a dropped connection and a timeout as 500); never a 4xx. */
function isTransient(err) {
    const status = err?.status;
    return typeof status !== 'number' || status >= 500;
}
async function retried(deps, backoff, call) {
    for (let tried = 1;; tried++) {
        try {
            return await call.send(AbortSignal.any([call.deadline, AbortSignal.timeout(GITHUB_TRY_TIMEOUT_MS)]));
        }
        catch (err) {
            if (call.deadline.aborted || !isTransient(err) || tried >= GITHUB_TRIES)
                throw tried > 1 ? new GitHubGaveUp(err, tried) : err;
            const waitMs = backoff(tried);
            deps.log.debug(`GitHub: ${call.what} failed (${(0,errors/* errorMessage */.gJ)(err)}); trying again in ${waitMs} ms (${tried + 1} of ${GITHUB_TRIES})`);
            await deps.clock.sleep(waitMs, call.deadline);
            const done = await call.beforeRetry?.();
            if (done !== undefined)
                return done;
        }
    }
}
/** The client with every call retried as above; a new call must say here whether it may simply be sent again. */
function retrying(client, deps) {
    const backoff = deps.backoff ?? jitteredBackoff({ baseMs: 1000, maxMs: 8000 });
    const run = (call) => retried(deps, backoff, call);
    const findCheckRun = (request) => run({
        what: `looking for check run ${request.check_name}`,
        deadline: request.request.signal,
        send: (signal) => client.findCheckRun({ ...request, request: { signal } })
    });
    return {
        createCommitStatus: (request) => run({
            what: 'posting the commit status',
            deadline: request.request.signal,
            send: (signal) => client.createCommitStatus({ ...request, request: { signal } })
        }),
        updateCheckRun: (request) => run({
            what: 'updating the check run',
            deadline: request.request.signal,
            send: (signal) => client.updateCheckRun({ ...request, request: { signal } })
        }),
        findCheckRun,
        createCheckRun: (request) => {
            const { owner, repo, head_sha, name, external_id } = request;
            const deadline = request.request.signal;
            return run({
                what: `creating check run ${name}`,
                deadline,
                send: (signal) => client.createCheckRun({ ...request, request: { signal } }),
                // The lost answer may have been GitHub's "created": look before making a second one.
                beforeRetry: () => findCheckRun({ owner, repo, ref: head_sha, check_name: name, external_id, request: { signal: deadline } })
            });
        }
    };
}

;// CONCATENATED MODULE: ./src/github/check-run.ts
// The live check run (`CodePipeline / <pipeline>`, check-run: true): created in progress when the execution
// starts, updated on transitions, completed with the verdict. The GitHub API's rate limits are shared by the
// whole workflow, so updates are spaced and counted; a failing GitHub call is a warning, never the verdict.




/** The first transition is shown at once; after that, at most one update per interval. */
const MIN_UPDATE_INTERVAL_MS = 10_000;
/** Live updates in one run, at most; the completion always comes on top and carries everything. */
const MAX_UPDATES = 30;
/** The conclusion for a verdict. Never `neutral`: branch protection counts it as passing. */
function conclusionFor(passed, executionStatus) {
    if (passed)
        return 'success';
    return executionStatus === 'Stopped' || executionStatus === 'Cancelled' ? 'cancelled' : 'failure';
}
/** Why no check run can be made for this run, if one cannot; said once, before any GitHub call. */
function whyNoCheckRun(settings, github, commitId) {
    if (!settings.wait)
        return 'No check run: wait is false, so the action would never learn the outcome to complete it with.';
    if (!commitId)
        return 'No check run: the execution is not pinned to a commit, so it is unknown which commit it tests.';
    const fork = forkOf(github);
    if (fork) {
        return (`No check run: this pull request comes from the fork ${fork}, and GitHub gives such workflows a read-only token, ` +
            'so no check run can be created here; the job summary and the step itself still report the outcome.');
    }
    return undefined;
}
function describeFailure(err) {
    const status = err?.status;
    const hint = status === 403 || status === 404 ? ' (the token needs `permissions: checks: write`)' : '';
    return `${(0,errors/* errorMessage */.gJ)(err)}${hint}`;
}
class CheckRun {
    deps;
    target;
    render;
    id = Promise.resolve(undefined);
    lastUpdateAt = -Infinity;
    updates = 0;
    scheduled;
    /** Aborts every live update still trying when the completion comes: none may land after it. */
    live = new AbortController();
    /** The create failed without an answer: GitHub may have made it, so the completion looks for it. */
    lost = false;
    frozen = false;
    updateWarned = false;
    constructor(deps, target, 
    /** The live output, rendered when an update is sent (so a delayed update shows the latest state). */
    render) {
        this.deps = deps;
        this.target = target;
        this.render = render;
    }
    get name() {
        return `CodePipeline / ${this.target.pipelineName}`;
    }
    get where() {
        return `${this.name} on ${this.target.sha.slice(0, 7)}`;
    }
    /** Creates it, in progress; does not wait for GitHub. */
    start() {
        this.id = this.create();
    }
    async create() {
        const { owner, repo, sha, executionId, consoleUrl } = this.target;
        try {
            const client = await this.deps.client();
            const id = await client.createCheckRun({
                owner,
                repo,
                name: this.name,
                head_sha: sha,
                status: 'in_progress',
                details_url: consoleUrl,
                external_id: executionId,
                started_at: new Date(this.deps.clock.now()).toISOString(),
                output: this.render(),
                request: { signal: AbortSignal.timeout(GITHUB_CALL_BUDGET_MS) }
            });
            this.deps.log.info(`Check run ${this.where}: in progress`);
            return id;
        }
        catch (err) {
            this.lost = isTransient(err);
            const then = this.lost ? ' GitHub may have made it anyway: the completion looks for it.' : '';
            this.deps.log.warning(`Could not create the check run ${this.where}: ${describeFailure(err)}. The step goes on without it.${then}`);
            return undefined;
        }
    }
    /** The check run a lost create answer was about, if GitHub made it; undefined otherwise. */
    async findLost(deadline) {
        const { owner, repo, sha, executionId } = this.target;
        try {
            const client = await this.deps.client();
            const request = { owner, repo, ref: sha, check_name: this.name, external_id: executionId, request: { signal: deadline } };
            const id = await client.findCheckRun(request);
            if (id === undefined)
                this.deps.log.info(`Check run ${this.where}: GitHub has none, so there is nothing to complete`);
            return id;
        }
        catch (err) {
            this.deps.log.warning(`Could not look for the check run ${this.where} whose creation went unanswered: ${describeFailure(err)}`);
            return undefined;
        }
    }
    /** Something changed: update now, or once the interval since the last update has passed. */
    changed() {
        if (this.frozen || this.scheduled)
            return; // a scheduled update renders the latest state when it goes
        if (this.updates >= MAX_UPDATES)
            return;
        const timer = new AbortController();
        this.scheduled = timer;
        const waitMs = Math.max(0, this.lastUpdateAt + MIN_UPDATE_INTERVAL_MS - this.deps.clock.now());
        void this.deps.clock.sleep(waitMs, timer.signal).then(() => {
            this.scheduled = undefined;
            return this.update();
        }, () => undefined);
    }
    async update() {
        const id = await this.id;
        if (id === undefined || this.frozen)
            return;
        this.updates++;
        this.lastUpdateAt = this.deps.clock.now();
        try {
            const client = await this.deps.client();
            const signal = AbortSignal.any([this.live.signal, AbortSignal.timeout(GITHUB_CALL_BUDGET_MS)]);
            await client.updateCheckRun({ ...this.ids(id), output: this.render(), request: { signal } });
            this.deps.log.debug(`Check run ${this.where}: update ${this.updates} of at most ${MAX_UPDATES}`);
        }
        catch (err) {
            if (this.live.signal.aborted)
                return; // the completion took over
            // One warning: a GitHub that refuses one update refuses the next ones too.
            const message = `Could not update the check run ${this.where}: ${describeFailure(err)}`;
            if (this.updateWarned)
                this.deps.log.debug(message);
            else
                this.deps.log.warning(message);
            this.updateWarned = true;
        }
    }
    ids(id) {
        return { owner: this.target.owner, repo: this.target.repo, check_run_id: id };
    }
    /** No more live updates: the ending is being prepared (its last progress must not trigger one). */
    freeze() {
        this.frozen = true;
        this.scheduled?.abort();
        this.scheduled = undefined;
    }
    /**
     * Completes it with the verdict; updates still trying are abandoned. Never throws. A transient failure is tried
     * again (github/retrying.ts) for GITHUB_CALL_BUDGET_MS; `signal` bounds it all (a cancel's deadline).
     */
    async complete(conclusion, output, signal) {
        this.freeze();
        this.live.abort();
        const deadline = AbortSignal.any([AbortSignal.timeout(GITHUB_CALL_BUDGET_MS), ...(signal ? [signal] : [])]);
        try {
            let id = await (0,src_clock/* abortable */.ZC)(this.id, signal);
            if (id === undefined && this.lost)
                id = await this.findLost(deadline);
            if (id === undefined)
                return; // the create already warned (or GitHub has none)
            const client = await this.deps.client();
            await client.updateCheckRun({
                ...this.ids(id),
                status: 'completed',
                conclusion,
                completed_at: new Date(this.deps.clock.now()).toISOString(),
                output,
                request: { signal: deadline }
            });
            this.deps.log.info(`Check run ${this.where}: ${conclusion}`);
        }
        catch (err) {
            this.deps.log.warning(`Could not complete the check run ${this.where} (${conclusion}): ${describeFailure(err)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/github/outbound.ts
// The one way out to GitHub: the client every part of the action uses, loaded on first use, each call tried
// again when GitHub fails transiently (retrying.ts) and each request redacted (redact.ts) before it leaves.


// Fields that address what a request is about (the action's own identifiers, never text) and its abort signal.
const ADDRESSES = new Set(['owner', 'repo', 'sha', 'head_sha', 'ref', 'external_id', 'check_run_id', 'request']);
// GitHub's limits on the text fields the action fills, applied after redaction: *** is longer than a short value.
const LIMITS = {
    description: 140,
    title: 255,
    summary: 65_535,
    text: 65_535,
    message: 65_535,
    raw_details: 65_535
};
function fit(text, max = Infinity) {
    const chars = Array.from(text);
    return chars.length > max ? `${chars.slice(0, max - 1).join('')}\u2026` : text;
}
/** A request as it may leave: every text redacted (redact.ts), then cut to GitHub's limits. */
function outgoing(value, secrets, key = '') {
    if (typeof value === 'string')
        return fit(secrets.redact(value), LIMITS[key]);
    if (Array.isArray(value))
        return value.map((item) => outgoing(item, secrets));
    if (value === null || typeof value !== 'object')
        return value;
    const fields = Object.entries(value).map(([name, field]) => [
        name,
        ADDRESSES.has(name) ? field : outgoing(field, secrets, name)
    ]);
    return Object.fromEntries(fields);
}
/**
 * The one way out to GitHub: every call of the client, present and future, has its request redacted. The runner
 * masks the log and the job summary, not what the action sends through the API.
 */
function redacting(client, secrets) {
    return new Proxy(client, {
        get(target, name) {
            const member = Reflect.get(target, name);
            if (typeof member !== 'function')
                return member;
            return (request) => member.call(target, outgoing(request, secrets));
        }
    });
}
/** One client for the whole step, loaded on first use (a failed load is tried again on the next call): retried, then redacted. */
function lazyClient({ token, baseUrl, secrets, load = loadGitHubClient, ...retry }) {
    secrets.add(token);
    let client;
    return () => {
        client ??= load(token, baseUrl).then((loaded) => redacting(retrying(loaded, retry), secrets), (err) => {
            client = undefined;
            throw err;
        });
        return client;
    };
}

;// CONCATENATED MODULE: ./src/report/summary.ts


const ICON = {
    Succeeded: '\u2705',
    Failed: '\u274c',
    Stopped: '\u23f9\ufe0f',
    Stopping: '\u23f9\ufe0f',
    Superseded: '\u23ed\ufe0f',
    Cancelled: '\ud83d\udeab',
    Abandoned: '\u23f9\ufe0f',
    InProgress: '\u23f3',
    'Not run': '\u26aa',
    Skipped: '\u23ed\ufe0f'
};
function statusCell(status) {
    return `${ICON[status] ?? '\u2754'} ${escapeText(status)}`;
}
// core.summary writes an empty cell as a lone <td>; a dash keeps the table well-formed and readable.
const EMPTY = '\u2014';
function actionRow(stage, action, run, attempt = 1, skipped = false, triggers) {
    if (!run)
        return [escapeText(stage), escapeText(action), statusCell(skipped ? 'Skipped' : 'Not run'), EMPTY, EMPTY, EMPTY];
    const ended = run.status !== 'InProgress';
    const took = run.startTime !== undefined && run.lastUpdateTime !== undefined && ended ? formatDuration(run.lastUpdateTime - run.startTime) : EMPTY;
    const message = run.errorMessage ?? run.summary;
    return [
        escapeText(stage),
        escapeText(action),
        statusCell(run.status) + attemptLabel(stage, attempt, triggers), // our words only
        took,
        message ? escapeText(message, 300) : EMPTY,
        run.externalUrl ? markup_link('details', run.externalUrl) : EMPTY
    ];
}
/** Rows in pipeline order; runs the declaration does not know (or all, without one) follow in start order. */
function actionRows(structure, runs, skipped, triggers) {
    const latest = latestRuns(runs);
    const attempts = attemptNumbers(runs);
    const attempt = (run) => (run ? attempts.get(run.actionExecutionId) : undefined);
    const rows = [];
    for (const stage of structure ?? []) {
        for (const action of stage.actions) {
            const key = `${stage.name}\u0000${action}`;
            const run = latest.get(key);
            rows.push(actionRow(stage.name, action, run, attempt(run), skipped?.has(stage.name), triggers));
            latest.delete(key);
        }
    }
    const rest = [...latest.values()].sort((a, b) => (a.startTime ?? 0) - (b.startTime ?? 0));
    for (const run of rest)
        rows.push(actionRow(run.stageName, run.actionName, run, attempt(run), false, triggers));
    return rows;
}
function commitItem(r) {
    if (r.commit)
        return markup_link(r.commit.sha.slice(0, 7), r.commit.url);
    if (r.pinned)
        return `none of this repository; source-revisions pins ${escapeText(r.pinned, 500)}`;
    if (r.notOurs)
        return 'unknown';
    return "not pinned (the source's latest revision)";
}
function headerItems(r) {
    const summary = r.statusSummary ? ` \u2014 ${escapeText(r.statusSummary, 500)}` : '';
    return [
        `<b>Pipeline</b>: ${escapeText(r.pipelineName)}, execution ${markup_link(r.executionId, r.consoleUrl)}`,
        ...(r.artifact ? [`<b>Artifact</b>: ${escapeText(r.artifact, 1500)}`] : []),
        `<b>Commit</b>: ${commitItem(r)}`,
        ...(r.notOurs ? ['<b>Started by</b>: not this step: followed (execution-id or follow-trigger), never stopped by it'] : []),
        `<b>Event</b>: ${escapeText(r.event || 'unknown')}`,
        `<b>Status</b>: ${statusCell(r.status)}${summary}`,
        `<b>Duration</b>: ${formatDuration(r.durationMs)}`,
        ...(r.rollback ? [rollbackItem(r.rollback)] : []),
        `<b>Console</b>: ${markup_link('open in the AWS console', r.consoleUrl)}`
    ];
}
function rollbackItem(rb) {
    const to = rb.targetId
        ? ` to execution ${escapeText(rb.targetId)}${rb.commit ? ` (revision ${escapeText(rb.commit.slice(0, 12))})` : ''}`
        : '';
    return `<b>Rollback</b>: CodePipeline rolled back${to} in execution ${escapeText(rb.executionId)}: ${statusCell(rb.status)}`;
}
/** Under the stage table: what the actions produced, for later steps (output-variables). */
function writeOutputVariables(summary, variables) {
    const rows = Object.entries(variables).flatMap(([key, values]) => Object.entries(values).map(([name, value]) => [
        `<code>${escapeText(key)}</code>`,
        `<code>${escapeText(name)}</code>`,
        escapeText(value) || EMPTY
    ]));
    if (rows.length === 0)
        return;
    const head = ['Namespace', 'Name', 'Value'].map((data) => ({ data, header: true }));
    summary.addHeading('Output variables', 3).addTable([head, ...rows]);
}
/** The report's markup, added to `summary` without writing it: the job summary and the check run share it. */
function composeSummary(summary, r) {
    summary.addHeading(`CodePipeline ${escapeText(r.pipelineName)}: ${statusCell(r.status)}`, 2).addList(headerItems(r));
    if (r.rerun)
        summary.addRaw(`<p>\ud83d\udd01 ${escapeText(r.rerun, 500)}</p>`, true);
    const head = ['Stage', 'Action', 'Status', 'Duration', 'Message', 'Link'].map((data) => ({ data, header: true }));
    if (!r.followed) {
        summary.addRaw('<p>The action did not wait for this execution (wait: false); its progress is in the AWS console.</p>', true);
    }
    else {
        if (r.progressUnread) {
            const why = escapeText(r.progressUnread, 300);
            summary.addRaw(`<p>\u26a0\ufe0f The actions' final states could not be read (${why}): the table shows them as last seen.</p>`, true);
        }
        summary.addTable([head, ...actionRows(r.structure, r.runs, r.skipped, r.retryTriggers)]);
        if (!r.structure)
            summary.addRaw("<p>Actions that never ran are not listed: the pipeline's declaration could not be read.</p>", true);
        writeOutputVariables(summary, r.outputVariables ?? {});
    }
    if (r.approvals !== undefined && r.approvals.length > 0)
        summary.addHeading('Approvals', 3).addList(r.approvals.map((a) => escapeText(a, 1000)));
    if (r.waits !== undefined && r.waits.length > 0)
        summary.addHeading('Waits', 3).addList(r.waits.map((w) => escapeText(w, 500)));
    if (r.variables.length > 0) {
        summary.addHeading('Variables', 3);
        const rows = r.variables.map((v) => [
            `<code>${escapeText(v.name)}</code>`,
            r.masked ? '<i>hidden (mask-variables)</i>' : escapeText(v.value)
        ]);
        summary.addTable([
            [
                { data: 'Name', header: true },
                { data: 'Value', header: true }
            ],
            ...rows
        ]);
    }
}
async function writeSummary(summary, r) {
    composeSummary(summary, r);
    await summary.write();
}

;// CONCATENATED MODULE: ./src/report/check-output.ts
// What the live check run shows: the job summary's own markup (header and stage/action table), the progress
// lines, and why it waits. Text from AWS is escaped as in the summary (markup.ts); the title and the
// annotation are plain text on GitHub, so they only lose control characters.




// The Checks API takes 65535 characters of summary and of text; annotations take 64 KB.
const MAX_MARKDOWN = 65_000;
const MAX_ANNOTATION = 60_000;
const PROGRESS_LINES = 60;
/** Plain text for GitHub's plain-text fields: no control characters, cut to `max`. */
function check_output_plain(text, max) {
    // eslint-disable-next-line no-control-regex
    const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
    return clean.length > max ? `${clean.slice(0, max - 1)}\u2026` : clean;
}
function cut(markdown) {
    return markdown.length > MAX_MARKDOWN ? `${markdown.slice(0, MAX_MARKDOWN)}\u2026\n\n<p>(cut: see the job summary)</p>` : markdown;
}
/** The job summary's markup, from a fresh buffer of @actions/core's own Summary (the shared one writes the job summary). */
function summaryMarkup(report) {
    const SummaryBuffer = core.summary.constructor;
    const buffer = new SummaryBuffer();
    composeSummary(buffer, report);
    return buffer.stringify();
}
function progressText(lines) {
    if (lines.length === 0)
        return '<p>No action has started yet.</p>';
    const shown = lines.slice(-PROGRESS_LINES);
    const earlier = lines.length - shown.length;
    const note = earlier > 0 ? `<p>${earlier} earlier lines are in the workflow log.</p>\n` : '';
    return `<h3>Progress</h3>\n${note}<pre>${shown.map((line) => escapeText(line, 600)).join('\n')}</pre>`;
}
function nameOf(run) {
    return `${run.stageName} / ${run.actionName}`;
}
function running(runs) {
    return [...latestRuns(runs).values()].filter((r) => r.status === 'InProgress');
}
/** Why nothing seems to happen, when that is the case: `waiting` is why the execution waits now (waits.ts). */
function waitNote(report, waiting) {
    if (waiting)
        return `<p>\u23f3 ${escapeText(waiting, 1000)}</p>`;
    const approval = running(report.runs).find(isApproval);
    if (approval) {
        return (`<p>\u23f8\ufe0f Waiting for a manual approval at <b>${escapeText(nameOf(approval))}</b>: nothing moves until someone approves ` +
            `or rejects it in the ${markup_link('AWS console', approval.externalUrl ?? report.consoleUrl)}.</p>`);
    }
    if (report.runs.length === 0) {
        return '<p>\u23f3 Waiting for the first action to start: the execution may be queued behind another one, or still starting.</p>';
    }
    return '';
}
function runningTitle(report, waiting) {
    if (waiting)
        return check_output_plain(waiting, 200);
    const now = running(report.runs);
    const approval = now.find(isApproval);
    if (approval)
        return check_output_plain(`Waiting for approval: ${nameOf(approval)}`, 200);
    if (report.runs.length === 0)
        return 'Starting';
    if (now.length === 0) {
        const done = [...latestRuns(report.runs).values()].filter((r) => r.status === 'Succeeded').length;
        const total = report.structure?.reduce((sum, stage) => sum + stage.actions.length, 0);
        return total ? `Running: ${done} of ${total} actions done` : `Running: ${done} actions done`;
    }
    const names = now.map(nameOf);
    const more = names.length > 2 ? ` and ${names.length - 2} more` : '';
    return check_output_plain(`${names.slice(0, 2).join(', ')}${more} running`, 200);
}
/**
 * While it runs: what runs now, the table, the progress so far, and why it waits: `waiting` is the V2 wait in force
 * (queue, transition, condition, retry), as the log said it; the report's `waits` are all of them so far.
 */
function runningOutput(report, lines, waiting) {
    return {
        title: runningTitle(report, waiting),
        summary: cut(`${waitNote(report, waiting)}${summaryMarkup(report)}`),
        text: cut(progressText(lines))
    };
}
/** The title for a final execution status. */
function endingTitle(report, passed) {
    const failed = [...latestRuns(report.runs).values()].find((r) => r.status === 'Failed');
    switch (report.status) {
        case 'Succeeded':
            return `Succeeded in ${formatDuration(report.durationMs)}`;
        case 'Failed':
            return check_output_plain(failed ? `${nameOf(failed)} failed` : 'Failed', 200);
        case 'Superseded':
            return passed ? 'Superseded by a newer execution (allowed by allow-superseded)' : 'Superseded by a newer execution';
        case 'Stopped':
            return 'Stopped before it finished';
        case 'Cancelled':
            return 'Cancelled by CodePipeline (the pipeline was updated)';
        default:
            return check_output_plain(`Ended ${report.status}`, 200);
    }
}
function annotationOf(ending) {
    const note = ending.annotation;
    if (!note)
        return undefined;
    return [
        {
            path: ending.annotationPath,
            start_line: 1,
            end_line: 1,
            annotation_level: note.level === 'error' ? 'failure' : 'notice',
            title: check_output_plain(note.title, 250),
            message: check_output_plain(note.message, MAX_ANNOTATION),
            raw_details: note.details === undefined ? undefined : check_output_plain(note.details, MAX_ANNOTATION)
        }
    ];
}
/** At the end: the verdict's sentence, the table, the progress, and the annotation. */
function endingOutput(report, lines, ending) {
    const why = ending.message ? `<p>${escapeText(ending.message, 2000)}</p>\n` : '';
    return {
        title: check_output_plain(ending.title, 250),
        summary: cut(`${why}${summaryMarkup(report)}`),
        text: cut(progressText(lines)),
        annotations: annotationOf(ending)
    };
}

;// CONCATENATED MODULE: ./src/report/commit-status.ts
// Commit statuses (`CodePipeline/<pipeline>`) for merge gates and the PR's checks list. Only with a
// github-token: octokit is loaded then (github/client.ts), and not before. A failing GitHub call is a
// warning, never the verdict.



const MAX_DESCRIPTION = 140;
class CommitStatus {
    client;
    target;
    log;
    // One at a time, in order: a cancel's final status must never be overtaken by the pending one still in flight.
    last;
    constructor(client, target, log) {
        this.client = client;
        this.target = target;
        this.log = log;
    }
    get context() {
        return `CodePipeline/${this.target.pipelineName}`;
    }
    /**
     * Posts the status after any posted before it; says so, or warns why not. Never throws. A transient failure is
     * tried again (github/retrying.ts) for GITHUB_CALL_BUDGET_MS from when it is sent; `signal` bounds it all (a
     * cancel's deadline), the wait for the one before included.
     */
    post(state, description, targetUrl, signal) {
        const send = () => this.send(state, description, targetUrl, signal);
        this.last = this.last ? (0,src_clock/* abortable */.ZC)(this.last, signal).then(send, send) : send();
        return this.last;
    }
    async send(state, description, targetUrl, signal) {
        const { owner, repo, sha } = this.target;
        try {
            const client = await this.client();
            // By characters: an emoji in an AWS message is never cut in two.
            const chars = Array.from(description);
            const cut = chars.length > MAX_DESCRIPTION ? `${chars.slice(0, MAX_DESCRIPTION - 1).join('')}\u2026` : description;
            await client.createCommitStatus({
                owner,
                repo,
                sha,
                state,
                context: this.context,
                description: cut,
                target_url: targetUrl,
                request: { signal: AbortSignal.any([AbortSignal.timeout(GITHUB_CALL_BUDGET_MS), ...(signal ? [signal] : [])]) }
            });
            this.log.info(`Commit status ${this.context} on ${sha.slice(0, 7)}: ${state}`);
        }
        catch (err) {
            this.log.warning(`Could not post the commit status ${this.context} (${state}) on ${sha.slice(0, 7)}: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    }
}
/** The status for a final execution status: the verdict, in GitHub's four words. */
function statusFor(passed, executionStatus) {
    if (passed)
        return 'success';
    return executionStatus === 'Failed' ? 'failure' : 'error';
}

;// CONCATENATED MODULE: ./src/report/rollback.ts


// ListPipelineExecutions, newest first: the rollback starts with the failure, so it is among the newest. One look,
// right after the failure: a failing run never waits to find out (the verdict is a failure either way).
const LOOK_AT = 10;
// The look holds the verdict back: retried, but not for a whole outage (as the last progress read).
const LOOK_RETRY_MS = 30_000;
/**
 * The newest AutomatedRollback that started after ours, on AWS's clock: ours is in the same listing (newest
 * first); if it is not among the newest, every execution listed started after it.
 */
function newestRollback(past, q) {
    const oursStarted = past.find((e) => e.id === q.executionId)?.startTime ?? -Infinity;
    return past.find((e) => e.type === 'ROLLBACK' && e.triggerType === 'AutomatedRollback' && e.id !== q.executionId && (e.startTime ?? -Infinity) >= oursStarted);
}
async function rollback_look(deps, q) {
    const past = await withRetries(deps, {
        what: 'Could not look for a rollback',
        send: (signal) => deps.port.listRecentExecutions(q.pipelineName, LOOK_AT, signal),
        signal: q.signal,
        limitMs: () => Math.min(deps.retry.outageToleranceMs, LOOK_RETRY_MS)
    });
    return newestRollback(past, q);
}
/** The rollback's status, retried like the wait's polls (within the outage tolerance). */
function statusOf(deps, q, rollbackId) {
    return withRetries(deps, {
        what: `Could not get the status of rollback execution ${rollbackId}`,
        send: async (signal) => (await deps.port.getExecution(q.pipelineName, rollbackId, signal)).status,
        signal: q.signal
    });
}
const rollback_TERMINAL = new Set(['Succeeded', 'Failed', 'Stopped', 'Cancelled', 'Superseded']);
/** Finds the rollback (and follows it with `wait`); logs it and sets the rollback outputs. Never throws. */
async function reportRollback(deps, q) {
    try {
        const found = await rollback_look(deps, q);
        if (found === undefined)
            return undefined;
        const rollback = {
            executionId: found.id,
            targetId: found.rollbackTargetId,
            commit: found.revisionIds?.[0],
            status: found.status
        };
        const to = rollback.targetId
            ? ` to execution ${rollback.targetId}${rollback.commit ? ` (revision ${rollback.commit.slice(0, 12)})` : ''}`
            : '';
        deps.log.info(`CodePipeline rolled back${to}: rollback execution ${rollback.executionId} is ${rollback.status}.`);
        deps.outputs.setOutput('rollback-execution-id', rollback.executionId);
        while (q.wait && !rollback_TERMINAL.has(rollback.status)) {
            await deps.clock.sleep(q.pollMs, q.signal);
            rollback.status = await statusOf(deps, q, rollback.executionId);
        }
        if (q.wait)
            deps.log.info(`Rollback execution ${rollback.executionId} ended ${rollback.status}.`);
        deps.outputs.setOutput('rollback-status', rollback.status);
        return rollback;
    }
    catch (err) {
        if (q.signal?.aborted)
            throw err;
        deps.log.warning(`Could not tell whether CodePipeline rolled back: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return undefined;
    }
}
/** The sentence the failure message adds. */
function describeRollback(r) {
    const to = r.targetId ? ` to execution ${r.targetId}${r.commit ? ` (revision ${r.commit.slice(0, 12)})` : ''}` : '';
    return `CodePipeline rolled back${to} in execution ${r.executionId} (${r.status})`;
}

;// CONCATENATED MODULE: ./src/report/diagnosis.ts



function describeCommit(commitId, pinned) {
    if (commitId)
        return `commit ${commitId.slice(0, 7)}`;
    return pinned ? `the revisions source-revisions pinned (${pinned})` : "the source's latest revision";
}
/** The failed action the annotation is about: the first to fail. */
function failedRun(runs) {
    const latest = [...latestRuns(runs).values()];
    return latest.filter((r) => r.status === 'Failed').sort((a, b) => (a.lastUpdateTime ?? 0) - (b.lastUpdateTime ?? 0))[0];
}
function withRollback(d, e) {
    if (!e.rollback || !d.annotation)
        return d;
    const extra = `${describeRollback(e.rollback)}; the commit did not pass.`;
    return { ...d, annotation: { ...d.annotation, message: `${d.annotation.message}\n${extra}` }, sentence: `${d.sentence ?? ''} ${extra}` };
}
/** A rule of a stage condition failed the stage: named like a failed action, with its message and link. */
function diagnoseRule(e, rule) {
    const why = rule.errorMessage ?? rule.summary ?? e.state.statusSummary ?? 'no message from the rule';
    const url = rule.url ?? e.consoleUrl;
    const what = `Rule ${rule.ruleName}${rule.provider ? ` (${rule.provider})` : ''} of stage ${rule.stageName}`;
    return {
        passed: false,
        annotation: {
            level: 'error',
            title: `${e.pipelineName}: ${rule.stageName} / rule ${rule.ruleName} failed`,
            message: `${what} failed: ${why}\nDetails: ${url}`
        },
        sentence: `Pipeline ${e.pipelineName} execution ${e.executionId} failed: ${what} failed: ${why} (${url}).`
    };
}
function diagnoseFailure(e) {
    const run = failedRun(e.runs);
    const head = `Pipeline ${e.pipelineName} execution ${e.executionId} failed`;
    if (!run && e.failedRule)
        return diagnoseRule(e, e.failedRule);
    if (!run) {
        const why = e.state.statusSummary ? `: ${e.state.statusSummary}` : '';
        const message = `${head}${why} (${e.consoleUrl}).`;
        return { passed: false, annotation: { level: 'error', title: `${e.pipelineName} failed`, message }, sentence: message };
    }
    const why = run.errorMessage ?? run.summary ?? e.state.statusSummary ?? 'no message from the provider';
    const where = `in stage ${run.stageName}, action ${run.actionName}`;
    const url = run.externalUrl ?? e.consoleUrl;
    const sentence = `${head} ${where}: ${why} (${url}).`;
    return {
        passed: false,
        annotation: { level: 'error', title: `${e.pipelineName}: ${run.stageName} / ${run.actionName} failed`, message: sentence },
        sentence
    };
}
const MEANING = {
    Stopped: (e) => `it was stopped before it finished${e.state.statusSummary ? ` (${e.state.statusSummary})` : ''}, so ${describeCommit(e.commitId, e.pinned)} did not go through the whole pipeline; re-run the workflow to run it again`,
    Cancelled: (e) => `the pipeline's definition was updated while it ran, so CodePipeline cancelled it and ${describeCommit(e.commitId, e.pinned)} did not go through the whole pipeline; re-run the workflow to run it on the new definition`,
    Superseded: (e) => `a newer execution overtook it, so ${describeCommit(e.commitId, e.pinned)} did not go through the rest of the pipeline (the newer one carries a newer revision)` +
        (e.allowSuperseded ? '; allow-superseded is true, so the step passes' : '; set allow-superseded: true to accept that')
};
/** Whether the step passes, and what to tell the user about it. */
function diagnose(e) {
    const { status } = e.state;
    if (status === 'Succeeded')
        return { passed: true };
    if (status === 'Failed')
        return withRollback(diagnoseFailure(e), e);
    const meaning = MEANING[status]?.(e) ?? `it ended ${status}${e.state.statusSummary ? `: ${e.state.statusSummary}` : ''}`;
    const sentence = `Pipeline ${e.pipelineName} execution ${e.executionId} ended ${status}: ${meaning} (${e.consoleUrl}).`;
    const passed = status === 'Superseded' && e.allowSuperseded;
    return {
        passed,
        annotation: { level: passed ? 'notice' : 'error', title: `${e.pipelineName} ${status}`, message: sentence },
        sentence: passed ? undefined : sentence
    };
}
/** The step's failure: its one error annotation, titled with what failed. */
function failureOf(d, pipelineName, status) {
    return new errors/* ActionError */.lZ(d.sentence ?? `Pipeline ${pipelineName} ended ${status}.`, { title: d.annotation?.title });
}

;// CONCATENATED MODULE: ./src/logs/locate.ts
// arn:<partition>:logs:<region>:<account>:log-group:<group>:log-stream:<stream>; neither name may hold a colon.
const STREAM_ARN = /^arn:[\w-]+:logs:[\w-]*:\d*:log-group:([^:]+):log-stream:([^:*]+)$/;
function parseLogStreamArn(arn) {
    const m = STREAM_ARN.exec(arn);
    return m?.[1] && m[2] ? { group: m[1], stream: m[2] } : undefined;
}
function logSourceOf(run) {
    const stream = run.logStreamArn ? parseLogStreamArn(run.logStreamArn) : undefined;
    if (stream)
        return { kind: 'stream', stream };
    if (run.provider === 'CodeBuild' && run.externalExecutionId)
        return { kind: 'build', buildId: run.externalExecutionId };
    return undefined;
}
/** How the log and the step's log call an action. */
function actionLabel(run) {
    return `${run.stageName} / ${run.actionName}`;
}

;// CONCATENATED MODULE: ./src/logs/access.ts


const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnauthorizedException']);
class LogAccess {
    deps;
    reader;
    /** What was refused ('codebuild:BatchGetBuilds', 'logs:GetLogEvents <group>'): asked once, said once. */
    refused = new Set();
    warned = new Set();
    /** Each action run's stream once known. */
    streams = new Map();
    constructor(deps) {
        this.deps = deps;
    }
    load() {
        this.reader ??= this.deps.load(this.deps.region);
        return this.reader;
    }
    /** The streams of these runs that are known by now; one BatchGetBuilds for every build not yet located. */
    async streamsOf(runs, signal) {
        const builds = new Map();
        for (const run of runs) {
            const source = logSourceOf(run);
            if (source?.kind === 'stream')
                this.streams.set(run.actionExecutionId, source.stream);
            if (source?.kind === 'build' && !this.streams.has(run.actionExecutionId))
                builds.set(source.buildId, run);
        }
        if (builds.size > 0 && !this.refused.has('codebuild:BatchGetBuilds')) {
            try {
                const found = await (await this.load()).buildStreams([...builds.keys()].slice(0, 100), signal);
                for (const [buildId, stream] of found) {
                    const run = builds.get(buildId);
                    if (run)
                        this.streams.set(run.actionExecutionId, stream);
                }
            }
            catch (err) {
                for (const run of [...builds.values()].slice(0, 1))
                    this.failed(err, run, 'codebuild:BatchGetBuilds');
            }
        }
        const known = new Map();
        for (const run of runs) {
            const stream = this.streams.get(run.actionExecutionId);
            if (stream)
                known.set(run.actionExecutionId, stream);
        }
        return known;
    }
    /** The last `limit` lines; undefined when they could not be read. */
    async tail(run, stream, limit, signal) {
        return (await this.read(run, stream, (reader) => reader.tail(stream, limit, signal)))?.messages;
    }
    /** The next page from the head or the token; undefined when it could not be read. */
    async forward(run, stream, token, signal) {
        return this.read(run, stream, (reader) => reader.forward(stream, token, signal));
    }
    async read(run, stream, send) {
        const permission = `logs:GetLogEvents on log group ${stream.group}`;
        if (this.refused.has(permission))
            return undefined;
        try {
            return await send(await this.load());
        }
        catch (err) {
            // CodeBuild creates the stream while the build is provisioning: not there yet is an empty log.
            if ((0,errors/* awsErrorName */.ZH)(err) === 'ResourceNotFoundException')
                return { messages: [] };
            this.failed(err, run, permission);
            return undefined;
        }
    }
    /** Where a run's log can be seen: the provider's link, else the execution in the console. */
    linkOf(run) {
        return run.externalUrl ?? this.deps.consoleUrl;
    }
    failed(err, run, permission) {
        if (err instanceof Error && err.name === 'AbortError')
            return;
        const link = this.linkOf(run);
        if (DENIED.has((0,errors/* awsErrorName */.ZH)(err))) {
            if (this.refused.has(permission))
                return;
            this.refused.add(permission);
            this.deps.log.notice(`Build logs are not shown: the AWS credentials are not allowed ${permission}. Add it to the role's policy ` +
                `(see the README's IAM permissions) to see them here; meanwhile the log of ${actionLabel(run)} is at ${link}`, { title: `No build logs: ${permission.split(' ')[0]} is not allowed` });
            return;
        }
        if (this.warned.has(run.actionExecutionId))
            return;
        this.warned.add(run.actionExecutionId);
        this.deps.log.warning(`Could not read the log of ${actionLabel(run)} (${(0,errors/* errorMessage */.gJ)(err)}); it is at ${link}`);
    }
}

;// CONCATENATED MODULE: ./src/logs/untrusted.ts
// Log lines are written by whoever wrote the buildspec, a pull request's author included: none of them may
// act as a workflow command. The runner executes a line that starts (after white space) with `::`, and a
// legacy `##[command]` anywhere in a line. So lines are printed through the Log port's printUntrusted, which
// wraps each batch in `::stop-commands::<token>` \u2026 `::<token>::` with a fresh unguessable token: nothing in
// between is a command, in either form, and the lines show exactly as written. A Log without it (a test
// double) gets each line neutralised instead. Groups are opened and closed by the port, never by a log line.

// A runaway line (minified output, a base64 blob) should not flood the log.
const MAX_LINE_LENGTH = 4000;
const untrusted_COMMAND_START = /^[\s\u180e\u200b\ufeff]*::/;
const LEGACY_COMMAND = /##\[/g;
/** Lines of one CloudWatch event (one event may hold several); trailing blank lines dropped, long lines cut. */
function splitMessage(message) {
    const lines = message.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
    return lines.map((line) => (line.length > MAX_LINE_LENGTH ? `${line.slice(0, MAX_LINE_LENGTH)}\u2026 (cut)` : line));
}
/** The fallback: a line that can start no command (`\::error::`) and holds no legacy one (`##\[error]`). */
function inertLine(line) {
    const flat = line.replace(/[\r\u0085\u2028\u2029]/g, ' ').replace(LEGACY_COMMAND, '##\\[');
    return untrusted_COMMAND_START.test(flat) ? `\\${flat}` : flat;
}
/** What the wiring gives the Log port: writes a batch between a fresh random stop-commands token pair. */
function stopCommandsWriter(write) {
    return (lines) => {
        const token = (0,external_node_crypto_.randomBytes)(16).toString('hex');
        write(`::stop-commands::${token}`);
        for (const line of lines)
            write(line);
        write(`::${token}::`);
    };
}
function printUntrusted(log, messages, options = {}) {
    const lines = messages.flatMap(splitMessage).map((line) => `${options.prefix ?? ''}${line}`);
    if (lines.length === 0)
        return;
    if (options.group !== undefined) {
        if (log.startGroup)
            log.startGroup(options.group);
        else
            log.info(options.group);
    }
    if (log.printUntrusted)
        log.printUntrusted(lines);
    else
        for (const line of lines)
            log.info(inertLine(line));
    if (options.group !== undefined)
        log.endGroup?.();
}

;// CONCATENATED MODULE: ./src/logs/failed.ts



const TAIL_LINES = 50;
// Parallel actions that all failed: each gets its tail, up to this many (the rest are in the console).
const MAX_FAILED_SHOWN = 5;
/** The failed runs whose tails are read, oldest failure first. */
function failedWithLogs(runs) {
    return [...latestRuns(runs).values()]
        .filter((run) => run.status === 'Failed' && logSourceOf(run) !== undefined)
        .sort((a, b) => (a.lastUpdateTime ?? 0) - (b.lastUpdateTime ?? 0))
        .slice(0, MAX_FAILED_SHOWN);
}
/**
 * Reads the last `limit` lines of each failed run's log, all at once; each lands in `into` (by actionExecutionId)
 * as it comes: [] when there is no log or it could not be read. A run cut short by the signal is left out.
 */
async function readTails(access, failed, limit, into, signal) {
    if (failed.length === 0)
        return;
    const streams = await access.streamsOf(failed, signal);
    await Promise.all(failed.map(async (run) => {
        const stream = streams.get(run.actionExecutionId);
        const messages = stream ? await access.tail(run, stream, limit, signal) : undefined;
        if (!signal?.aborted)
            into.set(run.actionExecutionId, (messages ?? []).flatMap(splitMessage).slice(-limit));
    }));
}
/** Prints the tails read, in the order of the failures. */
function printTails(log, failed, tails) {
    for (const run of failed) {
        const lines = tails.get(run.actionExecutionId);
        if (lines && lines.length > 0)
            printUntrusted(log, lines, { group: `${actionLabel(run)}: the last ${lines.length} lines of its log` });
    }
}

;// CONCATENATED MODULE: ./src/logs/live.ts



// Kept for the action's group; a longer log keeps its end.
const MAX_KEPT_LINES = 10_000;
// A sanity bound on reading the rest of an ended action's log (10,000 events or 1 MB a page): far beyond any
// build, it only stops a service that keeps answering fresh tokens; the group then says it was not read to its end.
const MAX_DRAIN_PAGES = 1000;
class LiveLogs {
    access;
    log;
    followed = new Map();
    constructor(access, log) {
        this.access = access;
        this.log = log;
    }
    /** The last lines of a run's log, when it was read to its end. */
    endOf(actionExecutionId) {
        const state = this.followed.get(actionExecutionId);
        return state?.complete ? state.lines : undefined;
    }
    /** `final`: the execution has ended, so every log is read to its end and grouped. */
    async update(runs, final, signal) {
        const candidates = [...latestRuns(runs).values()]
            .filter((run) => logSourceOf(run) !== undefined && !this.followed.get(run.actionExecutionId)?.done)
            .sort((a, b) => (a.startTime ?? 0) - (b.startTime ?? 0));
        if (candidates.length === 0)
            return;
        const streams = await this.access.streamsOf(candidates, signal);
        for (const run of candidates) {
            if (signal?.aborted)
                return;
            const stream = streams.get(run.actionExecutionId);
            const state = this.stateOf(run);
            const ended = final || run.status !== 'InProgress';
            if (stream === undefined) {
                if (ended)
                    state.done = true; // no log to show (CloudWatch Logs off, or it could not be located)
                continue;
            }
            if (!ended) {
                const { lines } = await this.next(run, state, stream, signal);
                if (signal?.aborted)
                    return;
                printUntrusted(this.log, lines, { prefix: `${run.actionName} | ` });
                state.shownLive = state.read;
                continue;
            }
            await this.drain(run, state, stream, signal);
            if (signal?.aborted)
                return;
            this.printGroup(run, state);
        }
    }
    stateOf(run) {
        const known = this.followed.get(run.actionExecutionId);
        if (known)
            return known;
        const state = { lines: [], read: 0, shownLive: 0, complete: false, failed: false, done: false };
        this.followed.set(run.actionExecutionId, state);
        return state;
    }
    /** Reads on until the forward token repeats (the end), a read fails, or the sanity bound. */
    async drain(run, state, stream, signal) {
        for (let page = 0; page < MAX_DRAIN_PAGES && !signal?.aborted; page++) {
            const { step } = await this.next(run, state, stream, signal);
            state.complete = step === 'end';
            state.failed = step === 'failed';
            if (step !== 'more')
                return;
        }
    }
    /** One read onwards from the token; its lines are kept (the end of the log, when long). */
    async next(run, state, stream, signal) {
        const page = await this.access.forward(run, stream, state.token, signal);
        if (!page)
            return { step: 'failed', lines: [] };
        // The same token back is the end; so is none (a stream not created yet, read as empty).
        if (page.nextForwardToken === undefined || page.nextForwardToken === state.token)
            return { step: 'end', lines: [] };
        state.token = page.nextForwardToken;
        const lines = page.messages.flatMap(splitMessage);
        state.read += lines.length;
        // Not push(...lines): a 1 MB page of one-character lines is more arguments than a call can take.
        state.lines = state.lines.concat(lines.slice(-MAX_KEPT_LINES)).slice(-MAX_KEPT_LINES);
        return { step: 'more', lines };
    }
    /**
     * The grace at the verdict is over: each log not yet grouped gets what was read of it, and a warning saying
     * why the rest is missing, with the link. Nothing is read or printed after this.
     */
    finish(runs, why) {
        for (const run of latestRuns(runs).values()) {
            if (logSourceOf(run) === undefined)
                continue;
            const state = this.stateOf(run);
            if (!state.done)
                this.printGroup(run, state, why);
        }
    }
    printGroup(run, state, why = 'it was not read to its end') {
        state.done = true;
        const label = actionLabel(run);
        const kept = state.lines.length;
        const left = state.read - kept;
        const liveBefore = Math.min(left, state.shownLive);
        const hidden = left - liveBefore;
        const cut = !state.complete && !state.failed; // a failed read was said where it failed (LogAccess)
        if (kept > 0) {
            const of = state.complete ? `its ${state.read} lines` : `the ${state.read} lines read of its log`;
            const what = left === 0 ? `its log, ${kept} lines` : `the last ${kept} of ${of}`;
            const notes = [
                liveBefore > 0 ? `the first ${liveBefore} were shown live above` : '',
                hidden > 0 ? `${hidden} lines before these are not shown` : '',
                state.complete ? '' : 'not read to its end'
            ].filter((note) => note !== '');
            printUntrusted(this.log, state.lines, { group: `${label}: ${what}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}` });
        }
        const parts = [hidden > 0 ? `the first ${hidden} lines are not shown here (at most ${MAX_KEPT_LINES} are kept)` : '', cut ? why : ''];
        const said = parts.filter((part) => part !== '').join('; ');
        if (said === '')
            return;
        const line = `The log of ${label}: ${said}. The whole log is at ${this.access.linkOf(run)}`;
        if (cut)
            this.log.warning(line);
        else
            this.log.info(line);
    }
}

;// CONCATENATED MODULE: ./src/logs/action-logs.ts







const ANNOTATION_LINES = 10;
// How long the report waits at the verdict for the logs still to read (a read in flight included). A healthy
// CloudWatch Logs answers in well under a second; a slow one must not hold the verdict back.
const LOG_GRACE_MS = 10_000;
const action_logs_SIGNALS = ['SIGINT', 'SIGTERM'];
class ActionLogs {
    deps;
    access;
    live;
    tails = new Map();
    /** Aborts every read; once aborted, nothing more is read or printed. */
    stopper = new AbortController();
    inFlight;
    unread = new Set();
    /** A SIGINT or SIGTERM came: no log is worth the time any more (the cancel's report, or the verdict's). */
    signalled = false;
    onSignal = () => {
        this.signalled = true;
        this.stop();
    };
    constructor(deps) {
        this.deps = deps;
        this.access = new LogAccess({ ...deps, load: deps.load ?? loadLogReader });
        this.live = new LiveLogs(this.access, deps.log);
        for (const name of action_logs_SIGNALS)
            deps.signals?.on(name, this.onSignal);
    }
    /**
     * After each progress poll, with logs: all: the running actions' new lines and a group per ended action,
     * read beside the poll loop (this returns at once); skipped while the previous read is still going.
     */
    afterProgress = (runs, signal) => {
        if (this.deps.mode !== 'all' || signal?.aborted || this.stopper.signal.aborted || this.inFlight)
            return Promise.resolve();
        const reading = signal ? AbortSignal.any([signal, this.stopper.signal]) : this.stopper.signal;
        this.inFlight = this.guard(() => this.live.update(runs, false, reading)).finally(() => (this.inFlight = undefined));
        return Promise.resolve();
    };
    /**
     * Once the execution has ended, within LOG_GRACE_MS: the failed actions' tails, read backwards from each
     * log's end (for the annotation; printed with logs: failed), and with logs: all the rest of every log.
     */
    async atEnd(runs) {
        if (this.deps.mode === 'none')
            return;
        const expired = await this.within(LOG_GRACE_MS, () => this.readAtEnd(runs));
        this.stop();
        const failed = failedWithLogs(runs);
        if (this.deps.mode === 'failed')
            printTails(this.deps.log, failed, this.tails);
        if (!expired)
            return;
        const when = this.signalled ? 'before the workflow run was cancelled' : `within ${LOG_GRACE_MS / 1000} s`;
        this.live.finish(runs, `it could not be read to its end ${when}`);
        for (const run of failed.filter((r) => !this.tails.has(r.actionExecutionId))) {
            this.unread.add(run.actionExecutionId);
            if (this.deps.mode === 'failed')
                this.deps.log.warning(`Could not read the log of ${actionLabel(run)} ${when}; it is at ${this.access.linkOf(run)}`);
        }
    }
    /** Stops every read (at the end, or when the wait ended without a verdict): nothing more is read or printed. */
    stop() {
        this.stopper.abort();
        for (const name of action_logs_SIGNALS)
            this.deps.signals?.removeListener(name, this.onSignal);
    }
    async readAtEnd(runs) {
        const signal = this.stopper.signal;
        await this.inFlight;
        const failed = failedWithLogs(runs);
        const lines = this.deps.mode === 'failed' ? TAIL_LINES : ANNOTATION_LINES;
        await this.guard(() => readTails(this.access, failed, lines, this.tails, signal));
        if (this.deps.mode === 'all' && !signal.aborted)
            await this.guard(() => this.live.update(runs, true, signal));
    }
    /** Runs `work` for at most `ms`, less if a signal comes (or came); true when it was cut short. */
    async within(ms, work) {
        if (this.signalled)
            return true;
        const timer = new AbortController();
        let expired = false;
        const cut = () => ((expired = true), timer.abort());
        this.stopper.signal.addEventListener('abort', cut, { once: true });
        try {
            const grace = (this.deps.clock ?? src_clock/* systemClock */.ml).sleep(ms, timer.signal).then(cut, () => undefined);
            await Promise.race([work(), grace]);
        }
        finally {
            timer.abort();
            this.stopper.signal.removeEventListener('abort', cut);
        }
        return expired;
    }
    /** The last lines of a failed run's log (after atEnd); lines: [] with unreadAt when it could not be read in time. */
    tailOf(run, count = ANNOTATION_LINES) {
        const id = run.actionExecutionId;
        const read = this.tails.get(id);
        const lines = (read && read.length > 0 ? read : this.live.endOf(id))?.slice(-count);
        const where = { stageName: run.stageName, actionName: run.actionName };
        if (lines && lines.length > 0)
            return { ...where, lines };
        return this.unread.has(id) ? { ...where, lines: [], unreadAt: this.access.linkOf(run) } : undefined;
    }
    async guard(read) {
        try {
            await read();
        }
        catch (err) {
            // A bug here must not cost the user the verdict: say it, and go on without logs.
            this.deps.log.warning(`Could not show the build logs: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    }
}
/** The failure annotation's message, with the failed action's last log lines under it. */
function withLogTail(message, tail) {
    if (!tail)
        return message;
    if (tail.lines.length === 0)
        return tail.unreadAt ? `${message}\n\nThe log of ${actionLabel(tail)} could not be read in time; it is at ${tail.unreadAt}` : message;
    const cut = tail.lines.map((line) => (line.length > 300 ? `${line.slice(0, 300)}\u2026` : line));
    return `${message}\n\nThe last ${cut.length} lines of the log of ${actionLabel(tail)}:\n${cut.join('\n')}`;
}

;// CONCATENATED MODULE: ./src/report/conditions.ts


/** The rule that failed the execution, when it failed and no action did. */
async function ruleThatFailed(deps, pipelineName, executionId, runs) {
    if ([...latestRuns(runs).values()].some((r) => r.status === 'Failed') || deps.port.listRuleRuns === undefined)
        return undefined;
    try {
        const rules = await deps.port.listRuleRuns(pipelineName, executionId);
        return rules.filter((r) => r.status === 'Failed').sort((a, b) => (b.lastUpdateTime ?? 0) - (a.lastUpdateTime ?? 0))[0];
    }
    catch (err) {
        deps.log.debug(`Could not read the rule executions: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return undefined;
    }
}
/** Stages an entry condition skipped for this execution, when some declared stage never ran an action. */
async function skippedStages(deps, pipelineName, executionId, structure, runs, known) {
    const ran = new Set(runs.map((r) => r.stageName));
    const silent = (structure ?? []).filter((s) => !ran.has(s.name) && !known.has(s.name));
    if (silent.length === 0 || deps.port.getStageViews === undefined)
        return new Set(known);
    try {
        const stages = await deps.port.getStageViews(pipelineName);
        const skipped = stages.filter((s) => s.latest?.executionId === executionId && s.latest.status === 'Skipped').map((s) => s.name);
        for (const name of skipped)
            deps.log.info(`Stage ${name} was skipped: its entry condition's result is SKIP.`);
        return new Set([...known, ...skipped]);
    }
    catch (err) {
        deps.log.debug(`Could not read which stages were skipped: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return new Set(known);
    }
}

;// CONCATENATED MODULE: ./src/report/variables.ts

/** The newest run of each action with output variables; a namespace shared by two actions keeps the later. */
function collectOutputVariables(runs) {
    const collected = {};
    const ordered = [...latestRuns(runs).values()].sort((a, b) => (a.startTime ?? 0) - (b.startTime ?? 0));
    for (const run of ordered) {
        if (!run.outputVariables || Object.keys(run.outputVariables).length === 0)
            continue;
        collected[run.namespace || `${run.stageName}.${run.actionName}`] = { ...run.outputVariables };
    }
    return collected;
}
function pipelineVariables(state) {
    return Object.fromEntries((state?.variables ?? []).map((v) => [v.name, v.value]));
}
/**
 * Sets output-variables and pipeline-variables. With mask-variables, the resolved values are masked first
 * (`masked`: the values given as inputs, masked at the start already).
 */
function setVariableOutputs(outputs, runs, state, mask) {
    const resolved = pipelineVariables(state);
    if (mask.maskVariables)
        for (const value of new Set(Object.values(resolved)))
            if (value && !mask.masked.includes(value))
                outputs.setSecret?.(value);
    outputs.setOutput('output-variables', JSON.stringify(collectOutputVariables(runs)));
    outputs.setOutput('pipeline-variables', JSON.stringify(resolved));
}
/**
 * With mask-variables, the declared defaults too, before the start: a variable not given resolves to its default,
 * which an action's error message or log can show long before the end masks the resolved values.
 */
function maskDefaults(outputs, maskVariables, pipeline) {
    if (!maskVariables)
        return;
    for (const declared of pipeline?.variables ?? [])
        if (declared.defaultValue)
            outputs.setSecret?.(declared.defaultValue);
}

;// CONCATENATED MODULE: ./src/report/ending.ts













// The verdict is known and waits for this read: retried like any call, but not for a whole outage.
const FINAL_PROGRESS_RETRY_MS = 30_000;
function commitLink(report) {
    if (!report.commitId)
        return undefined;
    const { serverUrl, repo } = report.github;
    return { sha: report.commitId, url: `${serverUrl}/${repo.owner}/${repo.repo}/commit/${report.commitId}` };
}
/** From the first action's start to the last action's end, on AWS's clock; ours when no action ran. */
function duration(clock, report, ended) {
    const runs = report.progress.latest;
    const starts = runs.map((r) => r.startTime).filter((t) => t !== undefined);
    const ends = runs.map((r) => r.lastUpdateTime).filter((t) => t !== undefined);
    if (!ended || starts.length === 0 || ends.length === 0)
        return clock.now() - report.startedAt;
    return Math.max(...ends) - Math.min(...starts);
}
/** What the job summary (and the check run) show of the run, as far as it is known now. */
function reportOf(clock, report, state, { followed = true } = {}) {
    const { pipelineName, executionId, consoleUrl } = report.execution;
    return {
        pipelineName,
        executionId,
        consoleUrl,
        status: state.status,
        statusSummary: state.statusSummary,
        durationMs: duration(clock, report, state.status !== 'Unknown' && state.status !== 'InProgress'),
        event: report.github.eventName,
        commit: commitLink(report),
        pinned: report.pinned,
        artifact: report.artifact?.description,
        progressUnread: report.progress.unread,
        structure: report.progress.stages,
        followed,
        runs: report.progress.latest,
        variables: report.settings.variables.map((v) => ({ name: v.name ?? '', value: v.value ?? '' })),
        masked: report.settings.maskVariables,
        notOurs: report.execution.origin === 'followed',
        outputVariables: followed ? collectOutputVariables(report.progress.latest) : undefined,
        approvals: report.approvals?.told,
        rerun: report.rerun,
        retryTriggers: report.waits?.retryTriggers
    };
}
async function summarize(deps, summary) {
    try {
        await writeSummary(deps.summary, summary);
    }
    catch (err) {
        deps.log.warning(`Could not write the job summary: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
}
/** Completes the check run, if there is one, with what the job summary shows. */
async function completeCheckRun(report, summary, ending, signal) {
    await report.checkRun?.complete(ending.conclusion, endingOutput(summary, report.progress.lines, { ...ending, annotationPath: report.github.workflowPath ?? '.github/workflows' }), signal);
}
/** What mask-variables asks, and what main masked at the start (the variables given as inputs). */
function masking(report) {
    return { maskVariables: report.settings.maskVariables, masked: report.settings.variables.map((v) => v.value ?? '') };
}
/** The failure annotation with the failed action's last log lines under it (logs: failed or all). */
/** The failed action's log tail, in the failure (the step's one error annotation) and the check run's annotation. */
function withTail(report, diagnosis) {
    const note = diagnosis.annotation;
    const failed = diagnosis.passed ? undefined : failedRun(report.progress.latest);
    if (note?.level !== 'error' || !failed)
        return diagnosis;
    const tail = report.logs?.tailOf(failed);
    const sentence = diagnosis.sentence === undefined ? undefined : withLogTail(diagnosis.sentence, tail);
    return { ...diagnosis, sentence, annotation: { ...note, message: withLogTail(note.message, tail) } };
}
/** The commit status's description: the status, the artifact (if one is pinned), and AWS's summary. */
function statusDescription(report, state) {
    const on = report.artifact ? ` on ${report.artifact.label}` : '';
    return `${state.status}${on}${state.statusSummary ? `: ${state.statusSummary}` : ''}`;
}
/** One more ListActionExecutions after the verdict, so the table shows how each action ended. */
function readLastProgress(deps, report) {
    const { pipelineName, executionId } = report.execution;
    return report.progress.finalUpdate(() => withRetries(deps, {
        what: 'Could not read the last progress',
        send: async (signal) => {
            const runs = await deps.port.listActionRuns(pipelineName, executionId, signal);
            await report.waits?.learnRetries(runs, signal); // a retry first seen now still says who retried it
            return runs;
        },
        limitMs: () => Math.min(deps.retry.outageToleranceMs, FINAL_PROGRESS_RETRY_MS)
    }));
}
/** The last progress (one more ListActionExecutions, so the table is complete), then everything else. */
async function reportEnding(deps, report, state) {
    const { pipelineName, executionId, consoleUrl } = report.execution;
    report.checkRun?.freeze();
    await readLastProgress(deps, report);
    const runs = report.progress.latest;
    const failedRule = state.status === 'Failed' ? await ruleThatFailed(deps, pipelineName, executionId, runs) : undefined;
    const rollback = state.status === 'Failed' ? await rollbackOf(deps, report) : undefined;
    const known = report.waits?.skipped ?? new Set();
    const skipped = state.status === 'Succeeded' ? await skippedStages(deps, pipelineName, executionId, report.progress.stages, runs, known) : known;
    const { allowSuperseded } = report.settings;
    const commitId = report.commitId ?? '';
    const pinned = report.pinned;
    const diagnosed = diagnose({
        pipelineName,
        executionId,
        consoleUrl,
        state,
        runs,
        commitId,
        pinned,
        allowSuperseded,
        failedRule,
        rollback
    });
    setVariableOutputs(deps.outputs, runs, state, masking(report));
    await report.logs?.atEnd(runs);
    const diagnosis = withTail(report, diagnosed);
    const note = diagnosis.annotation;
    // An error annotation is the step's failure itself (main-step throws it with its title): said once.
    if (note?.level === 'notice')
        deps.log.notice(note.message, { title: note.title });
    const summary = { ...reportOf(deps.clock, report, state), skipped, rollback, waits: report.waits?.told };
    await summarize(deps, summary);
    const description = statusDescription(report, state);
    await Promise.all([
        report.commitStatus?.post(statusFor(diagnosis.passed, state.status), description, consoleUrl),
        completeCheckRun(report, summary, {
            conclusion: conclusionFor(diagnosis.passed, state.status),
            title: endingTitle(summary, diagnosis.passed),
            message: note?.message,
            annotation: note
        })
    ]);
    return diagnosis;
}
function rollbackOf(deps, report) {
    const { waitForRollback, pollLimits } = report.settings;
    const { pipelineName, executionId } = report.execution;
    const query = { pipelineName, executionId, wait: waitForRollback, pollMs: pollLimits.maxMs };
    return reportRollback(deps, query);
}
/** wait: false: the summary says what was started; there is no outcome to post. */
async function reportNotFollowed(deps, report) {
    const state = { status: 'InProgress', statusSummary: 'not followed (wait: false)' };
    await summarize(deps, reportOf(deps.clock, report, state, { followed: false }));
}
/**
 * The wait ended without a verdict (it gave up): summary from what is known, status `error`; the check run
 * `failure`, with the reason.
 */
async function reportUnfinished(deps, report, why) {
    report.checkRun?.freeze();
    report.logs?.stop(); // no log read may outlive the wait, nor print into the report
    setVariableOutputs(deps.outputs, report.progress.latest, undefined, masking(report));
    // Unknown, not a CodePipeline status: the execution may still be running, or stopping.
    const summary = reportOf(deps.clock, report, { status: 'Unknown', statusSummary: why });
    await summarize(deps, summary);
    const title = 'Not followed to the end';
    const annotation = { level: 'error', title: `${report.execution.pipelineName}: ${title.toLowerCase()}`, message: why };
    await Promise.all([
        report.commitStatus?.post('error', why, report.execution.consoleUrl),
        completeCheckRun(report, summary, { conclusion: 'failure', title, message: why, annotation })
    ]);
}
// After the stop, one look at the execution and its actions: what the summary shows is what happened. Within
// the guard's exit deadline, GitHub's final commit status and check run come first: the look gets at most
// LOOK_AFTER_CANCEL_MS and never eats into GITHUB_SHARE_MS; the job summary (a local file) is written last.
const LOOK_AFTER_CANCEL_MS = 1500;
const GITHUB_SHARE_MS = 2000;
const SUMMARY_SHARE_MS = 300;
/** What became of the execution after a cancel, in the words of the summary, the commit status and the check run. */
function cancelSentence(outcome, status) {
    if (isTerminal(status) && status !== 'Stopped')
        return `The workflow run was cancelled after the execution ended ${status}`;
    if (outcome === 'left running')
        return 'The workflow run was cancelled; the execution is left running (stop-on-cancel is false)';
    if (outcome === 'not ours')
        return 'The workflow run was cancelled; the execution was not started by this step, so it runs on';
    if (outcome === 'not stopped')
        return 'The workflow run was cancelled; stopping the execution failed, so it may still be running';
    if (status === 'Stopped')
        return 'The workflow run was cancelled, so the execution was stopped';
    return 'The workflow run was cancelled, so the execution is stopping';
}
/** The execution and its actions as they are now, within `ms`; 'Unknown' when they cannot be read in time. */
async function lookAfterCancel(deps, report, ms) {
    const { pipelineName, executionId } = report.execution;
    if (ms <= 0)
        return { status: 'Unknown' };
    const { signal, clear } = (0,src_clock/* timeoutSignal */._)(deps.clock, ms);
    const [state] = await Promise.all([
        deps.port.getExecution(pipelineName, executionId, signal).catch((err) => {
            deps.log.debug(`Could not read the execution after the cancel: ${(0,errors/* errorMessage */.gJ)(err)}`);
            return { status: 'Unknown' };
        }),
        deps.port.listActionRuns(pipelineName, executionId, signal).then((runs) => report.progress.update(runs), (err) => deps.log.debug(`Could not read the actions after the cancel: ${(0,errors/* errorMessage */.gJ)(err)}`))
    ]).finally(clear);
    return state;
}
/**
 * A cancel: the commit status and the check run say what the cancel did, then the job summary, with the actions
 * as they are after it; all done by `byMs` (clock time), when the cancel guard exits.
 */
async function reportCancelled(deps, report, outcome, byMs) {
    report.checkRun?.freeze();
    const left = () => byMs - deps.clock.now();
    const state = await lookAfterCancel(deps, report, Math.min(LOOK_AFTER_CANCEL_MS, left() - GITHUB_SHARE_MS - SUMMARY_SHARE_MS));
    const why = cancelSentence(outcome, state.status);
    const summary = reportOf(deps.clock, report, { status: state.status, statusSummary: why });
    const passed = state.status === 'Succeeded';
    const conclusion = passed ? 'success' : 'cancelled';
    const { signal, clear } = (0,src_clock/* timeoutSignal */._)(deps.clock, left() - SUMMARY_SHARE_MS);
    await Promise.all([
        report.commitStatus?.post(statusFor(passed, state.status), why, report.execution.consoleUrl, signal),
        completeCheckRun(report, summary, { conclusion, title: passed ? endingTitle(summary, true) : 'Cancelled with the workflow run', message: why }, signal)
    ]).finally(clear);
    await summarize(deps, summary);
}

;// CONCATENATED MODULE: ./src/report/on-github.ts





function commitStatusFor(deps, report, client) {
    const { settings, github, log } = deps;
    if (!settings.wait) {
        log.info('No commit status: wait is false, so the action would never learn the outcome to post.');
        return undefined;
    }
    if (!report.commitId) {
        log.info('No commit status: the execution is not pinned to a commit, so it is unknown which commit it tests.');
        return undefined;
    }
    return new CommitStatus(client, { ...github.repo, sha: report.commitId, pipelineName: settings.pipelineName }, log);
}
/** The live check run (check-run: true), created now and updated on each transition. */
function openCheckRun(deps, report, client) {
    const { settings, github, log, clock } = deps;
    if (!settings.checkRun)
        return undefined;
    const why = whyNoCheckRun(settings, github, report.commitId ?? '');
    if (why)
        return void log.info(why);
    const { executionId, consoleUrl } = report.execution;
    const target = { ...github.repo, sha: report.commitId ?? '', pipelineName: settings.pipelineName, executionId, consoleUrl };
    const render = () => {
        const now = { ...reportOf(clock, report, { status: 'InProgress' }), waits: report.waits?.told };
        return runningOutput(now, report.progress.lines, report.waits?.current(report.progress.latest));
    };
    const checkRun = new CheckRun({ client, log, clock }, target, render);
    report.progress.onChange = () => checkRun.changed();
    if (report.waits)
        report.waits.onChange = () => checkRun.changed();
    checkRun.start();
    return checkRun;
}
/** Adds the commit status (posted pending at once) and the check run to the report, as far as they can be made. */
function reportOnGitHub(deps, report) {
    const { settings, github } = deps;
    if (!settings.githubToken)
        return;
    const { secrets, clock, log, loadGitHubClient: load } = deps;
    const client = lazyClient({ token: settings.githubToken, baseUrl: github.apiUrl, secrets, clock, log, load });
    const { executionId, consoleUrl } = report.execution;
    report.commitStatus = commitStatusFor(deps, report, client);
    // Not awaited: the commit status posts in order, so the final one always comes after it.
    const on = report.artifact ? ` on ${report.artifact.label}` : '';
    void report.commitStatus?.post('pending', `Execution ${executionId} started${on}`, consoleUrl);
    report.checkRun = openCheckRun(deps, report, client);
}

;// CONCATENATED MODULE: ./src/report/no-execution.ts
// The job summary when the step ends before it has an execution to follow (follow-trigger found none, or
// two, or the run was cancelled while it waited): what it looked for and why it stopped, escaped.


async function reportNoExecution(deps, pipelineName, why) {
    try {
        deps.summary.addHeading(`CodePipeline ${escapeText(pipelineName)}: no execution followed`, 2);
        deps.summary.addRaw(`<p>${escapeText(why, 4000)}</p>`, true);
        deps.summary.addRaw('<p>This step starts nothing and stops nothing (execution-id, follow-trigger).</p>', true);
        await deps.summary.write();
    }
    catch (err) {
        deps.log.warning(`Could not write the job summary: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
}

;// CONCATENATED MODULE: ./src/report/waits.ts


// A wait that lasts is looked at again this often (its queue position or rule may change).
const RECHECK_MS = 60_000;
// An execution with no action yet is only "waiting" after this long: Source starts within seconds.
const FIRST_ACTION_GRACE_MS = 10_000;
const runsKey = (runs) => runs.map((r) => `${r.actionExecutionId}:${r.status}`).join(',');
function rulesText(rules) {
    const checking = (rules?.rules ?? []).filter((r) => r.status === 'InProgress');
    const shown = (checking.length > 0 ? checking : (rules?.rules ?? [])).map((r) => `rule ${r.name}${r.summary ? ` (${r.summary})` : ''}${r.url ? `: ${r.url}` : ''}`);
    return shown.length > 0 ? shown.join('; ') : 'its rules';
}
/** The explanation GetPipelineState gives for execution `id`, or undefined when it shows nothing to explain. */
function explainWait(stages, id, runs) {
    const here = stages.find((s) => s.latest?.executionId === id && s.latest.status !== 'Succeeded' && s.latest.status !== 'Skipped');
    if (here !== undefined) {
        if (here.entry?.status === 'InProgress')
            return { text: `Stage ${here.name} waits for its entry condition: ${rulesText(here.entry)}`, long: true };
        if (here.success?.status === 'InProgress')
            return { text: `Stage ${here.name}'s actions are done; its success condition is baking: ${rulesText(here.success)}`, long: true };
        if (here.latest?.status === 'Failed') {
            // Failed stage, execution still InProgress: CodePipeline retries it automatically (once, as documented).
            const failed = [...latestRuns(runs).values()].filter((r) => r.stageName === here.name && r.status === 'Failed');
            const names = failed.map((r) => `${r.stageName} / ${r.actionName}`).join(', ') || `Stage ${here.name}`;
            const attempt = (here.retry?.auto ?? 0) + 1;
            return { text: `${names} failed, attempt ${attempt} of 2; CodePipeline retries the stage`, long: false };
        }
    }
    const target = stages.find((s) => s.inbound.includes(id));
    if (target === undefined)
        return undefined;
    if (!target.transition.enabled)
        return {
            text: `Waiting before stage ${target.name}: its inbound transition is disabled${target.transition.reason ? ` (reason: ${target.transition.reason})` : ''}; it continues once someone enables it`,
            long: true
        };
    const ahead = target.inbound.indexOf(id);
    const running = target.latest?.status === 'InProgress' && target.latest.executionId !== id ? 1 : 0;
    const behind = ahead + running;
    const who = running === 1 ? ` (execution ${target.latest?.executionId} is in it)` : '';
    // Not a long wait: the queue moves whenever the stage frees up, and in SUPERSEDED mode a newer execution
    // may supersede this one at any moment; the usual pace sees either soon.
    return { text: `Queued before stage ${target.name} behind ${behind} execution${behind === 1 ? '' : 's'}${who}`, long: false };
}
/** Says why the execution waits, at most once per change; tells the poll planner when the wait is a long one. */
class WaitExplainer {
    deps;
    pipelineName;
    executionId;
    startedAt;
    said = '';
    /** The progress when the wait in force was explained: it holds while the progress stays as it was. */
    saidFor;
    checkedAt = -Infinity;
    checkedRuns;
    longFor;
    unavailable = false;
    skipped = new Set();
    /** Every explanation given, in order, for the job summary. */
    told = [];
    /** Who retried which stage and attempt (retryKey), from GetPipelineState's retryStageMetadata. */
    retryTriggers = new Map();
    /** Called after a new explanation was given (the live check run listens). */
    onChange;
    constructor(deps, pipelineName, executionId, startedAt) {
        this.deps = deps;
        this.pipelineName = pipelineName;
        this.executionId = executionId;
        this.startedAt = startedAt;
    }
    /** Why it waits now, if it does: the last explanation, while the progress is what it was then. */
    current(runs) {
        return this.saidFor !== undefined && this.saidFor === runsKey(runs) ? this.said : undefined;
    }
    /** A long wait holds while the progress is what it was when explained. */
    longWait(runs) {
        return this.longFor !== undefined && this.longFor === runsKey(runs);
    }
    /** After a status call found the execution still going: explain, if nothing of it runs. */
    async afterStatus(runs, signal) {
        const latest = [...latestRuns(runs).values()];
        const now = this.deps.clock.now();
        if (this.unavailable || this.deps.port.getStageViews === undefined)
            return;
        if (latest.some((r) => r.status === 'InProgress' && !isApproval(r)))
            return;
        if (latest.some(isApproval) && latest.some((r) => r.status === 'InProgress'))
            return; // progress says it
        if (latest.length === 0 && now - this.startedAt < FIRST_ACTION_GRACE_MS)
            return;
        const key = runsKey(runs);
        if (key === this.checkedRuns && now - this.checkedAt < RECHECK_MS)
            return;
        this.checkedRuns = key;
        this.checkedAt = now;
        const stages = await this.stageViews(signal);
        if (stages === undefined)
            return;
        for (const s of stages)
            if (s.latest?.executionId === this.executionId && s.latest.status === 'Skipped')
                this.skipped.add(s.name);
        const why = explainWait(stages, this.executionId, runs);
        this.longFor = why?.long ? key : undefined;
        this.saidFor = why === undefined ? undefined : key;
        if (why === undefined || why.text === this.said)
            return;
        this.said = why.text;
        this.told.push(why.text);
        this.deps.log.info(why.text);
        this.onChange?.();
    }
    /**
     * Before a progress update shows a retried stage's runs: who retried it (latestRetryTrigger), asked once per new
     * attempt, and only then, so a run without retries never pays for it.
     */
    async learnRetries(runs, signal) {
        if (this.unavailable || this.deps.port.getStageViews === undefined)
            return;
        const attempts = attemptNumbers(runs);
        const unknown = runs
            .map((r) => ({ stage: r.stageName, attempt: attempts.get(r.actionExecutionId) ?? 1 }))
            .filter(({ stage, attempt }) => attempt > 1 && !this.retryTriggers.has(retryKey(stage, attempt)));
        if (unknown.length === 0)
            return;
        const stages = await this.stageViews(signal);
        for (const { stage, attempt } of unknown) {
            const view = stages?.find((s) => s.name === stage && s.latest?.executionId === this.executionId);
            // Not told (or not readable): said as a plain "attempt 2", and not asked again.
            this.retryTriggers.set(retryKey(stage, attempt), view?.retry?.latest ?? '');
        }
    }
    /** GetPipelineState; without the permission, waits go unexplained (said once), as progress does without its own. */
    async stageViews(signal) {
        try {
            return await this.deps.port.getStageViews?.(this.pipelineName, signal);
        }
        catch (err) {
            if (signal?.aborted)
                throw err;
            if ((0,errors/* awsErrorName */.ZH)(err) === 'AccessDeniedException') {
                this.unavailable = true;
                this.deps.log.warning(`Waits will not be explained: ${(0,errors/* errorMessage */.gJ)(err)}`);
            }
            else
                this.deps.log.debug(`Could not read the pipeline's state: ${(0,errors/* errorMessage */.gJ)(err)}`);
            return undefined;
        }
    }
}

;// CONCATENATED MODULE: ./src/execution/approve.ts



// Someone else answered first (the console, the CLI, another job): a fact to report, not a failure.
const ANSWERED_ELSEWHERE = new Set(['InvalidApprovalTokenException', 'ApprovalAlreadyCompletedException']);
// PutApprovalResult's summary is at most 512 characters.
const MAX_SUMMARY = 512;
/** Whether `Stage.Action` or `Action` of an entry names this run's action. */
function listed(entries, run) {
    return entries.some((e) => e === run.actionName || e === `${run.stageName}.${run.actionName}`);
}
/** The summary CodePipeline keeps with the approval (shown in the console and the action's state). */
function approvalSummary(who) {
    const actor = who.actor ? ` by ${who.actor}` : '';
    const commit = who.commitId ? ` for commit ${who.commitId}` : '';
    return `Approved from GitHub Actions${actor}${commit}: ${who.runUrl}`.slice(0, MAX_SUMMARY);
}
/** The token of our execution's waiting approval, as GetPipelineState shows it; undefined when it shows another's. */
function tokenFor(stages, executionId, run) {
    const stage = stages.find((s) => s.name === run.stageName);
    if (stage?.latest?.executionId !== executionId)
        return undefined;
    const state = stage.actions?.find((a) => a.name === run.actionName);
    if (state?.status !== 'InProgress' || !state.token)
        return undefined;
    // The action's latest run must be ours: the stage's latest execution alone could be a step behind.
    if (state.actionExecutionId !== undefined && state.actionExecutionId !== run.actionExecutionId)
        return undefined;
    return state.token;
}
const approve_nameOf = (run) => `${run.stageName}.${run.actionName}`;
/** Answers the listed approvals of one execution as they come; remembers what it did, for the report. */
class Approver {
    deps;
    execution;
    who;
    parallel;
    /** One line per approval the step answered or tried to, for the summary and the check run. */
    told = [];
    done = new Set();
    approved = new Set();
    constructor(deps, execution, who, 
    /** The pipeline runs in PARALLEL mode (from its declaration). */
    parallel = false) {
        this.deps = deps;
        this.execution = execution;
        this.who = who;
        this.parallel = parallel;
    }
    /** Whether every approval of ours that the last progress shows waiting is one the step approved. */
    approvedAll(runs) {
        const waiting = [...latestRuns(runs).values()].filter((r) => isApproval(r) && r.status === 'InProgress');
        return waiting.length > 0 && waiting.every((r) => this.approved.has(r.actionExecutionId));
    }
    /** After a progress poll: approve each listed approval of ours that waits and was not tried yet. */
    async afterProgress(runs, signal) {
        const waiting = [...latestRuns(runs).values()].filter((r) => isApproval(r) && r.status === 'InProgress' && !this.done.has(r.actionExecutionId) && listed(this.who.approve, r));
        if (waiting.length === 0)
            return;
        // PARALLEL: GetPipelineState shows no token; the documented one is our run's externalExecutionId, ours by construction.
        if (this.parallel) {
            for (const run of waiting)
                if (run.externalExecutionId)
                    await this.answer(run, run.externalExecutionId, signal);
            return;
        }
        const stages = await this.deps.stageViews(signal);
        if (stages === undefined)
            return;
        for (const run of waiting) {
            const token = tokenFor(stages, this.execution.executionId, run);
            // Not shown as ours yet (GetPipelineState can lag): the next progress poll asks again.
            if (token !== undefined)
                await this.answer(run, token, signal);
        }
    }
    async answer(run, token, signal) {
        const { pipelineName, executionId } = this.execution;
        const request = {
            pipelineName,
            stageName: run.stageName,
            actionName: run.actionName,
            token,
            summary: approvalSummary(this.who)
        };
        try {
            await this.deps.port.putApprovalResult?.(request, signal);
        }
        catch (err) {
            if ((0,src_clock/* isAbortError */.zf)(err) || signal?.aborted)
                throw err;
            return this.refused(run, err, signal);
        }
        this.done.add(run.actionExecutionId);
        this.approved.add(run.actionExecutionId);
        const line = `Approved ${approve_nameOf(run)} of execution ${executionId} at ${new Date(this.deps.clock.now()).toISOString()} (${request.summary})`;
        this.told.push(line);
        this.deps.log.info(line);
    }
    async refused(run, err, signal) {
        const name = (0,errors/* awsErrorName */.ZH)(err);
        if (ANSWERED_ELSEWHERE.has(name)) {
            this.done.add(run.actionExecutionId);
            const line = `${approve_nameOf(run)} of execution ${this.execution.executionId} was already answered${await this.answeredBy(run, signal)}; the step did not answer it, and goes on following.`;
            this.told.push(line);
            return this.deps.log.info(line);
        }
        if (name === 'AccessDeniedException' || name === 'AccessDenied') {
            this.done.add(run.actionExecutionId);
            const line = `Could not approve ${approve_nameOf(run)}: ${(0,errors/* errorMessage */.gJ)(err)} The approval waits for an answer in the console.`;
            this.told.push(line);
            return this.deps.log.warning(line);
        }
        // Anything else (a throttle, an outage) is tried again after the next progress poll.
        this.deps.log.warning(`Could not approve ${approve_nameOf(run)} yet (${(0,errors/* errorMessage */.gJ)(err)}); trying again at the next poll.`);
    }
    /** Who answered instead, from the action's state (text from AWS: the Log port neutralises it). */
    async answeredBy(run, signal) {
        const stages = await this.deps.stageViews(signal);
        const state = stages?.find((s) => s.name === run.stageName)?.actions?.find((a) => a.name === run.actionName);
        if (state === undefined || state.actionExecutionId !== run.actionExecutionId)
            return '';
        const by = state.lastUpdatedBy ? ` by ${state.lastUpdatedBy}` : '';
        const outcome = state.status === 'Succeeded' ? ' (approved)' : state.status === 'Failed' ? ' (rejected)' : '';
        const comment = state.summary ? `: "${state.summary}"` : '';
        return `${by}${outcome}${comment}`;
    }
}
/** An approver for the execution the step follows, when the approve input lists any approval. */
function approverFor(ctx, execution, views, source) {
    if (ctx.settings.approve.length === 0)
        return undefined;
    const deps = { port: ctx.port, log: ctx.log, clock: ctx.clock, stageViews: (signal) => views.stageViews(signal) };
    const who = { approve: ctx.settings.approve, runUrl: ctx.workflowRun, actor: ctx.github.actor, commitId: source.commitId || undefined };
    return new Approver(deps, execution, who, source.pipeline?.executionMode === 'PARALLEL');
}
/** Before the start, when discovery read the declaration anyway: an entry that names no approval action is a typo. */
function checkApprovals(entries, pipeline) {
    if (pipeline === undefined || entries.length === 0)
        return;
    const approvals = (pipeline.stages ?? []).flatMap((s) => (s.actions ?? [])
        .filter((a) => a.actionTypeId?.category === 'Approval')
        .map((a) => ({ stageName: s.name ?? '', actionName: a.name ?? '' })));
    const unknown = entries.find((e) => !approvals.some((a) => listed([e], a)));
    if (unknown === undefined)
        return;
    const list = approvals.length > 0 ? `its approval actions are ${approvals.map(approve_nameOf).join(', ')}` : 'it has no approval action';
    throw new errors/* ActionError */.lZ(`approve: ${unknown} is not a manual approval action of pipeline ${pipeline.name ?? ''} (${list}); fix or remove the line.`);
}

;// CONCATENATED MODULE: ./src/execution/rerun.ts
// on-rerun: retry. A re-run of the job (GITHUB_RUN_ATTEMPT > 1) finds the execution this step started in an
// earlier attempt and, when it failed in a retryable stage, retries that stage's failed actions instead of
// starting everything again. The earlier runner and its saved state are gone, so the execution is recognised
// by what AWS keeps: the run marker (a pipeline variable the start set, when the pipeline declares it) naming
// this run, job, step and what was sent, and the source revisions. Without a match nothing is retried.






/** The pipeline variable that carries the run marker, when the pipeline declares it. */
const RUN_MARKER_VARIABLE = 'GITHUB_RUN_STEP';
// Executions looked at (newest first), and candidates whose variables are read: a re-run comes soon after.
const PAGES = 3;
const rerun_PAGE_SIZE = 50;
const MAX_CANDIDATES = 10;
// What RetryStageExecution answers when the stage cannot be retried now: start a new execution instead.
const REFUSALS = new Set(['NotLatestPipelineExecutionException', 'StageNotRetryableException', 'ConflictException']);
/** Whether the pipeline declares the marker variable and the workflow does not set it itself. */
function carriesMarker(pipeline, variables) {
    const declared = pipeline?.variables?.some((v) => v.name === RUN_MARKER_VARIABLE) ?? false;
    return declared && !variables.some((v) => v.name === RUN_MARKER_VARIABLE);
}
function digestOf(step, sent) {
    const identity = JSON.stringify([
        step.runId,
        step.job ?? '',
        step.action ?? '',
        sent.pipelineName,
        sent.variables.filter((v) => v.name !== RUN_MARKER_VARIABLE).map((v) => [v.name, v.value]),
        sent.sourceRevisions.map((r) => [r.actionName, r.revisionType, r.revisionValue])
    ]);
    return (0,external_node_crypto_.createHash)('sha256').update(identity).digest('hex').slice(0, 16);
}
/** The marker's value: readable in the console, and exact where it matters (the digest of what was sent). */
function runMarker(step, sent) {
    if (!step.runId)
        return undefined;
    return `run ${step.runId} attempt ${step.runAttempt ?? '1'}, job ${step.job ?? ''}, step ${step.action ?? ''} (${digestOf(step, sent)})`;
}
/** The attempt that wrote `value`, when it is this run's marker for the same job, step and request. */
function markedAttempt(value, step, sent) {
    const m = /^run (\d+) attempt (\d+), .* \(([0-9a-f]{16})\)$/.exec(value ?? '');
    if (!m || m[1] !== step.runId || m[3] !== digestOf(step, sent))
        return undefined;
    return Number(m[2]);
}
/** Whether a listed execution ran the same source revisions as this step pins (a commit never matches another). */
function sameRevisions(e, sent) {
    return sent.sourceRevisions
        .filter((r) => r.revisionType === 'COMMIT_ID')
        .every((r) => e.sourceRevisions.some((s) => s.actionName === r.actionName && s.revisionId === r.revisionValue));
}
/** The execution this step started in an earlier attempt of this run, or why it cannot be told (one clause). */
async function findEarlier(deps, sent, declared, signal) {
    const { port, step } = deps;
    if (!step.runId)
        return 'GITHUB_RUN_ID is not set, so there is no earlier attempt to look for';
    if (!declared)
        return `pipeline ${sent.pipelineName} does not declare the variable ${RUN_MARKER_VARIABLE}, so the earlier attempt's execution cannot be told from others`;
    const attempt = Number(step.runAttempt ?? '1');
    const candidate = (e) => e.triggerType === 'StartPipelineExecution' && sameRevisions(e, sent);
    const enough = (_, listed) => listed.filter(candidate).length >= MAX_CANDIDATES;
    const { listed } = await listPages(deps, sent.pipelineName, { pageSize: rerun_PAGE_SIZE, maxPages: PAGES, enough }, signal);
    const candidates = listed.filter(candidate);
    for (const execution of candidates.slice(0, MAX_CANDIDATES)) {
        const state = await withRetries(deps, {
            what: `Could not read execution ${execution.id}`,
            send: (s) => port.getExecution(sent.pipelineName, execution.id, s),
            signal
        });
        const marked = markedAttempt(state.variables?.find((v) => v.name === RUN_MARKER_VARIABLE)?.value, step, sent);
        if (marked !== undefined && marked < attempt)
            return { execution: { ...execution, status: state.status }, attempt: marked };
    }
    return `no execution of pipeline ${sent.pipelineName} carries this run's marker for this job and step (with these sources and variables)`;
}
/** Whether the earlier attempt's cancel stopped it: its stop reason names this workflow run. */
function stoppedByThisRun(e, runId) {
    return new RegExp(`/actions/runs/${runId}(?!\\d)`).test(e.stopReason ?? '');
}
/** on-rerun: retry. Undefined: start a new execution as usual (the log has said why). */
async function resumeEarlier(deps, sent, declared, signal) {
    // Looking is a nicety: if it fails (no codepipeline:ListPipelineExecutions, an outage), start as usual.
    const found = await findEarlier(deps, sent, declared, signal).catch((err) => {
        if ((0,src_clock/* isAbortError */.zf)(err) || signal?.aborted)
            throw err;
        return `could not look for the earlier attempt's execution (${(0,errors/* errorMessage */.gJ)(err)})`;
    });
    const startNew = (why) => (deps.log.info(`Re-run (on-rerun: retry): ${why}; starting a new execution.`), undefined);
    if (typeof found === 'string')
        return startNew(found);
    const { execution: e, attempt } = found;
    const ref = `execution ${e.id} (started by attempt ${attempt})`;
    switch (e.status) {
        case 'Stopping':
            // It ends Stopped whatever happens: following it would only report that; retrying must wait for the end.
            return startNew(`${ref} is still stopping`);
        case 'InProgress':
            return said(deps.log, e.id, `Re-run: ${ref} is still running; following it and starting nothing.`);
        case 'Succeeded':
            return startNew(`${ref} succeeded, and a re-run of a green job is a deliberate redeploy`);
        case 'Stopped':
            if (!stoppedByThisRun(e, deps.step.runId ?? ''))
                return startNew(`${ref} was stopped, not by this run's cancel`);
            return retryFailedStage(deps, sent.pipelineName, e, ref, signal);
        case 'Failed':
            return retryFailedStage(deps, sent.pipelineName, e, ref, signal);
        default:
            return startNew(`${ref} ended ${e.status}`);
    }
}
function said(log, executionId, line) {
    log.info(line);
    return { executionId, line };
}
/** RetryStageExecution, FAILED_ACTIONS, on the stage where it failed; undefined (after saying why) when refused. */
async function retryFailedStage(deps, pipelineName, e, ref, signal) {
    const startNew = (why) => (deps.log.info(`Re-run (on-rerun: retry): ${why}; starting a new execution.`), undefined);
    const runs = await withRetries(deps, {
        what: `Could not read the actions of execution ${e.id}`,
        send: (s) => deps.port.listActionRuns(pipelineName, e.id, s),
        signal
    }).catch((err) => {
        if ((0,src_clock/* isAbortError */.zf)(err) || signal?.aborted)
            throw err;
        return (0,errors/* errorMessage */.gJ)(err);
    });
    if (typeof runs === 'string')
        return startNew(`could not read which stage of ${ref} failed (${runs})`);
    const failed = [...latestRuns(runs).values()]
        .filter((r) => r.status === 'Failed' || r.status === 'Abandoned')
        .sort((a, b) => (b.lastUpdateTime ?? 0) - (a.lastUpdateTime ?? 0))[0];
    if (failed === undefined)
        return startNew(`${ref} has no failed or stopped action to retry`);
    const retryStage = deps.port.retryStage?.bind(deps.port);
    if (retryStage === undefined)
        return startNew('this CodePipeline client cannot retry a stage');
    const stage = failed.stageName;
    const refusal = await withRetries(deps, {
        what: `Could not retry stage ${stage} of execution ${e.id}`,
        send: async (s) => {
            try {
                await retryStage(pipelineName, stage, e.id, s);
                return undefined;
            }
            catch (err) {
                // A refusal is an answer: start a new execution rather than asking again.
                if (REFUSALS.has((0,errors/* awsErrorName */.ZH)(err)) || classifyFailure(err) === 'permanent')
                    return err;
                throw err;
            }
        },
        signal
    });
    if (refusal !== undefined)
        return startNew(`could not retry stage ${stage} of ${ref}: ${refusalReason(refusal)}`);
    const resumed = said(deps.log, e.id, `Retried stage ${stage} of ${ref}, failed actions only.`);
    return { ...resumed, staleBefore: { status: e.status, lastUpdateTime: e.lastUpdateTime } };
}
function refusalReason(err) {
    switch ((0,errors/* awsErrorName */.ZH)(err)) {
        case 'NotLatestPipelineExecutionException':
            return `a newer execution has passed that stage (${(0,errors/* errorMessage */.gJ)(err)})`;
        case 'StageNotRetryableException':
            return `CodePipeline says it cannot be retried (${(0,errors/* errorMessage */.gJ)(err)})`;
        case 'ConflictException':
            return `the stage is busy (${(0,errors/* errorMessage */.gJ)(err)})`;
        default:
            return (0,errors/* errorMessage */.gJ)(err);
    }
}

;// CONCATENATED MODULE: ./src/execution/resume.ts


/** The variables to start with: the workflow's, plus the run marker when the pipeline declares its variable. */
function variablesToSend(step, settings, source) {
    if (!carriesMarker(source.pipeline, settings.variables))
        return settings.variables;
    const value = runMarker(step, {
        pipelineName: settings.pipelineName,
        variables: settings.variables,
        sourceRevisions: source.sourceRevisions
    });
    return value === undefined ? settings.variables : [...settings.variables, { name: RUN_MARKER_VARIABLE, value }];
}
/** The earlier attempt's execution, resumed (retried, or still running), with the line that says so; else undefined. */
async function resumeOnRerun(ctx, source) {
    const { settings, step } = ctx;
    if (settings.onRerun !== 'retry' || !(Number(step.runAttempt ?? '1') > 1))
        return undefined;
    if (source.pipeline === undefined) {
        // source-action, pin-commit: false, or source-revisions without COMMIT_ID: no GetPipeline, so no start sent the marker.
        ctx.log.info("Re-run (on-rerun: retry): the pipeline's declaration was not read (source-action, pin-commit: false, or source-revisions without a COMMIT_ID line), so no start carries the run marker; starting a new execution.");
        return undefined;
    }
    const sent = { pipelineName: settings.pipelineName, variables: settings.variables, sourceRevisions: source.sourceRevisions };
    const resumed = await resumeEarlier(ctx, sent, carriesMarker(source.pipeline, settings.variables), ctx.signal);
    if (resumed === undefined)
        return undefined;
    // This step's own execution, from an earlier attempt: stopped on a cancel like one it started now.
    const execution = describeExecution(settings, resumed.executionId, 'started');
    ctx.state.saveStarted(execution, settings.wait);
    ctx.outputs.setOutput('pipeline-execution-id', execution.executionId);
    ctx.outputs.setOutput('execution-url', execution.consoleUrl);
    ctx.outputs.setOutput('commit-id', source.commitId);
    return { execution, line: resumed.line, staleBefore: resumed.staleBefore };
}

;// CONCATENATED MODULE: ./src/main-step.ts
// The main step, the story of a run: pick the sources, start, follow, judge and report; stop on cancel or timeout.
























async function chooseSources(main) {
    const { settings, github, port, guard, log } = main;
    const sourceDeps = {
        settings,
        chooseCommit: () => chooseCommit(github, settings.commitId, { githubToken: settings.githubToken }),
        getPipeline: (name) => withRetries(main, { what: `Could not read pipeline ${name}`, send: (s) => port.getPipeline(name, s), signal: guard.signal }),
        repo: github.repo,
        log
    };
    if (!settings.artifact)
        return planSource(sourceDeps);
    const { clock, io, tools } = main;
    const artifactDeps = { ...sourceDeps, artifact: settings.artifact, payload: github.payload, workspace: main.workspace ?? '.' };
    return planArtifactSource({
        ...artifactDeps,
        loadTools: tools.loadArtifactTools,
        clock,
        outputs: io.outputs,
        backoff: tools.backoff,
        signal: guard.signal
    });
}
/** execution-id, follow-trigger: finds the execution, which this step did not start and so never stops. */
async function locate(main, mode) {
    const { settings, guard, log } = main;
    const noExecution = (why) => reportNoExecution(main.ending, settings.pipelineName, why);
    guard.awaitingFollow(() => noExecution('The workflow run was cancelled before an execution to follow was found.'));
    const located = await locateExecution(main, settings, mode, () => chooseSources(main), guard.signal).catch(async (err) => {
        if (!guard.signal.aborted)
            await noExecution((0,errors/* errorMessage */.gJ)(err));
        throw err;
    });
    const execution = describeExecution(settings, located.executionId, 'followed');
    const { outputs } = main.io;
    outputs.setOutput('pipeline-execution-id', execution.executionId);
    outputs.setOutput('execution-url', execution.consoleUrl);
    outputs.setOutput('commit-id', located.commitId ?? '');
    log.info(`Following execution ${execution.executionId}, which this step did not start and will never stop: ${execution.consoleUrl}`);
    const source = {
        sourceRevisions: [],
        commitId: located.commitId ?? '',
        pipeline: located.pipeline,
        artifact: located.artifact
    };
    return { execution, source, startedAt: located.startTime };
}
/** Picks the sources and starts the execution; a re-run may resume the earlier attempt's instead (on-rerun). */
async function startOne(main) {
    const source = await chooseSources(main);
    main.guard.signal.throwIfAborted();
    checkVariables(main.settings.variables, source.pipeline);
    maskDefaults(main.io.outputs, main.settings.maskVariables, source.pipeline);
    checkApprovals(main.settings.approve, source.pipeline);
    const resumed = await resumeOnRerun({ ...main, outputs: main.io.outputs, signal: main.guard.signal }, source);
    if (resumed)
        return { source, execution: resumed.execution, rerun: resumed.line, staleBefore: resumed.staleBefore };
    return { source, execution: await start(main, source) };
}
async function start(main, source) {
    const { settings, port, log, guard } = main;
    const plan = planStart({ ...settings, variables: variablesToSend(main.step, settings, source) }, main.step, source);
    log.debug(`clientRequestToken: ${plan.request.clientRequestToken}`);
    const attempt = new StartAttempt({ port, log, outputs: main.io.outputs, clock: main.clock, retry: main.retry, state: main.state }, plan);
    guard.trackStart(attempt);
    return attempt.answer.catch(async (err) => {
        throw await explainSourceActionRejection(err, settings, (name) => port.getPipeline(name, guard.signal));
    });
}
/** Why the wait ended without a verdict: a cancel (the guard reports it), the wait timeout, or giving up following. */
async function failedToFollow(main, report, timeout, err) {
    const { port, log, clock, settings, state, guard } = main;
    if (guard.signal.aborted)
        return err;
    guard.decided(); // from here main reports the outcome; a late signal must not stop or report it again
    if (!timeout.reached) {
        state.markGaveUp();
        await reportUnfinished(main.ending, report, `Could not follow the execution: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return err;
    }
    const failure = await handleTimeout({ port, log, clock, settings, state, workflowRun: main.workflowRun }, report.execution);
    await reportUnfinished(main.ending, report, failure.message);
    return failure;
}
/** Waits for the verdict (within wait-timeout-minutes if set), then reports and judges it. */
async function follow(main, report, declaration, staleBefore) {
    const { settings, port, log, guard, clock } = main;
    const { execution, progress } = report;
    const { pipelineName, executionId } = execution;
    // Before anything is awaited: a cancel from now on ends the summary, the commit status and the check run too.
    guard.following(execution, (outcome, byMs) => reportCancelled(main.ending, report, outcome, byMs));
    const timeout = new WaitTimeout(clock, settings.waitTimeoutMs);
    const waitSignal = AbortSignal.any([guard.signal, timeout.signal]);
    let final;
    try {
        const { expectedMs, remainders, structure } = await learnExpectations(port, log, pipelineName, executionId, declaration, waitSignal);
        progress.setStructure(structure);
        const followed = {
            execution,
            startedAt: report.startedAt,
            expectedMs,
            remainders,
            progress,
            waits: report.waits,
            afterProgress: report.logs?.afterProgress,
            approver: report.approvals,
            staleBefore
        };
        final = await waitForExecution(main.waiting, followed, waitSignal);
    }
    catch (err) {
        throw await failedToFollow(main, report, timeout, err);
    }
    finally {
        timeout.dispose();
    }
    guard.decided();
    const diagnosis = await reportEnding(main.ending, report, final);
    if (!diagnosis.passed)
        throw failureOf(diagnosis, pipelineName, final.status);
    guard.decided(0);
    log.info(`Pipeline ${pipelineName} execution ${executionId} ${final.status}.`);
}
/** Follows the execution, unless wait is false (decided here only): then the summary says what was started. */
async function followOrLeave(main, { source, execution, startedAt = main.clock.now(), rerun, staleBefore }) {
    const { settings, log } = main;
    const progress = new ProgressTracker(log, startedAt, execution.consoleUrl);
    const waits = new WaitExplainer(main, execution.pipelineName, execution.executionId, startedAt);
    progress.retryTriggers = waits.retryTriggers;
    const { github } = main;
    const logs = new ActionLogs({
        log,
        mode: settings.logs,
        region: settings.region,
        consoleUrl: execution.consoleUrl,
        signals: main.process,
        load: main.tools.loadLogReader
    });
    const report = {
        execution,
        settings,
        github,
        commitId: source.commitId || undefined,
        pinned: source.pinned,
        artifact: source.artifact,
        startedAt,
        progress,
        waits,
        logs,
        rerun,
        approvals: approverFor(main, execution, waits, source)
    };
    reportOnGitHub({ settings, github, log, clock: main.clock, secrets: main.secrets, loadGitHubClient: main.tools.loadGitHubClient }, report);
    if (settings.wait)
        return follow(main, report, source.pipeline, staleBefore);
    main.guard.decided(0); // not followed: it runs on by design, whatever comes now
    log.info('wait is false: not waiting for the execution to finish.');
    await reportNotFollowed(main.ending, report);
}
async function runMainStep(deps) {
    const main = prepare(deps);
    const { guard, settings } = main;
    guard.install();
    try {
        const subject = settings.follow ? await locate(main, settings.follow) : await startOne(main);
        guard.signal.throwIfAborted();
        await followOrLeave(main, subject);
    }
    catch (err) {
        // After a signal, the guard owns the outcome (stop, then exit non-zero); don't report the abort.
        if (guard.cancelling)
            return await guard.cancelling;
        throw explainForkCredentials(err, main.github);
    }
    finally {
        guard.uninstall();
    }
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

;// CONCATENATED MODULE: ./src/signal-inbox.ts
const signal_inbox_SIGNALS = ['SIGINT', 'SIGTERM'];
class SignalInbox {
    listeners = new Map();
    kept = [];
    constructor(source) {
        for (const name of signal_inbox_SIGNALS)
            source.on(name, () => this.deliver(name));
    }
    /** Signals that came while nobody listened, oldest first. */
    get early() {
        return this.kept;
    }
    on(signal, listener) {
        const set = this.listeners.get(signal) ?? new Set();
        this.listeners.set(signal, set.add(listener));
        const waiting = this.kept.filter((name) => name === signal);
        this.kept.splice(0, this.kept.length, ...this.kept.filter((name) => name !== signal));
        for (const _ of waiting)
            listener();
        return this;
    }
    removeListener(signal, listener) {
        this.listeners.get(signal)?.delete(listener);
        return this;
    }
    deliver(signal) {
        const listeners = [...(this.listeners.get(signal) ?? [])];
        if (listeners.length === 0)
            this.kept.push(signal);
        for (const listener of listeners)
            listener();
    }
}

;// CONCATENATED MODULE: ./src/main.ts
// The main step's bundle (dist/main/index.js, loaded by index.ts): wires the real world (@actions/core, the SDK,
// process) to the main step, and reports the outcome.
// The post step has its own entry and bundle (post.ts), so it can never start anything.












function exit(code) {
    process.exitCode = code;
    process.exit(code);
}
/** Masked before anything is logged; the runner then hides them wherever they appear. */
function hideSecrets(settings) {
    for (const value of secretInputs(settings))
        core.setSecret(value);
}
/** The SDK and the port are chunks of their own (dist/main/NNN.index.js), loaded once the inputs are good: no single
 * huge file to compile, which lowers the peak RSS of a whole run below that of a script that only loads the SDK. */
async function createPort(region) {
    const { createCodePipelinePort } = await Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(232), __nccwpck_require__.e(62)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1062));
    return createCodePipelinePort({ region });
}
async function main(state, signals) {
    const settings = readSettings(readInput, process.env, readInputUntrimmed);
    hideSecrets(settings);
    await runMainStep({
        settings,
        github: readGitHubContext(),
        step: stepIdentity(process.env),
        port: await createPort(settings.region),
        clock: src_clock/* systemClock */.ml,
        io: { log: safeLog({ ...core, printUntrusted: stopCommandsWriter((line) => core.info(line)) }), outputs: core, summary: core.summary },
        state,
        workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
        process: { on: (name, fn) => signals.on(name, fn), removeListener: (name, fn) => signals.removeListener(name, fn), exit }
    });
}
/** `signals`: the entry's, listening since before this module was loaded. */
async function runMain(signals) {
    try {
        await main(new ActionState(core), signals);
    }
    catch (err) {
        reportFailure(err);
    }
}
/**
 * The main step without the tiny entry, the convention of actions/typescript-action that @github/local-action
 * runs (`run()` from src/main.ts): signals are listened to from here on.
 */
async function run() {
    await runMain(new SignalInbox(process));
}

var __webpack_exports__run = __webpack_exports__.e;
var __webpack_exports__runMain = __webpack_exports__.V;
export { __webpack_exports__run as run, __webpack_exports__runMain as runMain };

//# sourceMappingURL=index.js.map