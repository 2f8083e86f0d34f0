import { AuthPanel } from './auth/AuthPanel';
import { AppLayout } from './ui/AppLayout';

export function App() {
  return (
    <AppLayout>
      <AuthPanel />
    </AppLayout>
  );
}
