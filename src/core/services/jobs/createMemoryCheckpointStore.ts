import type { CheckpointStore } from './CheckpointStore';
import type { JobCheckpoint } from './JobCheckpoint';

/** Checkpoints kept in memory: a job resumes within one session (a cancelled run started again). */
export function createMemoryCheckpointStore(): CheckpointStore {
  const saved = new Map<string, string>();
  return {
    load: async (jobId) => {
      const text = saved.get(jobId);
      return text === undefined ? undefined : (JSON.parse(text) as JobCheckpoint);
    },
    save: async (checkpoint) => {
      saved.set(checkpoint.jobId, JSON.stringify(checkpoint));
    }
  };
}
