export { namesSpec, type FailureLocation, type SpecFailure, type SpecResult, type SpecStatus } from './ginkgo.js';
export { JUnitReportError, parseJUnit, readJUnit, type JUnitCase, type JUnitFailure, type JUnitSuite } from './junit.js';
export { judgeKnownFailures, type KnownFailureResult, type KnownFailureStatus } from './known-failures.js';
export { MAX_ANNOTATIONS, suiteAnnotations, suiteOutputs, suiteSections, type SuiteAnnotation } from './report.js';
export {
  collectResults,
  describeVerdict,
  judgeSuite,
  readReports,
  type JudgeOptions,
  type ReportsRead,
  type SuiteCounts,
  type SuiteResults,
} from './results.js';
export { runSuite, suiteEnvironment, type SuiteRun, type SuiteRunContext, type SuiteRunSettings } from './invocation.js';
export { parseSpecListing, selectShard, shardFocus, shardOf, type ListedSpec, type ShardSelection } from './shard.js';
export { listSpecs } from './spec-listing.js';
