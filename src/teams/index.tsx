import * as React from 'react';
import { mountApp } from '../ui/mountApp';
import { DispositionsApp } from './DispositionsApp';
import { connectToTeams } from './teamsHost';
import { fluentThemeForTeams } from './teamsTheme';

async function start(): Promise<void> {
  const view = new URLSearchParams(window.location.search).get('view') === 'config' ? 'config' : 'tab';
  const host = await connectToTeams(window);
  const render = (theme: string | undefined): void => mountApp(<DispositionsApp view={view} />, fluentThemeForTeams(theme));
  render(host.theme);
  host.onThemeChange(render);
}

start().catch((error: unknown) => {
  // Teams answered initialize but not its context: show the tab in demo mode rather than a blank frame.
  console.warn('Custodian could not read the Teams context; running in demo mode.', error);
  mountApp(<DispositionsApp view="tab" />, fluentThemeForTeams(undefined));
});
