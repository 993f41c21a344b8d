import type { ReactNode } from 'react';
import { SingleCardLayout } from '../common/SingleCardLayout';

/** The frame of the sign-in steps: demo banner, brand, language choice and one card. */
export function AuthLayout({ titleId, children }: { titleId: string; children: ReactNode }) {
  return (
    <SingleCardLayout titleId={titleId} width={460} noticeId="auth.confidentiality">
      {children}
    </SingleCardLayout>
  );
}
