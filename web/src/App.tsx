// The console's screens by role, each reachable only by the roles it is
// for (the API refuses the data anyway: the page never hides data only).
import { Alert, Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentType } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { useAuth, type Role } from './auth';
import { Layout } from './components/Layout';
import { Login } from './pages/Login';

const Dashboard = lazy(() => import('./pages/officer/Dashboard'));
const Persons = lazy(() => import('./pages/officer/Persons'));
const PersonDetail = lazy(() => import('./pages/officer/PersonDetail'));
const Employers = lazy(() => import('./pages/officer/Employers'));
const EmployerDetail = lazy(() => import('./pages/officer/EmployerDetail'));
const Collection = lazy(() => import('./pages/officer/Collection'));
const Claims = lazy(() => import('./pages/officer/Claims'));
const Submission = lazy(() => import('./pages/officer/Submission'));
const Programmes = lazy(() => import('./pages/officer/Programmes'));
const ProgrammeDetail = lazy(() => import('./pages/officer/ProgrammeDetail'));
const Declaration = lazy(() => import('./pages/employer/Declaration'));
const Statement = lazy(() => import('./pages/employer/Statement'));
const Payments = lazy(() => import('./pages/employer/Payments'));
const Workers = lazy(() => import('./pages/employer/Workers'));
const CardCheck = lazy(() => import('./pages/facility/CardCheck'));
const SubmitClaims = lazy(() => import('./pages/facility/SubmitClaims'));
const Submissions = lazy(() => import('./pages/facility/Submissions'));
const Settlement = lazy(() => import('./pages/facility/Settlement'));
const MyBook = lazy(() => import('./pages/citizen/MyBook'));
const Benefits = lazy(() => import('./pages/officer/Benefits'));
const Funds = lazy(() => import('./pages/officer/Funds'));
const Inspection = lazy(() => import('./pages/control/Inspection'));
const Integrity = lazy(() => import('./pages/control/Integrity'));
const Services = lazy(() => import('./pages/officer/Services'));
const Development = lazy(() => import('./pages/officer/Development'));
const MyDossiers = lazy(() => import('./pages/shared/MyDossiers'));
const Calculator = lazy(() => import('./components/BenefitCalculator'));

type Page = { path: string; roles: Role[]; component: ComponentType<any> };
export const pages: Page[] = [
  { path: '/persons/:cccd', roles: ['officer'], component: PersonDetail },
  { path: '/persons', roles: ['officer'], component: Persons },
  { path: '/employers/:code', roles: ['officer'], component: EmployerDetail },
  { path: '/employers', roles: ['officer'], component: Employers },
  { path: '/collection', roles: ['officer'], component: Collection },
  { path: '/claims/submissions/:txn', roles: ['officer', 'facility'], component: Submission },
  { path: '/claims', roles: ['officer'], component: Claims },
  { path: '/programmes/:id', roles: ['officer'], component: ProgrammeDetail },
  { path: '/programmes', roles: ['officer'], component: Programmes },
  { path: '/declaration', roles: ['employer'], component: Declaration },
  { path: '/statement', roles: ['employer'], component: Statement },
  { path: '/payments', roles: ['employer'], component: Payments },
  { path: '/workers', roles: ['employer'], component: Workers },
  { path: '/card-check', roles: ['facility'], component: CardCheck },
  { path: '/submit-claims', roles: ['facility'], component: SubmitClaims },
  { path: '/submissions', roles: ['facility'], component: Submissions },
  { path: '/settlement', roles: ['facility'], component: Settlement },
  { path: '/my-book', roles: ['citizen'], component: MyBook },
  { path: '/benefits', roles: ['officer'], component: Benefits },
  { path: '/funds', roles: ['officer'], component: Funds },
  { path: '/calculator', roles: ['citizen', 'employer'], component: Calculator },
  { path: '/services', roles: ['officer'], component: Services },
  { path: '/development', roles: ['officer', 'commune'], component: Development },
  { path: '/my-dossiers', roles: ['citizen', 'employer'], component: MyDossiers },
  { path: '/inspection', roles: ['officer', 'inspector'], component: Inspection },
  { path: '/control', roles: ['officer', 'inspector'], component: Integrity },
];

const home: Record<Role, string> = {
  officer: '/', inspector: '/inspection', employer: '/statement', facility: '/card-check', citizen: '/my-book', commune: '/development',
};

function Forbidden() {
  return (
    <Alert color="red" title="Không có quyền truy cập" role="alert">
      Tài khoản của bạn không được xem trang này.
    </Alert>
  );
}

export function App() {
  const { user, role, loading } = useAuth();
  if (loading)
    return (
      <Center h="100vh">
        <Loader aria-label="Đang tải" />
      </Center>
    );
  if (!user || !role) return <Login />;
  return (
    <Layout>
      <Suspense fallback={<Loader aria-label="Đang tải" />}>
        <Switch>
          {pages.map((p) => (
            <Route key={p.path} path={p.path}>
              {(params) => (p.roles.includes(role) ? <p.component {...params} /> : <Forbidden />)}
            </Route>
          ))}
          <Route path="/">{role === 'officer' ? <Dashboard /> : <Redirect to={home[role]} />}</Route>
          <Route>
            <Alert color="yellow" title="Không có trang này">
              Đường dẫn không tồn tại.
            </Alert>
          </Route>
        </Switch>
      </Suspense>
    </Layout>
  );
}
