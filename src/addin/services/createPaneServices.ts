import type { DeclareService } from '../../core/services/declare/createDeclareService';
import type { FileEmailService } from '../../core/services/fileEmail/createFileEmailService';
import { declaredView, runningDeclareSteps } from '../../ui/declare/declareProgress';
import { filedView, plannedFileSteps } from '../../ui/declare/fileProgress';
import { hostError } from '../hosts/hostError';
import type { PaneServices } from './PaneServices';

/** The core's services the pane is built from; without `fileEmail` (no records site), filing email is not offered. */
export interface PaneCoreServices {
  declare: DeclareService;
  fileEmail?: FileEmailService;
}

/** A service this build does not have yet: refused before anything is sent. */
export function notAvailable(what: string): Promise<never> {
  return Promise.reject(
    hostError({
      code: 'serviceNotAvailable',
      what: `${what} is not available in this build of Custodian.`,
      why: 'The service that does it has not been installed with this version of the add-in. Nothing was sent.',
      whatToDo: 'Ask your administrator to update Custodian.'
    })
  );
}

/** The pane's services over the core's: each result is turned into what the pane shows (steps, a summary). */
export function createPaneServices({ declare, fileEmail }: PaneCoreServices): PaneServices {
  return {
    openDocument: (url, signal) => declare.open(url, { signal }),
    async declare(context, request, onProgress) {
      const result = await declare.declare(context, request, { onSending: (asked) => onProgress(runningDeclareSteps(asked, request)) });
      const view = declaredView(context.document.name, request, result);
      onProgress(view.steps);
      return view;
    },
    openMessage: (message, libraryKey, signal) =>
      fileEmail ? fileEmail.open(message, libraryKey, { signal }) : notAvailable('Filing email'),
    async file(context, request, onProgress, options = {}) {
      if (!fileEmail) return notAvailable('Filing email');
      const result = await fileEmail.file(context, request, options, {
        onSending: () => onProgress(plannedFileSteps(request, options).map((s) => ({ ...s, state: 'running' as const })))
      });
      const view = filedView(context.library?.name ?? '', request, result, options);
      onProgress(view.steps);
      return view;
    }
  };
}
