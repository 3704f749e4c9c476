export type { CheckpointStore } from './CheckpointStore';
export { createMemoryCheckpointStore } from './createMemoryCheckpointStore';
export { createRecordsSiteCheckpointStore } from './createRecordsSiteCheckpointStore';
export { isChunkDone, jobCheckpointSchema, jobFailureSchema, markChunkDone, type JobCheckpoint, type JobFailure } from './JobCheckpoint';
export { jobFailuresList, jobsList } from './jobLists';
