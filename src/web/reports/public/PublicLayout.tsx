import type { ReactNode } from 'react';
import { SingleCardLayout } from '../../common/SingleCardLayout';

/** The frame of the public pages: no navigation, no account, just the brand, the language and one card. */
export function PublicLayout({ titleId, children, footer }: { titleId: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <SingleCardLayout titleId={titleId} width={720} noticeId="publicReport.privacy" brandLink="/report" footer={footer}>
      {children}
    </SingleCardLayout>
  );
}
