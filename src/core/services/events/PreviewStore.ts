import type { RetentionEventPreview } from './previewRetentionEvent';

/**
 * Previews shown in this session, by id: an event is fired from the preview the person saw and confirmed, never
 * from a request sent again. A fired preview is forgotten, so it cannot be fired twice.
 */
export type PreviewStore = Map<string, RetentionEventPreview>;
