import Link, { type LinkProps } from '@cloudscape-design/components/link';
import { useNavigate } from 'react-router';

/**
 * A Cloudscape link to another screen of the console: a real `href` (open in a new tab
 * works), followed by the router rather than a page load.
 */
export function InAppLink({ href, children, ...rest }: LinkProps & { href: string }) {
  const navigate = useNavigate();
  return (
    <Link
      {...rest}
      href={href}
      onFollow={(event) => {
        event.preventDefault();
        void navigate(href);
      }}
    >
      {children}
    </Link>
  );
}
