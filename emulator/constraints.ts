// The input constraints of the operations the emulator serves, written out by hand.
// The conformance test checks this table against the official model whenever ../shared is there.

export type Constraint =
  | { type: 'string'; min?: number; max?: number; pattern?: string; enum?: string[] }
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'list'; min?: number; max?: number; member: Constraint }
  | Structure

export interface Structure {
  type: 'structure'
  members: Record<string, Constraint>
  required?: string[]
}

// Patterns are written as AWS prints them in ValidationException messages (unanchored);
// the validator matches them against the whole value.
const pipelineName: Constraint = { type: 'string', min: 1, max: 100, pattern: '[A-Za-z0-9.@\\-_]+' }
const actionName: Constraint = pipelineName
const stageName: Constraint = pipelineName
const executionId: Constraint = {
  type: 'string',
  pattern: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
}
const maxResults: Constraint = { type: 'integer', min: 1, max: 100 }
const nextToken: Constraint = { type: 'string', min: 1, max: 2048 }

const pipelineVariable: Structure = {
  type: 'structure',
  required: ['name', 'value'],
  members: {
    name: { type: 'string', min: 1, max: 128, pattern: '[A-Za-z0-9@\\-_]+' },
    value: { type: 'string', min: 1, max: 1000, pattern: '.*' }
  }
}

const sourceRevisionOverride: Structure = {
  type: 'structure',
  required: ['actionName', 'revisionType', 'revisionValue'],
  members: {
    actionName,
    revisionType: { type: 'string', enum: ['COMMIT_ID', 'IMAGE_DIGEST', 'S3_OBJECT_VERSION_ID', 'S3_OBJECT_KEY'] },
    revisionValue: { type: 'string', min: 1, max: 1500 }
  }
}

const executionRef: Structure = {
  type: 'structure',
  required: ['pipelineName', 'pipelineExecutionId'],
  members: { pipelineName, pipelineExecutionId: executionId }
}

const executionFilter: Structure = {
  type: 'structure',
  members: {
    pipelineExecutionId: executionId,
    latestInPipelineExecution: {
      type: 'structure',
      required: ['pipelineExecutionId', 'startTimeRange'],
      members: {
        pipelineExecutionId: executionId,
        startTimeRange: { type: 'string', enum: ['Latest', 'All'] }
      }
    }
  }
}

const stageRef = (extra: Record<string, Constraint>, required: string[]): Structure => ({
  type: 'structure',
  required: ['pipelineName', 'stageName', ...required],
  members: { pipelineName, stageName, ...extra }
})
const transitionType: Constraint = { type: 'string', enum: ['Inbound', 'Outbound'] }

export const inputConstraints: Record<string, Structure> = {
  StartPipelineExecution: {
    type: 'structure',
    required: ['name'],
    members: {
      name: pipelineName,
      variables: { type: 'list', min: 1, max: 50, member: pipelineVariable },
      clientRequestToken: { type: 'string', min: 1, max: 128, pattern: '^[a-zA-Z0-9-]+$' },
      sourceRevisions: { type: 'list', min: 0, max: 50, member: sourceRevisionOverride }
    }
  },
  GetPipelineExecution: executionRef,
  StopPipelineExecution: {
    type: 'structure',
    required: executionRef.required,
    members: {
      ...executionRef.members,
      abandon: { type: 'boolean' },
      reason: { type: 'string', max: 200 }
    }
  },
  GetPipeline: {
    type: 'structure',
    required: ['name'],
    members: { name: pipelineName, version: { type: 'integer', min: 1 } }
  },
  GetPipelineState: { type: 'structure', required: ['name'], members: { name: pipelineName } },
  ListActionExecutions: {
    type: 'structure',
    required: ['pipelineName'],
    members: {
      pipelineName,
      filter: executionFilter,
      maxResults,
      nextToken
    }
  },
  ListPipelineExecutions: {
    type: 'structure',
    required: ['pipelineName'],
    members: {
      pipelineName,
      maxResults,
      filter: {
        type: 'structure',
        members: {
          succeededInStage: { type: 'structure', members: { stageName } }
        }
      },
      nextToken
    }
  },
  ListRuleExecutions: {
    type: 'structure',
    required: ['pipelineName'],
    members: { pipelineName, filter: executionFilter, maxResults, nextToken }
  },
  RetryStageExecution: stageRef(
    { pipelineExecutionId: executionId, retryMode: { type: 'string', enum: ['FAILED_ACTIONS', 'ALL_ACTIONS'] } },
    ['pipelineExecutionId', 'retryMode']
  ),
  PutApprovalResult: stageRef(
    {
      actionName,
      result: {
        type: 'structure',
        required: ['summary', 'status'],
        members: { summary: { type: 'string', min: 0, max: 512 }, status: { type: 'string', enum: ['Approved', 'Rejected'] } }
      },
      token: executionId
    },
    ['actionName', 'result', 'token']
  ),
  RollbackStage: stageRef({ targetPipelineExecutionId: executionId }, ['targetPipelineExecutionId']),
  OverrideStageCondition: stageRef(
    { pipelineExecutionId: executionId, conditionType: { type: 'string', enum: ['BEFORE_ENTRY', 'ON_SUCCESS'] } },
    ['pipelineExecutionId', 'conditionType']
  ),
  EnableStageTransition: stageRef({ transitionType }, ['transitionType']),
  DisableStageTransition: stageRef(
    { transitionType, reason: { type: 'string', min: 1, max: 300, pattern: '[a-zA-Z0-9!@ \\(\\)\\.\\*\\?\\-]+' } },
    ['transitionType', 'reason']
  )
}
