import { Center, Loader } from '@mantine/core';
import { Suspense, lazy, type ComponentType } from 'react';

/** A page component whose code is fetched on first render, or earlier through `preload`. */
export type LazyPage = ComponentType & { preload(): void };

/**
 * A page fetched on its first render, with a loader meanwhile: each route becomes its own chunk, so a
 * visitor downloads the screens they open and not the whole application. `fullHeight` centres the
 * loader on an empty screen (pages outside the signed-in frame).
 */
export function lazyPage(load: () => Promise<ComponentType>, { fullHeight = false }: { fullHeight?: boolean } = {}): LazyPage {
  let loading: Promise<ComponentType> | undefined;
  // A failed fetch is forgotten, so the render (or a later preload) fetches again and lazy() shows its failure.
  const fetchPage = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  const Page = lazy(async () => ({ default: await fetchPage() }));
  function LazyPage() {
    return (
      <Suspense
        fallback={
          <Center {...(fullHeight ? { h: '100vh' } : { py: 'xl' })}>
            <Loader />
          </Center>
        }
      >
        <Page />
      </Suspense>
    );
  }
  LazyPage.preload = () => void fetchPage().catch(() => {});
  return LazyPage;
}
