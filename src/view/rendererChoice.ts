/**
 * Which pixi renderer to use. WebGL when a GPU accelerates it; when WebGL would be rasterised in software
 * (SwiftShader, llvmpipe: no GPU, e.g. a headless browser or a remote desktop) pixi's Canvas 2D renderer draws this
 * scene faster: measured in headless chromium, 66 ms per frame with software WebGL against 16.7 ms with Canvas 2D.
 * `?renderer=webgl` or `?renderer=canvas` in the address forces one.
 */
export type RendererChoice = 'webgl' | 'canvas';

const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export function chooseRenderer(forced: string | null): RendererChoice {
  if (forced === 'webgl' || forced === 'canvas') return forced;
  const probe = document.createElement('canvas');
  const gl = (probe.getContext('webgl2') ?? probe.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return 'canvas';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return SOFTWARE_GL.test(name) ? 'canvas' : 'webgl';
}
