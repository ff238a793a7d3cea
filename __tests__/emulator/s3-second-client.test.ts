// The local service's S3 seen by clients other than the SDK v3: boto3 (another signer, another checksum
// and multipart implementation) when the machine has it, and raw HTTP for the wire details no SDK shows
// (aws-chunked framing, a checksum that does not match, the XML error document).
import { execFile, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Emulator } from '../../emulator/index.js'
import { harness, type Harness } from '../support/emulator.js'
import { tempDir } from '../support/temp.js'

const boto3 = spawnSync('python3', ['-c', 'import boto3'], { stdio: 'ignore' }).status === 0
if (!boto3) console.warn('Skipping the boto3 checks of the local S3: python3 with boto3 is not installed (apt-get install python3-boto3).')
const withBoto3 = boto3 ? describe : describe.skip

let h: Harness

beforeAll(async () => {
  h = await harness({
    pipelines: [
      {
        name: 'from-s3',
        stages: [
          {
            name: 'Source',
            actions: [
              { name: 'Artifact', category: 'Source', provider: 'S3', configuration: { S3Bucket: 'artifacts', S3ObjectKey: 'app.zip' } }
            ]
          },
          { name: 'Build', actions: [{ name: 'Compile', category: 'Build', provider: 'CodeBuild' }] }
        ]
      }
    ],
    buckets: [{ name: 'artifacts' }]
  })
})
afterAll(() => h.emulator.close())

const BOTO3_SCRIPT = `
import boto3, botocore, json, os, sys
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
keys = dict(endpoint_url=os.environ['EMULATOR_URL'], region_name='us-east-1', aws_access_key_id='AKIDBOTO3', aws_secret_access_key='secret')
s3 = boto3.client('s3', config=Config(s3={'addressing_style': 'path'}, retries={'total_max_attempts': 1}), **keys)
cp = boto3.client('codepipeline', **keys)
out = {'versioning': s3.get_bucket_versioning(Bucket='artifacts').get('Status')}
put = s3.put_object(Bucket='artifacts', Key='app.zip', Body=b'from boto3', Metadata={'codepipeline-artifact-revision-summary': 'boto3 upload'})
out['put'] = put.get('VersionId')
head = s3.head_object(Bucket='artifacts', Key='app.zip', VersionId=put['VersionId'])
out['head'] = {'metadata': head['Metadata'], 'length': head['ContentLength']}
out['get'] = s3.get_object(Bucket='artifacts', Key='app.zip')['Body'].read().decode()
size = 5 * 1024 * 1024
s3.upload_file(os.environ['BIG_FILE'], 'artifacts', 'big.bin', Config=TransferConfig(multipart_threshold=size, multipart_chunksize=size, use_threads=False))
out['big'] = s3.head_object(Bucket='artifacts', Key='big.bin')['ETag']
try:
    s3.put_object(Bucket='missing-bucket', Key='k', Body=b'x')
except botocore.exceptions.ClientError as e:
    out['error'] = [e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode']]
started = cp.start_pipeline_execution(name='from-s3', sourceRevisions=[{'actionName': 'Artifact', 'revisionType': 'S3_OBJECT_VERSION_ID', 'revisionValue': put['VersionId']}])
execution = cp.get_pipeline_execution(pipelineName='from-s3', pipelineExecutionId=started['pipelineExecutionId'])['pipelineExecution']
out['revision'] = {k: execution['artifactRevisions'][0].get(k) for k in ('revisionId', 'revisionSummary')}
print(json.dumps(out))
`

withBoto3('boto3 against the local service', () => {
  test('versioning, PutObject with metadata, Head/GetObject, a multipart upload_file, NoSuchBucket, a start by VersionId', async () => {
    const big = join(tempDir('s3-boto3-'), 'big.bin')
    const bytes = Buffer.alloc(11 * 1024 * 1024, 7)
    writeFileSync(big, bytes)
    // Asynchronously: the local service answers from this very process.
    const run = await promisify(execFile)('python3', ['-c', BOTO3_SCRIPT], {
      env: { ...process.env, EMULATOR_URL: h.emulator.url, BIG_FILE: big },
      encoding: 'utf8'
    })
    expect(run.stderr).toBe('')
    const out = JSON.parse(run.stdout)
    expect(out).toMatchObject({
      versioning: 'Enabled',
      put: expect.stringMatching(/^[\w-]{20,}$/),
      head: { metadata: { 'codepipeline-artifact-revision-summary': 'boto3 upload' }, length: 10 },
      get: 'from boto3',
      big: expect.stringMatching(/^"[0-9a-f]{32}-3"$/),
      error: ['NoSuchBucket', 404]
    })
    expect(out.revision).toEqual({ revisionId: out.put, revisionSummary: 'boto3 upload' })
    expect(h.emulator.objectVersions('artifacts', 'big.bin')[0].sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
  })
})

/** A PutObject by hand: aws-chunked framing with a trailing CRC32, as the SDKs stream it. */
function chunkedPut(emulator: Emulator, key: string, chunks: string[], crc32: string, auth = true) {
  const body = [
    ...chunks.map((c) => `${c.length.toString(16)};chunk-signature=${'0'.repeat(64)}\r\n${c}\r\n`),
    `0\r\nx-amz-checksum-crc32:${crc32}\r\n\r\n`
  ].join('')
  return fetch(`${emulator.url}/artifacts/${key}`, {
    method: 'PUT',
    headers: {
      ...(auth
        ? { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDRAW/20250101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0' }
        : {}),
      'content-encoding': 'aws-chunked',
      'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      'x-amz-decoded-content-length': String(chunks.join('').length),
      'x-amz-trailer': 'x-amz-checksum-crc32'
    },
    body
  })
}

describe('the wire, by hand', () => {
  // zlib.crc32('hello world') = 0x0d4a1185
  const CRC = Buffer.from([0x0d, 0x4a, 0x11, 0x85]).toString('base64')

  test('an aws-chunked body is decoded (chunk extensions, trailer) and its trailing CRC32 checked', async () => {
    const ok = await chunkedPut(h.emulator, 'raw.txt', ['hello ', 'world'], CRC)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('x-amz-version-id')).toMatch(/^[\w-]{20,}$/)
    expect(ok.headers.get('x-amz-checksum-crc32')).toBe(CRC)
    expect(h.emulator.objectVersions('artifacts', 'raw.txt').map((v) => v.sha256)).toEqual([
      createHash('sha256').update('hello world').digest('hex')
    ])

    const bad = await chunkedPut(h.emulator, 'raw.txt', ['hello ', 'world'], 'AAAAAA==')
    expect(bad.status).toBe(400)
    const text = await bad.text()
    expect(text).toContain('<Code>BadDigest</Code>')
    expect(text).toMatch(/<Error><Code>BadDigest<\/Code><Message>[^<]+<\/Message>.*<Resource>\/artifacts\/raw\.txt<\/Resource><RequestId>/)
    expect(h.emulator.objectVersions('artifacts', 'raw.txt')).toHaveLength(1)
  })

  test('an unsigned request is AccessDenied; a request signed for another service is refused', async () => {
    const unsigned = await chunkedPut(h.emulator, 'raw.txt', ['x'], 'AAAAAA==', false)
    expect([unsigned.status, (await unsigned.text()).match(/<Code>(\w+)<\/Code>/)?.[1]]).toEqual([403, 'AccessDenied'])
    const wrong = await fetch(`${h.emulator.url}/artifacts?versioning`, {
      headers: {
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIDRAW/20250101/us-east-1/codepipeline/aws4_request, SignedHeaders=host, Signature=0'
      }
    })
    expect([wrong.status, (await wrong.text()).match(/<Code>(\w+)<\/Code>/)?.[1]]).toEqual([400, 'AuthorizationHeaderMalformed'])
  })
})
