export { dependencyTaskId, dependencyTasks, type DependencyTaskOptions } from './dependencies.js';
export { formatBytes } from '../util/bytes.js';
export {
  CONTENT_HASH_LABEL,
  imageTaskId,
  imageTasks,
  pushTaskId,
  type CacheSettings,
  type ImageOutcome,
  type ImageTaskOptions,
  type PushOutcome,
} from './image-tasks.js';
export { autoConcurrency, currentMachine, imageLimits, memoryReserveMiB, type ImageLimits, type Machine } from './limits.js';
export { LOAD_TASK_ID, loadTask, type ImageArchiveLoader, type LoadTaskOptions } from './load.js';
export {
  imagePhaseReport,
  imagePhaseTasks,
  localHas,
  runImagePhase,
  type ImagePhaseOptions,
  type ImagePhaseReport,
  type RunImagePhaseOptions,
} from './phase.js';
export { pushDecision, type PushDecision } from './push-policy.js';
export { describeCrash, EngineRecovery, type CrashEvent, type RecoveryOptions } from './recovery.js';
export { imagesOutput, imagesSection } from './summary.js';
export type * from './types.js';
