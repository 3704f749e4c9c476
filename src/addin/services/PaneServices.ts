import type { DocumentContext, OpenDocumentResult } from '../../core/services/declare/DocumentContext';
import type { FileOptions, MessageContext } from '../../core/services/fileEmail/MessageContext';
import type { DeclareRequest, DeclareResultView } from '../../ui/declare/DeclareForm';
import type { DeclaredView } from '../../ui/declare/declareProgress';
import type { StepProgress } from '../../ui/declare/model';
import type { MessageSubject } from '../hosts/HostAdapter';

/**
 * What the task pane asks of the core: one object, built once per sign-in by the composition root
 * (index.tsx), so the pane and its tests never see a gateway, a URL or fetch.
 */
export interface PaneServices {
  openDocument(url: string | undefined, signal?: AbortSignal): Promise<OpenDocumentResult>;
  declare(context: DocumentContext, request: DeclareRequest, onProgress: (steps: StepProgress[]) => void): Promise<DeclaredView>;
  /** The message, the libraries it can be filed into and the one chosen (`libraryKey`, a remembered choice). */
  openMessage(message: MessageSubject, libraryKey: string | undefined, signal?: AbortSignal): Promise<MessageContext>;
  file(
    context: MessageContext,
    request: DeclareRequest,
    onProgress: (steps: StepProgress[]) => void,
    options?: FileOptions
  ): Promise<DeclareResultView>;
}
