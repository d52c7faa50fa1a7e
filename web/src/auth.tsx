// Who is signed in: the session token (kept for the browser tab only), the
// user and the role the screens are chosen by.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, call, getToken, onSessionEvent, setToken, type Schemas } from './api/client';

export type User = Schemas['User'];
// inspector: the inspector's and the auditor's screens (inspection, control).
export type Role = 'officer' | 'inspector' | 'employer' | 'facility' | 'citizen';

type Auth = {
  user: User | null;
  role: Role | null;
  loading: boolean;
  expired: boolean;
  offline: boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
};

const Ctx = createContext<Auth | null>(null);

export function roleOf(u: User | null): Role | null {
  if (!u) return null;
  for (const r of ['officer', 'employer', 'facility', 'citizen'] as Role[]) if (u.roles.includes(r)) return r;
  if (u.roles.includes('inspector') || u.roles.includes('auditor')) return 'inspector';
  return null;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(!!getToken());
  const [expired, setExpired] = useState(false);
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    const off = onSessionEvent((why) => {
      if (why === 'expired') {
        setUser(null);
        setExpired(true);
      }
      setOffline(why === 'offline');
    });
    if (getToken())
      call(api.GET('/auth/me'))
        .then((me) => setUser(me.user))
        .catch(() => setToken(null))
        .finally(() => setLoading(false));
    return () => {
      off();
    };
  }, []);

  const login = async (username: string, password: string) => {
    const r = await call(api.POST('/auth/login', { body: { username, password } }));
    setToken(r.token);
    setExpired(false);
    setUser(r.user);
  };
  const logout = async () => {
    try {
      await call(api.POST('/auth/logout'));
    } finally {
      setToken(null);
      setUser(null);
    }
  };
  return (
    <Ctx.Provider value={{ user, role: roleOf(user), loading, expired, offline, login, logout }}>{children}</Ctx.Provider>
  );
}

export function useAuth(): Auth {
  const a = useContext(Ctx);
  if (!a) throw new Error('AuthProvider missing');
  return a;
}
