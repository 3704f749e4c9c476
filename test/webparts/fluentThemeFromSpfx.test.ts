import { createDarkTheme, webLightTheme } from '@fluentui/react-components';
import { brandRamp, fluentThemeFromSpfx, mix } from '../../src/webparts/filePlan/fluentThemeFromSpfx';

const teal = {
  themeDarker: '#004e4e',
  themeDark: '#006a6a',
  themeDarkAlt: '#007d7d',
  themePrimary: '#008b8b',
  themeSecondary: '#179898',
  themeTertiary: '#56bbbb',
  themeLight: '#a6dddd',
  themeLighter: '#cdeded',
  themeLighterAlt: '#eff9f9'
};

describe('fluentThemeFromSpfx', () => {
  it("uses SPFx 1.21's own Fluent v9 theme when the page gives one", () => {
    const theme = fluentThemeFromSpfx({ colorBrandBackground: '#123456' }, { palette: teal });
    expect(theme.colorBrandBackground).toBe('#123456');
    expect(theme.colorNeutralForeground1).toBe(webLightTheme.colorNeutralForeground1);
  });

  it("builds the brand ramp from the v8 palette, the primary at 80, and follows a section's semantic colours", () => {
    const theme = fluentThemeFromSpfx(undefined, {
      palette: teal,
      semanticColors: { bodyBackground: '#f4f4f4', bodyText: '#201f1e', link: '#005a5a', bodyDivider: '#e1dfdd' }
    });
    expect(theme.colorBrandBackground).toBe(teal.themePrimary);
    expect(theme.colorNeutralBackground1).toBe('#f4f4f4');
    expect(theme.colorNeutralForeground1).toBe('#201f1e');
    expect(theme.colorBrandForegroundLink).toBe('#005a5a');
    expect(theme.colorNeutralStroke2).toBe('#e1dfdd');
  });

  it('is dark when the SharePoint theme is inverted', () => {
    const ramp = brandRamp(teal)!;
    const theme = fluentThemeFromSpfx(undefined, { isInverted: true, palette: teal });
    expect(theme.colorNeutralBackground1).toBe(createDarkTheme(ramp).colorNeutralBackground1);
  });

  it("falls back to Fluent's web light theme without a usable theme", () => {
    expect(fluentThemeFromSpfx(undefined, undefined)).toBe(webLightTheme);
    expect(fluentThemeFromSpfx({}, { palette: { themePrimary: 'rgb(0, 0, 0)' } }).colorBrandBackground).toBe(
      webLightTheme.colorBrandBackground
    );
  });
});

describe('brandRamp', () => {
  it('runs from dark to light through the nine v8 slots, filling in slots a palette lacks', () => {
    const ramp = brandRamp(teal)!;
    expect([ramp[50], ramp[60], ramp[70], ramp[80], ramp[90], ramp[110], ramp[130], ramp[140], ramp[150]]).toEqual([
      teal.themeDarker,
      teal.themeDark,
      teal.themeDarkAlt,
      teal.themePrimary,
      teal.themeSecondary,
      teal.themeTertiary,
      teal.themeLight,
      teal.themeLighter,
      teal.themeLighterAlt
    ]);
    const luminance = (hex: string): number => [1, 3, 5].reduce((sum, i) => sum + parseInt(hex.slice(i, i + 2), 16), 0);
    const steps = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160] as const;
    for (let i = 1; i < steps.length; i++) expect(luminance(ramp[steps[i]])).toBeGreaterThanOrEqual(luminance(ramp[steps[i - 1]]));
    expect(brandRamp({ themePrimary: '#0078d4' })![80]).toBe('#0078d4');
    expect(brandRamp({})).toBeUndefined();
  });

  it('mixes #rrggbb colours and leaves other notations alone', () => {
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mix('#102030', '#102030', 0.3)).toBe('#102030');
    expect(mix('red', '#ffffff', 0.5)).toBe('red');
  });
});
