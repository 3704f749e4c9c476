import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CheckpointStore } from '../../core/services/jobs/CheckpointStore';
import { jobCheckpointSchema } from '../../core/services/jobs/JobCheckpoint';

/**
 * Checkpoints as one JSON file per job in `dir` (a scheduled Node job, the benchmark). Each save writes a
 * temporary file, flushes it and renames it over the old one, so a process killed mid-save leaves the previous
 * checkpoint whole. Node only: SPFx's tsconfig excludes `src/node/**`.
 */
export function createFileCheckpointStore(dir: string): CheckpointStore {
  const fileOf = (jobId: string): string => path.join(dir, `${encodeURIComponent(jobId).replace(/\./g, '%2E')}.checkpoint.json`);
  return {
    async load(jobId) {
      let text: string;
      try {
        text = await fs.readFile(fileOf(jobId), 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw e;
      }
      return jobCheckpointSchema.parse(JSON.parse(text));
    },
    async save(checkpoint) {
      await fs.mkdir(dir, { recursive: true });
      const target = fileOf(checkpoint.jobId);
      const temp = `${target}.${process.pid}.tmp`;
      const handle = await fs.open(temp, 'w');
      try {
        await handle.writeFile(JSON.stringify(checkpoint));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, target);
    }
  };
}
