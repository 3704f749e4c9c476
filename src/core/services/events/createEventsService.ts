import type { DispositionWorkspace } from '../disposition/dispositionWorkspace';
import { fireEvent, type FireEventRequest, type FiredEvent } from './fireEvent';
import { listEventTypeOptions, type EventTypeOption, type ListEventTypesRequest } from './listEventTypeOptions';
import { previewEvent, type PreviewedEvent } from './previewEvent';
import type { RetentionEventRequest } from './previewRetentionEvent';
import type { PreviewStore } from './PreviewStore';

export interface EventsService {
  eventTypes(request?: ListEventTypesRequest): Promise<EventTypeOption[]>;
  preview(request: RetentionEventRequest): Promise<PreviewedEvent>;
  /** Fires a previewed event; the confirmed count must be the preview's count. Cannot be undone. */
  fire(request: FireEventRequest): Promise<FiredEvent>;
}

/** Retention events over the workspace: the event types, a preview from the index, and firing what was previewed. */
export function createEventsService(workspace: DispositionWorkspace): EventsService {
  const previews: PreviewStore = new Map();
  const deps = { workspace, previews };
  return {
    eventTypes: (request) => listEventTypeOptions(workspace, request),
    preview: (request) => previewEvent(deps, request),
    fire: (request) => fireEvent(deps, request)
  };
}
