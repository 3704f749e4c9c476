import type { DispositionService } from '../../core/services/disposition/createDispositionService';
import type { EventsService } from '../../core/services/events/createEventsService';
import type { ForecastService } from '../../core/services/forecast/createForecastService';
import type { HoldsService } from '../../core/services/holds/createHoldsService';
import type { SearchService } from '../../core/services/search/createSearchService';
import type { DemoControls } from './DemoControls';
import type { DispositionsServices } from './DispositionsServices';
import { itemDetailsView } from './ItemDetailsView';

export interface RecordsManagerServices {
  disposition: DispositionService;
  holds: HoldsService;
  events: EventsService;
  forecast: ForecastService;
  search: SearchService;
  demo?: DemoControls;
}

/** The app's one services object over the core's capability services; an item's retention is put into words here. */
export function composeDispositionsServices(core: RecordsManagerServices): DispositionsServices {
  const { disposition, holds, events, forecast, search } = core;
  return {
    loadQueue: (signal) => disposition.loadQueue({ signal }),
    lastQueue: () => disposition.lastQueue(),
    item: async (key, signal) => {
      const details = await disposition.item({ key, signal });
      return details && itemDetailsView(details);
    },
    decide: (keys, decision, onResult) => disposition.decide({ keys, decision }, { onResult }),
    holds: () => holds.list(),
    legalHolds: () => holds.legal(),
    createHold: (input) => holds.create(input),
    addToHold: (input) => holds.add(input),
    releaseHold: (input) => holds.release(input),
    eventTypes: (signal) => events.eventTypes({ signal }),
    previewEvent: (request) => events.preview(request),
    fireEvent: (previewId, confirmedCount) => events.fire({ previewId, confirmedCount }),
    register: () => disposition.register(),
    forecast: (months, signal) => forecast.forecast({ months, signal }),
    search: (request, signal) => search.find(request, { signal }),
    ...(core.demo ? { demo: core.demo } : {})
  };
}
