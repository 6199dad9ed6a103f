import { useSyncExternalStore } from 'react';

const noSubscribe = () => () => undefined;

/**
 * False on the server and while hydrating, true once the component runs in the browser: what depends on the DOM
 * (a measured canvas, a layout stored in this browser) is drawn only then, so hydration matches the server's HTML.
 */
export function useInBrowser(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}
