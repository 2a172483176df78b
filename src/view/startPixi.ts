/** pixi's start on a page: the circuit canvas of the live view and of the training page. */
// The pages' Content-Security-Policy allows no eval. Pixi v8 builds its uniform/UBO upload code from strings at run
// time (the Function constructor) and refuses to start under such a policy unless this module is loaded: despite its
// name it installs pixi's own precompiled replacements, so nothing is evaluated and the policy stays strict.
import 'pixi.js/unsafe-eval';
import { Application } from 'pixi.js';
import { BACKGROUND } from './colors';
import { chooseRenderer } from './rendererChoice';

/** Starts pixi on a canvas that fills `canvasHost`, with the renderer `?renderer=` asks for (or the best here). */
export async function startPixi(
  canvasHost: HTMLElement,
  rendererParam: string | null,
  label = 'The ECMO circuit with its hemofilter limb, animated',
): Promise<Application> {
  const app = new Application();
  const renderer = chooseRenderer(rendererParam);
  await app.init({
    resizeTo: canvasHost,
    background: BACKGROUND,
    antialias: true,
    autoDensity: true,
    resolution: Math.min(window.devicePixelRatio || 1, 2),
    // nothing on the canvas takes pointer input and no filters are used: pixi's events, accessibility, DOM and filter
    // extensions (its browserAll chunk) are not loaded
    skipExtensionImports: true,
    // WebGL on a GPU, Canvas 2D where WebGL would be software-rendered (view/rendererChoice.ts)
    preference: renderer === 'webgl' ? ['webgl', 'canvas'] : ['canvas', 'webgl'],
  });
  app.canvas.dataset.testid = 'circuit-canvas';
  app.canvas.dataset.renderer = app.renderer.name;
  app.canvas.setAttribute('role', 'img');
  app.canvas.setAttribute('aria-label', label);
  canvasHost.append(app.canvas);
  // pixi follows window resizes by itself; the host also changes size when the page's layout does
  new ResizeObserver(() => app.queueResize()).observe(canvasHost);
  return app;
}
