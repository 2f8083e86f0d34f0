import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/TextField';

interface SignInFormProps {
  busy: boolean;
  error: string | undefined;
  onSignIn(email: string, password: string): void;
}

export function SignInForm({ busy, error, onSignIn }: SignInFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSignIn(email.trim(), password);
  }

  return (
    <section className="panel" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Sign in</h2>
      <form onSubmit={submit}>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <ErrorNotice message={error} />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </section>
  );
}
