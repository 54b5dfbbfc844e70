// Who is signed in, shared by every page; refreshed after signing in or out.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { getJson, setCsrfToken } from './api.ts';

export type Me = {
  kind: 'anonymous' | 'admin' | 'user';
  email: string | null;
  admin: boolean;
  csrfToken: string | null;
  summits: { slug: string; name: string; roles: string[]; delegations: string[]; people: string[] }[];
};

type Auth = { me: Me | null; refresh(): Promise<Me> };
const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const refresh = useCallback(async () => {
    const next = await getJson<Me>('/api/auth/me');
    setCsrfToken(next.csrfToken);
    setMe(next);
    return next;
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return <AuthContext.Provider value={{ me, refresh }}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** Whether the signed-in caller is the support unit of a summit (administrators are, everywhere). */
export const isSupportUnit = (me: Me | null, slug: string) =>
  !!me && (me.admin || me.summits.some((s) => s.slug === slug && s.roles.includes('support_unit')));
