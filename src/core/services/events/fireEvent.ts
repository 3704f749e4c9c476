import { fireRetentionEvent } from './fireRetentionEvent';
import type { EventsDeps } from './previewEvent';

export interface FireEventRequest {
  /** The id `previewEvent` gave. */
  previewId: string;
  /** Must be the preview's count: the person confirmed what they saw. */
  confirmedCount: number;
}

export interface FiredEvent {
  eventId: string;
  displayName: string;
  /** The items whose retention the event started, with the end the domain now decides. */
  started: { key: string; name: string; assetId: string; retentionEndsAt?: string }[];
}

/** Fires a previewed event, then refreshes the index so the started items show their new end. Cannot be undone. */
export async function fireEvent(deps: EventsDeps, request: FireEventRequest): Promise<FiredEvent> {
  const { workspace, previews } = deps;
  const s = await workspace.ready();
  const preview = previews.get(request.previewId);
  if (!preview) throw new Error('The preview has expired. Preview the event again.');
  const now = await workspace.now();
  const event = await fireRetentionEvent(workspace.graph, preview, { confirmedCount: request.confirmedCount, now });
  previews.delete(request.previewId);
  await s.index.refresh({ now: await workspace.now() });
  return {
    eventId: String(event.id),
    displayName: event.displayName ?? preview.request.displayName,
    started: preview.items.map((p) => {
      const r = s.index.entry(p.key)?.retention;
      return {
        key: p.key,
        name: p.item.name,
        assetId: p.item.assetId ?? '',
        ...(r && r.ok && r.kind === 'date' ? { retentionEndsAt: r.endsAt } : {})
      };
    })
  };
}
