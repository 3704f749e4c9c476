import { type Theme, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';

/**
 * Teams reports its theme as "default", "dark" or "contrast" (newer hosts may add others, such as "glass");
 * anything unknown falls back to the light theme rather than failing.
 */
export function fluentThemeForTeams(teamsTheme: string | undefined): Theme {
  switch (teamsTheme) {
    case 'dark':
      return teamsDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return teamsLightTheme;
  }
}
