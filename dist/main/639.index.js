export const id = 639;
export const ids = [639];
export const modules = {

/***/ 6639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createArtifactTools: () => (/* binding */ createArtifactTools)
});

// UNUSED EXPORTS: PART_SIZE

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/lib-storage/dist-cjs/index.js
var lib_storage_dist_cjs = __webpack_require__(2358);
// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/artifact/errors.ts
var artifact_errors = __webpack_require__(3087);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./node_modules/yazl/index.js
var yazl = __webpack_require__(3044);
;// CONCATENATED MODULE: ./src/artifact/zip.ts
// The deterministic zip: yazl (streaming, well kept) over the sorted entries, every timestamp the same fixed
// DOS time, modes kept. The same tree (with the same Node, whose zlib deflates) gives the same bytes, so
// artifact-sha256 is stable across re-runs. Part of the artifact chunk (load.ts).



// Local components on purpose: yazl writes the DOS fields from the Date's local getters, so this is
// 1980-01-01 00:00 in every time zone. forceDosTimestamp leaves out the UTC extra field, which would differ.
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);
const FILE_TYPE = 0o100000;
const DIR_TYPE = 0o040000;
function counted(path, onRead) {
    const counter = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            onRead(chunk.length);
            done(null, chunk);
        }
    });
    return (0,external_node_fs_.createReadStream)(path)
        .on('error', (err) => counter.destroy(err))
        .pipe(counter);
}
function zipEntries(entries, onRead) {
    const zip = new yazl/* ZipFile */.u();
    for (const entry of entries) {
        if (entry.kind === 'dir') {
            zip.addEmptyDirectory(entry.name, { mtime: FIXED_TIME, mode: DIR_TYPE | entry.mode, forceDosTimestamp: true });
            continue;
        }
        // Lazily: one file open at a time, however many the tree holds. The size is checked by yazl, so a
        // file that changes while it is read fails the upload instead of shipping a torn zip.
        const options = { mtime: FIXED_TIME, mode: FILE_TYPE | entry.mode, size: entry.size, forceDosTimestamp: true, compress: true };
        zip.addReadStreamLazy(entry.name, options, (cb) => cb(null, counted(entry.source, onRead)));
    }
    zip.end();
    const output = zip.outputStream;
    zip.on('error', (err) => output.destroy(err));
    return output;
}

;// CONCATENATED MODULE: ./src/artifact/tools.ts
// The SDK side of the artifact upload, a chunk of its own (load.ts): the S3 client, lib-storage's Upload
// (PutObject for a small body, else a multipart upload with parts read one queue at a time, so memory stays
// flat whatever the size) and the zip. No credentials here on purpose: the default chain, as everywhere.








// S3's minimum part, one in flight: the upload holds about 10 MiB of the body at once (the part being sent, the
// next one filling), whatever the artifact's size.
const PART_SIZE = 5 * 1024 * 1024;
const QUEUE_SIZE = 1;
// lib-storage copies the stream into a fresh 5 MiB buffer per part. Those live outside V8's heap, and V8 collects
// them only once about 64 MiB of them have piled up: peak RSS would grow by that much on any large upload. A
// collection after each part (a few ms, on a heap of a few MiB) keeps the growth flat. This chunk loads only with
// `artifact`, so no other run pays for the flag.
(0,external_node_v8_.setFlagsFromString)('--expose-gc');
const collectGarbage = (0,external_node_vm_.runInNewContext)('gc');
function createClient(region) {
    return new dist_cjs.S3Client({
        region,
        customUserAgent: [[version/* ACTION_NAME */.p, version/* ACTION_VERSION */.Y]],
        // A custom endpoint (LocalStack, MinIO, the local service) has no wildcard DNS for bucket.host names.
        forcePathStyle: (0,artifact_errors/* customS3Endpoint */.FS)(),
        // Throttling (503 SlowDown), 5xx and dropped connections are retried per request, each part on its own.
        retryMode: 'standard',
        maxAttempts: 6,
        // A checksum only where S3 requires one: the bytes' sha256 is computed here anyway (artifact-sha256),
        // and S3-compatible services differ in the flexible checksums they accept.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        requestHandler: { requestTimeout: 60_000, throwOnRequestTimeout: true, connectionTimeout: 10_000 }
    });
}
class S3Store {
    region;
    client;
    endpoint;
    constructor(region) {
        this.region = region;
        this.client = createClient(region);
        this.endpoint = (0,artifact_errors/* describeS3Endpoint */.rW)(region);
    }
    async call(ctx, send) {
        try {
            return await send();
        }
        catch (err) {
            if (err instanceof Error && err.name === 'AbortError')
                throw err;
            const full = { ...ctx, region: this.region, endpoint: this.endpoint };
            throw new errors/* AwsCallError */.iQ((0,artifact_errors/* describeS3Error */.ye)(err, full), (0,errors/* awsErrorName */.ZH)(err), err);
        }
    }
    async versioning(bucket, signal) {
        const out = await this.call({ iamAction: 's3:GetBucketVersioning', bucket }, () => this.client.send(new dist_cjs.GetBucketVersioningCommand({ Bucket: bucket }), { abortSignal: signal }));
        return out.Status ?? '';
    }
    async upload({ bucket, key, body, metadata, contentType }, signal) {
        const abortController = new AbortController();
        const onAbort = () => abortController.abort();
        signal?.addEventListener('abort', onAbort, { once: true });
        const upload = new lib_storage_dist_cjs/* Upload */._({
            client: this.client,
            params: { Bucket: bucket, Key: key, Body: body, Metadata: metadata, ContentType: contentType },
            partSize: PART_SIZE,
            queueSize: QUEUE_SIZE,
            abortController
        });
        upload.on('httpUploadProgress', () => collectGarbage());
        try {
            const out = await this.call({ iamAction: 's3:PutObject', bucket, key }, () => upload.done());
            return { versionId: out.VersionId };
        }
        finally {
            signal?.removeEventListener('abort', onAbort);
            body.destroy();
        }
    }
}
function createArtifactTools(region) {
    return { store: new S3Store(region), zip: zipEntries };
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

//# sourceMappingURL=639.index.js.map