import { Center, Loader } from '@mantine/core';
import { Suspense, lazy, type ComponentType } from 'react';

/** Loads a case page on first visit: the case screens (forms, date pickers) are a third of the app. */
function lazyPage(load: () => Promise<ComponentType>) {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyCasePage() {
    return (
      <Suspense
        fallback={
          <Center py="xl">
            <Loader />
          </Center>
        }
      >
        <Page />
      </Suspense>
    );
  };
}

export const CasesPage = lazyPage(async () => (await import('./CasesPage')).CasesPage);
export const NewCasePage = lazyPage(async () => (await import('./NewCasePage')).NewCasePage);
export const CasePage = lazyPage(async () => (await import('./CasePage')).CasePage);
