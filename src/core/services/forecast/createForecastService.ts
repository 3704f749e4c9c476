import type { DispositionWorkspace } from '../disposition/dispositionWorkspace';
import { forecastDispositions, type DispositionForecastMonth, type ForecastRequest } from './forecastDispositions';

export interface ForecastService {
  forecast(request: ForecastRequest): Promise<DispositionForecastMonth[]>;
}

/** The disposition forecast over the workspace's index. */
export function createForecastService(workspace: DispositionWorkspace): ForecastService {
  return { forecast: (request) => forecastDispositions(workspace, request) };
}
