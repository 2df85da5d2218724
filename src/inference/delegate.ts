import type { Delegate } from './detector';

/** Renderers that draw WebGL in software: MediaPipe's GPU delegate is 10-20x slower there than its CPU one. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

export interface DelegateChoice {
  readonly delegate: Delegate;
  readonly reason: string;
}

/** The WebGL renderer's name, or null when WebGL2 is unavailable. */
export function webglRenderer(): string | null {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}

/** Picks the faster delegate for this machine: CPU without WebGL2 or on a software renderer, else GPU. */
export function chooseDelegate(renderer: string | null = webglRenderer()): DelegateChoice {
  if (renderer === null) return { delegate: 'CPU', reason: 'no WebGL2' };
  const software = SOFTWARE_RENDERER.exec(renderer);
  if (software) return { delegate: 'CPU', reason: `software WebGL: ${software[0]}` };
  return { delegate: 'GPU', reason: `hardware WebGL (${renderer})` };
}
