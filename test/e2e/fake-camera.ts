import config from '../../playwright.config';

/** Launch options (for `test.use`) whose fake camera loops `clip` (y4m) instead of the suite's default one. */
export function fakeCameraLaunchOptions(clip: string) {
  const baseArgs = (config.use?.launchOptions?.args ?? []).filter((arg) => !arg.startsWith('--use-file-for-fake-video-capture='));
  return { ...config.use?.launchOptions, args: [...baseArgs, `--use-file-for-fake-video-capture=${clip}`] };
}
