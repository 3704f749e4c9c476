import { createDarkTheme, createLightTheme, webLightTheme, type BrandVariants, type Theme } from '@fluentui/react-components';

/**
 * The parts of SPFx's (Fluent UI v8) theme the mapping reads: `ThemeProvider.tryGetTheme()` and
 * `ThemeChangedEventArgs.theme` give an `IReadonlyTheme`, whose section variants (supportsThemeVariants) change the
 * semantic colours. Structural, so this file needs no SPFx import and runs in unit tests.
 */
export interface SpfxThemeV8 {
  isInverted?: boolean;
  palette?: Partial<
    Record<
      | 'themeDarker'
      | 'themeDark'
      | 'themeDarkAlt'
      | 'themePrimary'
      | 'themeSecondary'
      | 'themeTertiary'
      | 'themeLight'
      | 'themeLighter'
      | 'themeLighterAlt',
      string
    >
  >;
  semanticColors?: Partial<
    Record<
      | 'bodyBackground'
      | 'bodyBackgroundHovered'
      | 'bodyStandoutBackground'
      | 'bodyText'
      | 'bodySubtext'
      | 'bodyDivider'
      | 'inputBorder'
      | 'link'
      | 'linkHovered'
      | 'disabledText'
      | 'disabledBackground',
      string
    >
  >;
}

const hex = /^#([0-9a-f]{6})$/i;

/** Mixes two `#rrggbb` colours; `amount` 0 is `a`, 1 is `b`. A colour that is not `#rrggbb` is returned as is. */
export function mix(a: string, b: string, amount: number): string {
  const ma = hex.exec(a.trim());
  const mb = hex.exec(b.trim());
  if (!ma || !mb) return a;
  const channel = (m: RegExpExecArray, i: number): number => parseInt(m[1].slice(i * 2, i * 2 + 2), 16);
  return `#${[0, 1, 2]
    .map((i) =>
      Math.round(channel(ma, i) + (channel(mb, i) - channel(ma, i)) * amount)
        .toString(16)
        .padStart(2, '0')
    )
    .join('')}`;
}

/**
 * Fluent v9's 16-step brand ramp (10 darkest, 80 the primary, 160 lightest) from v8's nine theme slots: the slots
 * take the steps they correspond to, the ends are darkened or lightened from the nearest slot.
 */
export function brandRamp(palette: NonNullable<SpfxThemeV8['palette']>): BrandVariants | undefined {
  const primary = palette.themePrimary;
  if (!primary || !hex.test(primary)) return undefined;
  const darker = palette.themeDarker ?? mix(primary, '#000000', 0.45);
  const dark = palette.themeDark ?? mix(primary, '#000000', 0.3);
  const darkAlt = palette.themeDarkAlt ?? mix(primary, '#000000', 0.1);
  const secondary = palette.themeSecondary ?? mix(primary, '#ffffff', 0.15);
  const tertiary = palette.themeTertiary ?? mix(primary, '#ffffff', 0.45);
  const light = palette.themeLight ?? mix(primary, '#ffffff', 0.7);
  const lighter = palette.themeLighter ?? mix(primary, '#ffffff', 0.85);
  const lighterAlt = palette.themeLighterAlt ?? mix(primary, '#ffffff', 0.95);
  return {
    10: mix(darker, '#000000', 0.6),
    20: mix(darker, '#000000', 0.45),
    30: mix(darker, '#000000', 0.3),
    40: mix(darker, '#000000', 0.15),
    50: darker,
    60: dark,
    70: darkAlt,
    80: primary,
    90: secondary,
    100: mix(secondary, tertiary, 0.5),
    110: tertiary,
    120: mix(tertiary, light, 0.5),
    130: light,
    140: lighter,
    150: lighterAlt,
    160: mix(lighterAlt, '#ffffff', 0.5)
  };
}

/**
 * The Fluent v9 theme for the web part: SPFx 1.21's own v9 theme when the page provides one
 * (`ThemeProvider.tryGetThemeV2()`), otherwise one built from the v8 theme's palette (the brand ramp) and semantic
 * colours (backgrounds, text, borders, links: what a section variant changes), light or dark as the theme is
 * inverted. Without either, Fluent's web light theme.
 */
export function fluentThemeFromSpfx(themeV2: Partial<Theme> | undefined, themeV8: SpfxThemeV8 | undefined): Theme {
  if (themeV2 && Object.keys(themeV2).length > 0) return { ...webLightTheme, ...themeV2 } as Theme;
  if (!themeV8) return webLightTheme;
  const brand = themeV8.palette ? brandRamp(themeV8.palette) : undefined;
  const base: Theme = brand ? (themeV8.isInverted ? createDarkTheme(brand) : createLightTheme(brand)) : webLightTheme;
  const s = themeV8.semanticColors ?? {};
  const overrides: Partial<Theme> = {};
  const set = (token: keyof Theme, value: string | undefined): void => {
    if (value) (overrides as Record<string, string>)[token] = value;
  };
  set('colorNeutralBackground1', s.bodyBackground);
  set('colorNeutralBackground1Hover', s.bodyBackgroundHovered);
  set('colorNeutralBackground2', s.bodyStandoutBackground);
  set('colorNeutralForeground1', s.bodyText);
  set('colorNeutralForeground2', s.bodySubtext);
  set('colorNeutralStroke2', s.bodyDivider);
  set('colorNeutralStroke1', s.inputBorder);
  set('colorBrandForegroundLink', s.link);
  set('colorBrandForegroundLinkHover', s.linkHovered);
  set('colorNeutralForegroundDisabled', s.disabledText);
  set('colorNeutralBackgroundDisabled', s.disabledBackground);
  return { ...base, ...overrides };
}
