/**
 * @jest-environment jsdom
 */
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { connectToTeams } from '../../src/teams/teamsHost';
import { fluentThemeForTeams } from '../../src/teams/teamsTheme';

describe('connectToTeams', () => {
  it('runs a top-level page in demo mode', async () => {
    const host = await connectToTeams(window);
    expect(host.inTeams).toBe(false);
    expect(host.theme).toBeUndefined();
  });

  it('runs a framed page outside Teams in demo mode once teams-js finds no Teams parent', async () => {
    const frame = document.createElement('iframe');
    document.body.appendChild(frame);
    const host = await connectToTeams(frame.contentWindow as Window);
    expect(host.inTeams).toBe(false);
  });
});

describe('fluentThemeForTeams', () => {
  it.each([
    ['default', teamsLightTheme],
    ['dark', teamsDarkTheme],
    ['contrast', teamsHighContrastTheme],
    ['glass', teamsLightTheme],
    [undefined, teamsLightTheme]
  ])('maps the Teams theme %s to the matching Fluent theme', (teamsTheme, expected) => {
    expect(fluentThemeForTeams(teamsTheme)).toBe(expected);
  });
});
