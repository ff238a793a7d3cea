export const id = 859;
export const ids = [859];
export const modules = {

/***/ 6859:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createSdkLogReader: () => (/* binding */ createSdkLogReader)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(303);
/* harmony import */ var _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4774);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(311);
// The SDK side of the log reader. No endpoint and no credentials here on purpose: the SDK reads
// AWS_ENDPOINT_URL_CLOUDWATCH_LOGS / AWS_ENDPOINT_URL_CODEBUILD / AWS_ENDPOINT_URL and the default
// credential chain itself, like the CodePipeline client.



// Logs are a nicety: a few quick tries, then the next poll (or a warning) rather than a long wait.
function clientConfig(region) {
    return {
        region,
        customUserAgent: [[_version_js__WEBPACK_IMPORTED_MODULE_0__/* .ACTION_NAME */ .p, _version_js__WEBPACK_IMPORTED_MODULE_0__/* .ACTION_VERSION */ .Y]],
        retryMode: 'standard',
        maxAttempts: 3,
        requestHandler: { requestTimeout: 15_000, throwOnRequestTimeout: true, connectionTimeout: 10_000 }
    };
}
function toPage(out) {
    return { messages: (out.events ?? []).map((e) => e.message ?? ''), nextForwardToken: out.nextForwardToken };
}
function createSdkLogReader(region) {
    const logs = new _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_1__/* .CloudWatchLogsClient */ .TFr(clientConfig(region));
    const codebuild = new _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_2__/* .CodeBuildClient */ .bex(clientConfig(region));
    const read = async (stream, options, signal) => toPage(await logs.send(new _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_1__/* .GetLogEventsCommand */ .h7S({ logGroupName: stream.group, logStreamName: stream.stream, ...options }), {
        abortSignal: signal
    }));
    return {
        async buildStreams(buildIds, signal) {
            const out = await codebuild.send(new _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_2__/* .BatchGetBuildsCommand */ .zZb({ ids: buildIds }), { abortSignal: signal });
            const streams = new Map();
            for (const build of out.builds ?? []) {
                const { groupName, streamName } = build.logs ?? {};
                if (build.id && groupName && streamName)
                    streams.set(build.id, { group: groupName, stream: streamName });
            }
            return streams;
        },
        tail: (stream, limit, signal) => read(stream, { limit, startFromHead: false }, signal),
        // GetLogEvents wants startFromHead: true with a nextToken (API reference).
        forward: (stream, token, signal) => read(stream, { startFromHead: true, nextToken: token }, signal)
    };
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ ACTION_VERSION),
/* harmony export */   p: () => (/* binding */ ACTION_NAME)
/* harmony export */ });
// Kept in step with package.json by a unit test; a constant avoids bundling package.json.
const ACTION_NAME = 'codepipeline-run-action';
const ACTION_VERSION = '1.0.0';


/***/ })

};

//# sourceMappingURL=859.index.js.map