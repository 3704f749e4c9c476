import { CustodianError } from '../../http/CustodianError';
import type { Timing } from '../../http/Timing';
import type { CheckpointStore } from '../jobs/CheckpointStore';
import type { JobCheckpoint, JobFailure } from '../jobs/JobCheckpoint';

/**
 * Saves a running job's checkpoint at most every `intervalMs` (each save is a request or a file write, and a
 * checkpoint per chunk would cost as much as the labelling), one save at a time, and always at the end.
 */
export class CheckpointSaver {
  /** Failures not yet saved. */
  readonly added: JobFailure[] = [];
  private lastSave: number;
  private saving?: Promise<void>;

  constructor(
    private readonly store: CheckpointStore,
    private readonly checkpoint: JobCheckpoint,
    private readonly now: () => number,
    private readonly intervalMs: number,
    private readonly timing: Pick<Timing, 'sleep'>
  ) {
    this.lastSave = now();
  }

  /** Saves when the interval has passed and no save is running. */
  async maybeSave(): Promise<void> {
    if (this.saving || this.now() - this.lastSave < this.intervalMs) return;
    // A periodic save that fails is not fatal: the next one (or the final one) writes the same and more.
    await this.saveOnce('running').catch((e: unknown) => {
      if (!(e instanceof CustodianError && e.isTransient)) throw e;
    });
  }

  /**
   * Saves now. A save that failed because the service was busy or the connection dropped is tried again (up to
   * `attempts` times, waiting longer each time): a failure row written twice is kept once when loaded.
   */
  async save(status: JobCheckpoint['status'], attempts = 5): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.saveOnce(status);
        return;
      } catch (e) {
        if (!(e instanceof CustodianError && e.isTransient) || attempt >= attempts) throw e;
        await this.timing.sleep(500 * 2 ** attempt);
      }
    }
  }

  private async saveOnce(status: JobCheckpoint['status']): Promise<void> {
    while (this.saving) await this.saving.catch(() => undefined);
    this.checkpoint.status = status;
    this.checkpoint.updatedAt = new Date(this.now()).toISOString();
    const added = this.added.splice(0);
    const snapshot: JobCheckpoint = {
      ...this.checkpoint,
      doneAhead: [...this.checkpoint.doneAhead],
      failures: [...this.checkpoint.failures]
    };
    this.saving = this.store.save(snapshot, added).then(
      () => {
        this.lastSave = this.now();
        this.saving = undefined;
      },
      (e: unknown) => {
        this.added.unshift(...added);
        this.saving = undefined;
        throw e;
      }
    );
    await this.saving;
  }
}
