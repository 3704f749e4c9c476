import type { DispositionWorkspace } from './dispositionWorkspace';
import type { QueueMemory } from './QueueMemory';

/** What the disposition use cases work on: the shared workspace and this session's memory of the queue. */
export interface DispositionDeps {
  workspace: DispositionWorkspace;
  memory: QueueMemory;
}
