import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, currentRefreshToken, endSession, onSessionChange, startSession, type Me } from '../api';

/** Who is signed in, and the actions that change it. */
export interface Session {
  readonly user: Me | undefined;
  /** Signs in; throws an Error whose message is shown to the user (wrong password, not an admin…). */
  logIn(email: string, password: string): Promise<void>;
  logOut(): Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** Only admins may use the console: a customer's tokens are given back at once. */
export const NOT_AN_ADMIN = 'This account is not an admin. The console is for the people who run the shop.';

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [user, setUser] = useState<Me | undefined>(undefined);
  useEffect(() => onSessionChange((signedIn) => !signedIn && setUser(undefined)), []);

  const logOut = useCallback(async () => {
    const refreshToken = currentRefreshToken();
    if (refreshToken) await api.logOut(refreshToken).catch(() => undefined);
    endSession();
  }, []);

  const logIn = useCallback(
    async (email: string, password: string) => {
      try {
        startSession(await api.logIn(email, password));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          throw new Error('The email or password is wrong.', { cause: error });
        }
        throw error;
      }
      const me = await api.me();
      if (!me.roles.includes('admin')) {
        await logOut();
        throw new Error(NOT_AN_ADMIN);
      }
      setUser(me);
    },
    [logOut],
  );

  const session = useMemo(() => ({ user, logIn, logOut }), [user, logIn, logOut]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}
