// Which regions the action accepts: every region code of the AWS SDK's partition table (@aws-sdk/core: aws,
// aws-cn, aws-us-gov, aws-eusc and the isolated aws-iso* partitions) has this shape, a 2-4 letter prefix, words
// and a number (us-east-1, cn-north-1, us-gov-west-1, eusc-de-east-1, us-isob-east-1), and so has any region AWS
// opens in them. Checked without the SDK, which is loaded later (a chunk, once the inputs are good); a unit test
// holds the shape against the SDK's table. A typo (us-east1) or the SDK's pseudo-regions of global services
// (aws-global) are refused before any AWS call instead of failing on a host that does not exist.
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d+$/

export function isKnownRegion(region: string): boolean {
  return REGION.test(region)
}
