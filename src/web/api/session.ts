import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { authApi, type Me } from '../../shared/api/auth';
import { ApiError, setCsrfToken } from './client';
import { call } from './call';

export type { Me };


export const ME_KEY = ['me'] as const;

/** Load the signed-in user; resolves to null when there is no (complete) session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await call(authApi.me);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      // A half-signed-in session keeps the token its answer handed out, for its code or its logout.
      if (error.code !== 'TWO_FACTOR_REQUIRED') setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The current session, shared by every component through the query cache. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, retry: false, staleTime: 60_000 });
}

/** The public config; the demo flag and default locale rarely change, so cache them for the visit. */
export function usePublicConfig() {
  return useQuery({
    queryKey: ['config', 'public'],
    queryFn: () => call(authApi.publicConfig),
    staleTime: Infinity,
    retry: 1,
  });
}

/** True when the signed-in user holds the permission. */
export function hasPermission(me: Me | null | undefined, permission: string): boolean {
  return !!me && me.permissions.includes(permission);
}

/** Sign out (this session or all of them) and drop everything cached about the user. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useCallback(
    async (everywhere = false) => {
      try {
        await call(everywhere ? authApi.logoutAll : authApi.logout);
      } finally {
        setCsrfToken(null);
        queryClient.clear();
        queryClient.setQueryData(ME_KEY, null);
      }
    },
    [queryClient],
  );
}
