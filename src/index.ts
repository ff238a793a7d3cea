import * as core from '@actions/core'
import { CodePipelineClient, GetPipelineCommand } from '@aws-sdk/client-codepipeline'
core.info('hello ' + typeof CodePipelineClient + typeof GetPipelineCommand)
