// Who is signed in: the session token (kept for the browser tab only), the
// user and the role the screens are chosen by.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, call, getToken, onSessionEvent, setToken, type Schemas } from './api/client';

export type User = Schemas['User'];
// inspector: the inspector's and the auditor's screens (inspection, control);
// commune: the officer or collection agent who works one commune.
export type Role = 'officer' | 'inspector' | 'employer' | 'facility' | 'citizen' | 'commune';

type Auth = {
  user: User | null;
  role: Role | null;
  loading: boolean;
  expired: boolean;
  offline: boolean;
  // A session, or the second factor's challenge whose code was sent.
  login: (username: string, password: string) => Promise<Challenge | null>;
  verify: (challenge: string, code: string) => Promise<void>;
  enrol: (e: Enrolment) => Promise<Challenge>;
  confirmEnrolment: (challenge: string, code: string) => Promise<void>;
  logout: () => Promise<void>;
};

export type Challenge = Schemas['SecondFactorChallenge'];
export type Enrolment = { cccd: string; full_name: string; birth_date: string; phone: string; password: string };

const Ctx = createContext<Auth | null>(null);

export function roleOf(u: User | null): Role | null {
  if (!u) return null;
  for (const r of ['officer', 'employer', 'facility', 'citizen'] as Role[]) if (u.roles.includes(r)) return r;
  if (u.roles.includes('inspector') || u.roles.includes('auditor')) return 'inspector';
  if (u.roles.includes('commune_officer')) return 'commune';
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

  const adopt = (r: { token: string; user: User }) => {
    setToken(r.token);
    setExpired(false);
    setUser(r.user);
  };
  const login = async (username: string, password: string) => {
    const r = await call(api.POST('/auth/login', { body: { username, password } }));
    if (r.second_factor) return r.second_factor;
    if (r.token && r.user) adopt({ token: r.token, user: r.user });
    return null;
  };
  const verify = async (challenge: string, code: string) => {
    adopt(await call(api.POST('/auth/verify', { body: { challenge, code } })));
  };
  const enrol = (e: Enrolment) => call(api.POST('/identity/enrolments', { body: { ...e, channel: 'sms' } }));
  const confirmEnrolment = async (challenge: string, code: string) => {
    adopt(await call(api.POST('/identity/enrolments/confirm', { body: { challenge, code } })));
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
    <Ctx.Provider value={{ user, role: roleOf(user), loading, expired, offline, login, verify, enrol, confirmEnrolment, logout }}>{children}</Ctx.Provider>
  );
}

export function useAuth(): Auth {
  const a = useContext(Ctx);
  if (!a) throw new Error('AuthProvider missing');
  return a;
}
