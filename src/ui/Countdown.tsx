import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Time left until `until` as h:mm:ss, ticking each second; "expired" once it has passed. */
export function Countdown({ until }: { until: Date }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.floor((until.getTime() - now) / 1000);
  if (seconds <= 0) return <span>{t('session.expired')}</span>;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return <span>{t('session.expiresIn', { time: `${h}:${pad(m)}:${pad(s)}` })}</span>;
}
