// The memory floor: what the AWS SDK alone costs. A CommonJS script that loads @aws-sdk/client-codepipeline
// and makes one GetPipeline call, run by the same Node binary as the action (the endpoint and credentials come
// from the environment, as for the action). A whole run of the action should peak no higher than this.
const { CodePipelineClient, GetPipelineCommand } = require('@aws-sdk/client-codepipeline')

new CodePipelineClient({ region: 'us-east-1' }).send(new GetPipelineCommand({ name: process.argv[2] })).then(
  () => process.exit(0),
  (err) => {
    console.error(err.message)
    process.exit(1)
  }
)
