// The request body of each operation, as the API model defines it, with the model's required members
// required. Bodies are validated against the model's constraints (validation.ts) before an operation sees
// them, so the operations can trust these types.

interface PipelineVariable {
  name: string
  value: string
}

interface SourceRevisionOverride {
  actionName: string
  revisionType: string
  revisionValue: string
}

interface Paging {
  maxResults?: number
  nextToken?: string
}

export interface OperationInputs {
  StartPipelineExecution: {
    name: string
    variables?: PipelineVariable[]
    clientRequestToken?: string
    sourceRevisions?: SourceRevisionOverride[]
  }
  GetPipelineExecution: { pipelineName: string; pipelineExecutionId: string }
  StopPipelineExecution: { pipelineName: string; pipelineExecutionId: string; abandon?: boolean; reason?: string }
  GetPipeline: { name: string; version?: number }
  GetPipelineState: { name: string }
  ListActionExecutions: Paging & {
    pipelineName: string
    filter?: { pipelineExecutionId?: string; latestInPipelineExecution?: { pipelineExecutionId: string; startTimeFilter: string } }
  }
  ListPipelineExecutions: Paging & { pipelineName: string; filter?: { succeededInStage?: { stageName?: string } } }
  ListRuleExecutions: Paging & {
    pipelineName: string
    filter?: { pipelineExecutionId?: string; latestInPipelineExecution?: { pipelineExecutionId: string; startTimeRange: string } }
  }
  RetryStageExecution: { pipelineName: string; stageName: string; pipelineExecutionId: string; retryMode: 'FAILED_ACTIONS' | 'ALL_ACTIONS' }
  PutApprovalResult: {
    pipelineName: string
    stageName: string
    actionName: string
    result: { summary: string; status: 'Approved' | 'Rejected' }
    token: string
  }
  RollbackStage: { pipelineName: string; stageName: string; targetPipelineExecutionId: string }
  EnableStageTransition: { pipelineName: string; stageName: string; transitionType: 'Inbound' | 'Outbound' }
  DisableStageTransition: { pipelineName: string; stageName: string; transitionType: 'Inbound' | 'Outbound'; reason: string }
  OverrideStageCondition: {
    pipelineName: string
    stageName: string
    pipelineExecutionId: string
    conditionType: 'BEFORE_ENTRY' | 'ON_SUCCESS'
  }
}

export type OperationName = keyof OperationInputs

/** Any operation's body, as recorded before validation (a request the service refused may hold anything). */
export type RequestBody = Partial<Record<string, unknown>>
