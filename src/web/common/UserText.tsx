import { Text, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * Text someone typed (a note, a description, a name, opening hours), shown in its own direction:
 * "Needs a safe place tonight." stays a left-to-right sentence with its full stop at its end inside an
 * Arabic page, and an Arabic note keeps its shape in a French one. `dir="auto"` isolates the text from
 * the page around it (bidi isolation), so neighbouring numbers and punctuation are not reordered either.
 */
export function UserText({ children, ...props }: TextProps & { children: ReactNode; component?: 'p' | 'span' | 'div' }) {
  return (
    <Text dir="auto" style={{ whiteSpace: 'pre-wrap', unicodeBidi: 'isolate' }} {...props}>
      {children}
    </Text>
  );
}
