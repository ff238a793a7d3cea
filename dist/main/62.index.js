export const id = 62;
export const ids = [62];
export const modules = {

/***/ 1062:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createCodePipelinePort: () => (/* binding */ createCodePipelinePort)
});

// UNUSED EXPORTS: REQUEST_TIMEOUT_MS, describeEndpoint

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-codepipeline/dist-cjs/index.js
var dist_cjs = __webpack_require__(8232);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-cjs/submodules/client/index.js
var client = __webpack_require__(5152);
// EXTERNAL MODULE: ./src/clock.ts + 1 modules
var clock = __webpack_require__(529);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/codepipeline/stages.ts
function conditionView(state) {
    const status = state?.latestExecution?.status;
    if (status === undefined)
        return undefined;
    const rules = (state?.conditionStates ?? []).flatMap((c) => (c.ruleStates ?? []).map((r) => ({
        name: r.ruleName ?? '',
        status: r.latestExecution?.status ?? 'Unknown',
        summary: r.latestExecution?.summary,
        url: r.latestExecution?.externalExecutionUrl ?? r.entityUrl,
        errorMessage: r.latestExecution?.errorDetails?.message
    })));
    return { status, rules };
}
function stageView(s) {
    const inbound = (s.inboundExecutions ?? (s.inboundExecution ? [s.inboundExecution] : [])).map((e) => e.pipelineExecutionId ?? '');
    const latest = s.latestExecution;
    const retry = s.retryStageMetadata;
    return {
        name: s.stageName ?? '',
        latest: latest?.pipelineExecutionId
            ? { executionId: latest.pipelineExecutionId, status: latest.status ?? 'Unknown', type: latest.type }
            : undefined,
        inbound,
        // No transition state means the transition was never disabled.
        transition: { enabled: s.inboundTransitionState?.enabled ?? true, reason: s.inboundTransitionState?.disabledReason },
        entry: conditionView(s.beforeEntryConditionState),
        success: conditionView(s.onSuccessConditionState),
        actions: (s.actionStates ?? []).map((a) => ({
            name: a.actionName ?? '',
            actionExecutionId: a.latestExecution?.actionExecutionId,
            status: a.latestExecution?.status,
            token: a.latestExecution?.token,
            summary: a.latestExecution?.summary,
            lastUpdatedBy: a.latestExecution?.lastUpdatedBy
        })),
        retry: retry && {
            auto: retry.autoStageRetryAttempt ?? 0,
            manual: retry.manualStageRetryAttempt ?? 0,
            latest: retry.latestRetryTrigger
        }
    };
}
const toStageViews = (out) => (out.stageStates ?? []).map(stageView);
function toRuleRun(d) {
    const result = d.output?.executionResult;
    return {
        stageName: d.stageName ?? '',
        ruleName: d.ruleName ?? '',
        status: d.status ?? 'Unknown',
        provider: d.input?.ruleTypeId?.provider,
        summary: result?.externalExecutionSummary,
        errorMessage: result?.errorDetails?.message,
        url: result?.externalExecutionUrl,
        lastUpdateTime: d.lastUpdateTime?.getTime()
    };
}

;// CONCATENATED MODULE: ./src/codepipeline/port.ts
// The one place that talks to the AWS SDK. The rest of the action sees only CodePipelinePort.






const ms = (date) => date?.getTime();
function toActionRun(d) {
    const result = d.output?.executionResult;
    return {
        actionExecutionId: d.actionExecutionId ?? `${d.stageName}/${d.actionName}`,
        executionId: d.pipelineExecutionId,
        stageName: d.stageName ?? '',
        actionName: d.actionName ?? '',
        status: d.status ?? 'Unknown',
        category: d.input?.actionTypeId?.category,
        provider: d.input?.actionTypeId?.provider,
        startTime: ms(d.startTime),
        lastUpdateTime: ms(d.lastUpdateTime),
        externalUrl: result?.externalExecutionUrl,
        summary: result?.externalExecutionSummary,
        errorMessage: result?.errorDetails?.message,
        pipelineVersion: d.pipelineVersion,
        externalExecutionId: result?.externalExecutionId,
        logStreamArn: result?.logStreamARN,
        namespace: d.input?.namespace,
        outputVariables: d.output?.outputVariables
    };
}
// CodePipeline answers in well under a second; half a minute of silence is a hung connection, not a slow answer.
const REQUEST_TIMEOUT_MS = 30_000;
const CONNECTION_TIMEOUT_MS = 10_000;
/** Where the SDK will send requests, for error messages; the SDK itself resolves it the same way. */
function describeEndpoint(region, env = process.env) {
    return env.AWS_ENDPOINT_URL_CODEPIPELINE || env.AWS_ENDPOINT_URL || `https://codepipeline.${region}.${(0,client.partition)(region).dnsSuffix}`;
}
function createCodePipelinePort(settings) {
    return new SdkCodePipeline(settings);
}
/** The real port. No endpoint and no credentials here on purpose: the SDK reads AWS_ENDPOINT_URL[_CODEPIPELINE]
 * and the default credential chain itself. */
class SdkCodePipeline {
    settings;
    client;
    // One request per try of the start: the SDK's quick retries would spend a throttled account's budget in a
    // burst, while retry.ts's jittered, growing backoff spreads a crowd of runners out (the token keeps it safe).
    startClient;
    // Adaptive mode's client-side rate limiter, slowed down by a throttled poll loop, makes requests wait for
    // a send token, deaf to abort signals; the stop after a cancel must not queue behind it.
    stopClient;
    endpoint;
    constructor(settings) {
        this.settings = settings;
        this.client = this.newClient('adaptive');
        this.endpoint = describeEndpoint(settings.region);
    }
    newClient(retryMode, maxAttempts = 5) {
        return new dist_cjs/* CodePipelineClient */.pEs({
            region: this.settings.region,
            customUserAgent: [[version/* ACTION_NAME */.p, version/* ACTION_VERSION */.Y]],
            retryMode,
            maxAttempts,
            requestHandler: {
                requestTimeout: this.settings.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
                throwOnRequestTimeout: true,
                connectionTimeout: CONNECTION_TIMEOUT_MS
            }
        });
    }
    // Every call ends when its signal aborts. The SDK is given the signal too (paginators pass it to each page's
    // send), so it stops retrying; the race also ends waits that do not listen (credentials, a hung socket).
    async call(iamAction, pipelineName, signal, send) {
        try {
            return await (0,clock/* abortable */.ZC)(send(), signal);
        }
        catch (err) {
            if (err instanceof Error && err.name === 'AbortError')
                throw err;
            const message = (0,errors/* describeAwsError */.Pp)(err, { iamAction, pipelineName, region: this.settings.region, endpoint: this.endpoint });
            throw new errors/* AwsCallError */.iQ(message, (0,errors/* awsErrorName */.ZH)(err), err);
        }
    }
    async startExecution({ pipelineName, variables, sourceRevisions, clientRequestToken }, signal) {
        const command = new dist_cjs/* StartPipelineExecutionCommand */.QqH({
            name: pipelineName,
            // The model wants 1-50 variables when the list is present, so an empty one is left out.
            variables: variables.length > 0 ? variables : undefined,
            sourceRevisions: sourceRevisions.length > 0 ? sourceRevisions : undefined,
            // Ours, not the SDK's random one per command: a relaunched process must get its execution back.
            clientRequestToken
        });
        const client = (this.startClient ??= this.newClient('adaptive', 1));
        const out = await this.call('codepipeline:StartPipelineExecution', pipelineName, signal, () => client.send(command, { abortSignal: signal }));
        if (!out.pipelineExecutionId)
            throw new errors/* AwsCallError */.iQ('StartPipelineExecution returned no execution id.', 'Error', out);
        return out.pipelineExecutionId;
    }
    async getExecution(pipelineName, executionId, signal) {
        const command = new dist_cjs/* GetPipelineExecutionCommand */.qZw({ pipelineName, pipelineExecutionId: executionId });
        const out = await this.call('codepipeline:GetPipelineExecution', pipelineName, signal, () => this.client.send(command, { abortSignal: signal }));
        const execution = out.pipelineExecution;
        const artifactRevisions = execution?.artifactRevisions?.map((r) => ({ name: r.name ?? '', revisionId: r.revisionId }));
        const variables = execution?.variables?.map((v) => ({ name: v.name ?? '', value: v.resolvedValue ?? '' }));
        return { status: execution?.status ?? 'Unknown', statusSummary: execution?.statusSummary, artifactRevisions, variables };
    }
    async stopExecution({ pipelineName, executionId, abandon, reason }, signal) {
        const command = new dist_cjs/* StopPipelineExecutionCommand */.krr({ pipelineName, pipelineExecutionId: executionId, abandon, reason });
        const client = (this.stopClient ??= this.newClient('standard'));
        await this.call('codepipeline:StopPipelineExecution', pipelineName, signal, () => client.send(command, { abortSignal: signal }));
    }
    async getPipeline(pipelineName, signal) {
        const command = new dist_cjs/* GetPipelineCommand */.YeD({ name: pipelineName });
        const out = await this.call('codepipeline:GetPipeline', pipelineName, signal, () => this.client.send(command, { abortSignal: signal }));
        if (!out.pipeline)
            throw new errors/* AwsCallError */.iQ(`GetPipeline returned no declaration for '${pipelineName}'.`, 'Error', out);
        return out.pipeline;
    }
    async listActionRuns(pipelineName, executionId, signal) {
        return this.call('codepipeline:ListActionExecutions', pipelineName, signal, async () => {
            const runs = [];
            const pages = (0,dist_cjs/* paginateListActionExecutions */.xKj)({ client: this.client, pageSize: 100 }, { pipelineName, filter: { pipelineExecutionId: executionId } }, { abortSignal: signal });
            for await (const page of pages) {
                runs.push(...(page.actionExecutionDetails ?? []).filter((d) => d.pipelineExecutionId === executionId).map(toActionRun));
            }
            return runs;
        });
    }
    async listPastActionRuns(pipelineName, maxResults, signal) {
        const command = new dist_cjs/* ListActionExecutionsCommand */.X$i({ pipelineName, maxResults });
        const out = await this.call('codepipeline:ListActionExecutions', pipelineName, signal, () => this.client.send(command, { abortSignal: signal }));
        return (out.actionExecutionDetails ?? []).map(toActionRun);
    }
    async getStructure(pipelineName, signal) {
        const command = new dist_cjs/* GetPipelineStateCommand */.dz2({ name: pipelineName });
        const out = await this.call('codepipeline:GetPipelineState', pipelineName, signal, () => this.client.send(command, { abortSignal: signal }));
        return (out.stageStates ?? []).map((s) => ({ name: s.stageName ?? '', actions: (s.actionStates ?? []).map((a) => a.actionName ?? '') }));
    }
    async listRecentExecutions(pipelineName, maxResults, signal) {
        return (await this.listExecutionPage(pipelineName, maxResults, undefined, signal)).executions;
    }
    async listExecutionPage(pipelineName, maxResults, nextToken, signal) {
        const command = new dist_cjs/* ListPipelineExecutionsCommand */.bni({ pipelineName, maxResults, nextToken });
        const out = await this.call('codepipeline:ListPipelineExecutions', pipelineName, signal, () => this.client.send(command, { abortSignal: signal }));
        const executions = (out.pipelineExecutionSummaries ?? []).map((e) => ({
            id: e.pipelineExecutionId ?? '',
            status: e.status ?? 'Unknown',
            startTime: ms(e.startTime),
            lastUpdateTime: ms(e.lastUpdateTime),
            type: e.executionType,
            triggerType: e.trigger?.triggerType,
            rollbackTargetId: e.rollbackMetadata?.rollbackTargetPipelineExecutionId,
            revisionIds: (e.sourceRevisions ?? []).map((r) => r.revisionId ?? ''),
            stopReason: e.stopTrigger?.reason,
            sourceRevisions: (e.sourceRevisions ?? []).map((r) => ({ actionName: r.actionName ?? '', revisionId: r.revisionId }))
        }));
        return { executions, nextToken: out.nextToken };
    }
    async getStageViews(pipelineName, signal) {
        const command = new dist_cjs/* GetPipelineStateCommand */.dz2({ name: pipelineName });
        const out = await this.call('codepipeline:GetPipelineState', pipelineName, signal, () => this.client.send(command, { abortSignal: signal }));
        return toStageViews(out);
    }
    async putApprovalResult({ pipelineName, stageName, actionName, token, summary }, signal) {
        const result = { status: 'Approved', summary };
        const command = new dist_cjs/* PutApprovalResultCommand */.DVx({ pipelineName, stageName, actionName, token, result });
        await this.call('codepipeline:PutApprovalResult', pipelineName, signal, () => this.client.send(command, { abortSignal: signal }));
    }
    async retryStage(pipelineName, stageName, executionId, signal) {
        const command = new dist_cjs/* RetryStageExecutionCommand */.enB({
            pipelineName,
            stageName,
            pipelineExecutionId: executionId,
            retryMode: 'FAILED_ACTIONS'
        });
        await this.call('codepipeline:RetryStageExecution', pipelineName, signal, () => this.client.send(command, { abortSignal: signal }));
    }
    async listRuleRuns(pipelineName, executionId, signal) {
        return this.call('codepipeline:ListRuleExecutions', pipelineName, signal, async () => {
            const runs = [];
            const pages = (0,dist_cjs/* paginateListRuleExecutions */.bpG)({ client: this.client, pageSize: 100 }, { pipelineName, filter: { pipelineExecutionId: executionId } }, { abortSignal: signal });
            for await (const page of pages) {
                runs.push(...(page.ruleExecutionDetails ?? []).filter((d) => d.pipelineExecutionId === executionId).map(toRuleRun));
            }
            return runs;
        });
    }
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

//# sourceMappingURL=62.index.js.map