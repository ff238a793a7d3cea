import { partition } from '@aws-sdk/core/client'
import { consoleOrigin, executionUrl, partitionOf, pipelineUrl } from '../../src/execution/execution.js'
import { describeEndpoint } from '../../src/codepipeline/port.js'
import { isKnownRegion } from '../../src/inputs/region.js'

// A region of every partition the SDK's table has, and new codes its patterns admit.
const REGIONS = [
  'us-east-1',
  'eu-central-2',
  'mx-central-1',
  'cn-north-1',
  'cn-northwest-1',
  'us-gov-west-1',
  'us-gov-east-1',
  'eusc-de-east-1',
  'us-iso-east-1',
  'us-iso-west-1',
  'us-isob-east-1',
  'us-isof-south-1',
  'eu-isoe-west-1',
  'cn-south-9',
  'us-gov-north-7'
]

test.each(REGIONS)("%s: accepted as an input; the console's partition is the one the SDK's partition table places it in", (region) => {
  expect(isKnownRegion(region)).toBe(true)
  expect(partitionOf(region)).toBe(partition(region).name)
})

test('each partition its own console: regional hosts for aws, one host for China and GovCloud', () => {
  expect(consoleOrigin('eu-west-1')).toBe('https://eu-west-1.console.aws.amazon.com')
  expect(consoleOrigin('cn-north-1')).toBe('https://console.amazonaws.cn')
  expect(consoleOrigin('us-gov-west-1')).toBe('https://console.amazonaws-us-gov.com')
  expect(consoleOrigin('eusc-de-east-1')).toBe('https://console.amazonaws-eusc.eu')
  expect(consoleOrigin('us-iso-east-1')).toBe('https://console.c2shome.ic.gov')
  expect(consoleOrigin('us-isob-east-1')).toBe('https://console.sc2shome.sgov.gov')
  expect(consoleOrigin('us-isof-south-1')).toBe('https://console.csphome.hci.ic.gov')
  expect(consoleOrigin('eu-isoe-west-1')).toBe('https://console.csphome.adc-e.uk')
  expect(pipelineUrl({ region: 'cn-northwest-1', pipelineName: 'p' })).toBe(
    'https://console.amazonaws.cn/codesuite/codepipeline/pipelines/p/view?region=cn-northwest-1'
  )
  expect(executionUrl('us-gov-east-1', 'p', 'id')).toBe(
    'https://console.amazonaws-us-gov.com/codesuite/codepipeline/pipelines/p/executions/id/timeline?region=us-gov-east-1'
  )
})

test("the endpoint named in error messages is on the partition's own domain", () => {
  expect(describeEndpoint('cn-north-1', {})).toBe('https://codepipeline.cn-north-1.amazonaws.com.cn')
  expect(describeEndpoint('us-gov-west-1', {})).toBe('https://codepipeline.us-gov-west-1.amazonaws.com')
  expect(describeEndpoint('us-east-1', {})).toBe('https://codepipeline.us-east-1.amazonaws.com')
})
